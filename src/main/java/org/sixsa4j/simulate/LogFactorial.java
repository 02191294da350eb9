package org.sixsa4j.simulate;

/**
 * The logarithm of k! for whole numbers k, and the Poisson log-probability built on it: a table
 * below {@value #TABLE_SIZE} and Stirling's series above (Abramowitz &amp; Stegun 1964, 6.1.41).
 * Both agree with log Γ(k + 1) to a relative 1e-14 or better.
 */
final class LogFactorial {
    /** Where the table ends and the series starts; the series is converged to 1e-15 here. */
    static final int TABLE_SIZE = 256;

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double[] TABLE = new double[TABLE_SIZE];

    static {
        // Summing logs independently of any log-gamma code keeps the accuracy test honest; the
        // rounding errors of 255 additions stay below a relative 1e-14.
        for (int k = 2; k < TABLE_SIZE; k++) {
            TABLE[k] = TABLE[k - 1] + Math.log(k);
        }
    }

    private LogFactorial() {
    }

    /** log k! for a whole number {@code k >= 0} held in a double. */
    static double value(double k) {
        if (k < TABLE_SIZE) {
            return TABLE[(int) k];
        }
        return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + stirlingCorrection(k);
    }

    /**
     * log P(X = k) for X ~ Poisson(mean), with {@code k >= 0} a whole number and {@code mean > 0}.
     *
     * <p>Above the table the naive k log(mean) − mean − log k! loses every digit to cancellation
     * when the mean is large (at mean 1e15 both terms are near 3e16, an ulp of 4), so the terms
     * are regrouped as k log1p(d/k) − d − ½ log(2πk) − δ(k) with d = mean − k, which is exact when
     * k is within a factor two of the mean (Sterbenz) and leaves an absolute error near d·1e-16.
     */
    static double poissonLogPmf(double k, double mean) {
        if (k < TABLE_SIZE) {
            return k * Math.log(mean) - mean - TABLE[(int) k];
        }
        final double d = mean - k;
        return k * Math.log1p(d / k) - d - 0.5 * Math.log(k) - HALF_LOG_TWO_PI - stirlingCorrection(k);
    }

    /**
     * δ(k) = log k! − (k + ½) log k + k − ½ log 2π = 1/(12k) − 1/(360k³) + ...; the first omitted
     * term, 1/(1260k⁵), is below 1e-15 for k ≥ {@value #TABLE_SIZE}.
     */
    private static double stirlingCorrection(double k) {
        final double r = 1 / k;
        final double r2 = r * r;
        return r * (1.0 / 12 - r2 / 360);
    }
}
