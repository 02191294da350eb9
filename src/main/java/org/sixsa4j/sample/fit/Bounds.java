package org.sixsa4j.sample.fit;

import java.util.Arrays;
import org.sixsa4j.sbi.JointPrior;

/**
 * The box [lower, upper] a fit searches: a model's parameter limits or a prior's support. A
 * bound may be infinite; {@code lower == upper} fixes a parameter (XSPEC's frozen parameter,
 * and how the interval searches hold one parameter while re-fitting the others). Immutable.
 */
public final class Bounds {
    private final double[] lower;
    private final double[] upper;

    private Bounds(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The box with these limits.
     *
     * @throws IllegalArgumentException if the lengths differ, a limit is NaN, or lower > upper
     */
    public static Bounds of(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(lower.length + " lower limits for " + upper.length + " upper limits");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i]) || lower[i] == Double.POSITIVE_INFINITY || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("parameter " + i + ": bounds [" + lower[i] + ", " + upper[i] + "] need lower <= upper, not NaN");
            }
        }
        return new Bounds(lower.clone(), upper.clone());
    }

    /** No limits on {@code n} parameters. */
    public static Bounds unbounded(int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Bounds(lo, hi);
    }

    /** The support of a prior, parameter by parameter. */
    public static Bounds of(JointPrior prior) {
        double[] lo = new double[prior.dimension()];
        double[] hi = new double[prior.dimension()];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = prior.prior(i).lower();
            hi[i] = prior.prior(i).upper();
        }
        return of(lo, hi);
    }

    /** The number of parameters. */
    public int dimension() {
        return lower.length;
    }

    /** The lower limit of parameter {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** The upper limit of parameter {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /** Whether parameter {@code i} is fixed: lower == upper. */
    public boolean isFixed(int i) {
        return lower[i] == upper[i];
    }

    /** Whether {@code value} is one of parameter {@code i}'s limits. */
    public boolean isAtBound(int i, double value) {
        return value == lower[i] || value == upper[i];
    }

    /**
     * The same box with parameter {@code i} fixed at {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} lies outside the limits of parameter i
     */
    public Bounds fix(int i, double value) {
        if (!(value >= lower[i] && value <= upper[i])) {
            throw new IllegalArgumentException("parameter " + i + ": " + value + " lies outside [" + lower[i] + ", " + upper[i] + "]");
        }
        double[] lo = lower.clone();
        double[] hi = upper.clone();
        lo[i] = value;
        hi[i] = value;
        return new Bounds(lo, hi);
    }

    /** Whether every component lies within its limits. */
    public boolean contains(double[] x) {
        for (int i = 0; i < lower.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** Moves each component of {@code x} to the nearest point of its interval, in place. */
    public void project(double[] x) {
        for (int i = 0; i < lower.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
    }

    /**
     * A typical size of parameter i near {@code value}: |value|, but at least 1e-3 of the
     * interval's width (or 1e-3 when it is wider than 1), so that a parameter at 0 still gets a
     * finite-difference step. Positive unless the parameter is fixed.
     */
    double scale(int i, double value) {
        return Math.max(Math.abs(value), 1e-3 * Math.min(1, upper[i] - lower[i]));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Bounds[");
        for (int i = 0; i < lower.length; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return s.append(']').toString();
    }
}
