package org.sixsa4j.spectrum;

import java.util.Arrays;

/**
 * Energy bins [low_i, high_i] in keV, strictly increasing: the input grid of a response, on
 * which models are integrated, or the channel bounds of EBOUNDS.
 */
public final class EnergyGrid {
    private final double[] low;
    private final double[] high;

    private EnergyGrid(double[] low, double[] high) {
        this.low = low;
        this.high = high;
    }

    /**
     * A grid from bin bounds; the arrays are copied.
     *
     * @throws IllegalArgumentException if a bound is not finite, a bin is empty or reversed, or
     *     bins do not increase
     */
    public static EnergyGrid of(double[] low, double[] high) {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high bounds differ in length");
        }
        for (int i = 0; i < low.length; i++) {
            if (!Double.isFinite(low[i]) || !Double.isFinite(high[i]) || high[i] <= low[i]) {
                throw new IllegalArgumentException("bin " + i + " is [" + low[i] + ", " + high[i] + "]");
            }
            if (i > 0 && low[i] < high[i - 1]) {
                throw new IllegalArgumentException("bin " + i + " starts at " + low[i] + " before bin " + (i - 1) + " ends at " + high[i - 1]);
            }
        }
        return new EnergyGrid(low.clone(), high.clone());
    }

    /** Contiguous bins between successive edges. */
    public static EnergyGrid fromEdges(double[] edges) {
        int n = edges.length - 1;
        if (n < 1) {
            throw new IllegalArgumentException("need at least two edges");
        }
        return of(Arrays.copyOf(edges, n), Arrays.copyOfRange(edges, 1, n + 1));
    }

    /** {@code n} bins of equal width from {@code first} to {@code last} keV. */
    public static EnergyGrid linear(double first, double last, int n) {
        double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            edges[i] = first + (last - first) * i / n;
        }
        return fromEdges(edges);
    }

    /** {@code n} bins of equal width in log E from {@code first} to {@code last} keV. */
    public static EnergyGrid logarithmic(double first, double last, int n) {
        double[] edges = new double[n + 1];
        double ratio = Math.log(last / first);
        for (int i = 0; i <= n; i++) {
            edges[i] = first * Math.exp(ratio * i / n);
        }
        edges[n] = last;
        return fromEdges(edges);
    }

    /** Number of bins. */
    public int size() {
        return low.length;
    }

    /** Lower bound of bin {@code i} in keV. */
    public double low(int i) {
        return low[i];
    }

    /** Upper bound of bin {@code i} in keV. */
    public double high(int i) {
        return high[i];
    }

    /** Centre of bin {@code i} in keV. */
    public double centre(int i) {
        return 0.5 * (low[i] + high[i]);
    }

    /** Width of bin {@code i} in keV. */
    public double width(int i) {
        return high[i] - low[i];
    }

    /** All lower bounds. */
    public double[] lows() {
        return low.clone();
    }

    /** All upper bounds. */
    public double[] highs() {
        return high.clone();
    }

    /** Whether every bin starts where the previous one ends. */
    public boolean contiguous() {
        for (int i = 1; i < low.length; i++) {
            if (low[i] != high[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The sub-grid of bins {@code from} (inclusive) to {@code to} (exclusive). */
    public EnergyGrid slice(int from, int to) {
        return new EnergyGrid(Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(high, from, to));
    }

    /**
     * Whether both grids have the same bins to a relative tolerance, as needed to compare a
     * float32 ARF grid with a float64 one.
     */
    public boolean matches(EnergyGrid other, double relativeTolerance) {
        return firstMismatch(other, relativeTolerance) < 0;
    }

    /** The first bin that differs beyond the tolerance, {@code size()} if only the sizes differ, or -1. */
    public int firstMismatch(EnergyGrid other, double relativeTolerance) {
        int n = Math.min(size(), other.size());
        for (int i = 0; i < n; i++) {
            if (Math.abs(low[i] - other.low[i]) > relativeTolerance * Math.abs(low[i])
                    || Math.abs(high[i] - other.high[i]) > relativeTolerance * Math.abs(high[i])) {
                return i;
            }
        }
        return size() == other.size() ? -1 : n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyGrid && Arrays.equals(low, ((EnergyGrid) o).low)
                && Arrays.equals(high, ((EnergyGrid) o).high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return size() == 0 ? "EnergyGrid[]" : "EnergyGrid[" + size() + " bins, " + low[0] + "-" + high[size() - 1] + " keV]";
    }
}
