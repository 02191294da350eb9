package org.sixsa4j.diagnostics;

import java.util.Arrays;

/**
 * A predictive check of an observed spectrum (Gelman, Meng &amp; Stern 1996; Gabry et al. 2019):
 * the central band, bin by bin, of spectra simulated from parameters drawn from the prior (a
 * prior predictive check: could the model have made the observation at all?) or from the
 * posterior (a posterior predictive check: does the fitted model make spectra like it?), and the
 * share of bins where the observed counts fall outside the band. For a model that fits, about
 * {@code 1 − level} of the bins lie outside its posterior predictive band; many more point to a
 * misfit, and a prior predictive band that misses the observation to a prior that excludes it.
 *
 * <p>Quantiles are empirical: the order statistics at ⌊p (n − 1)⌋ of the n simulated counts of a
 * bin. Immutable.
 */
public final class PredictiveBand {
    private final double level;
    private final double[] lower;
    private final double[] median;
    private final double[] upper;

    private PredictiveBand(double level, double[] lower, double[] median, double[] upper) {
        this.level = level;
        this.lower = lower;
        this.median = median;
        this.upper = upper;
    }

    /**
     * The central band holding {@code level} of the simulated counts in each bin.
     *
     * @param spectra simulated spectra, n rows of the same number of bins, n ≥ 2
     * @param level the band's probability, in (0, 1)
     */
    public static PredictiveBand of(double[][] spectra, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (spectra.length < 2) {
            throw new IllegalArgumentException("a predictive band needs at least 2 simulated spectra, got " + spectra.length);
        }
        int bins = spectra[0].length;
        int n = spectra.length;
        double[] lower = new double[bins];
        double[] median = new double[bins];
        double[] upper = new double[bins];
        double[] column = new double[n];
        double tail = (1 - level) / 2;
        for (int b = 0; b < bins; b++) {
            for (int i = 0; i < n; i++) {
                column[i] = spectra[i][b];
            }
            Arrays.sort(column);
            lower[b] = column[(int) Math.floor(tail * (n - 1))];
            median[b] = column[(int) Math.floor(0.5 * (n - 1))];
            upper[b] = column[(int) Math.ceil((1 - tail) * (n - 1))];
        }
        return new PredictiveBand(level, lower, median, upper);
    }

    /** The band's probability. */
    public double level() {
        return level;
    }

    /** The lower edge in each bin. */
    public double[] lower() {
        return lower.clone();
    }

    /** The median in each bin. */
    public double[] median() {
        return median.clone();
    }

    /** The upper edge in each bin. */
    public double[] upper() {
        return upper.clone();
    }

    /** The share of bins whose observed counts lie strictly below the lower or above the upper edge. */
    public double outsideFraction(double[] observed) {
        if (observed.length != lower.length) {
            throw new IllegalArgumentException(observed.length + " observed bins for a band of " + lower.length);
        }
        int outside = 0;
        for (int b = 0; b < observed.length; b++) {
            if (observed[b] < lower[b] || observed[b] > upper[b]) {
                outside++;
            }
        }
        return outside / (double) observed.length;
    }
}
