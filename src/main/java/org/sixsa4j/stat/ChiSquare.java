package org.sixsa4j.stat;

/**
 * Pearson's χ² for counts: {@code χ² = Σ_i (d_i − m_i)² / σ_i²}, with the variance
 * {@code σ_i²} either estimated by one of XSPEC's {@link Weighting weightings} or given per bin
 * (XSPEC manual, Appendix B "Statistics in XSPEC" and the {@code weight} command).
 *
 * <p>Given errors follow XSPEC and the OGIP PHA format (OGIP/92-007): STAT_ERR is the absolute
 * statistical error and SYS_ERR a fractional systematic error of the data, added in quadrature,
 * {@code σ² = STAT_ERR² + (SYS_ERR · d)²} (see {@link #variance(double, double, double)}).
 *
 * <p>A bin whose residual {@code d − m} is zero contributes 0 even when its variance is zero
 * (model weighting with {@code m = d = 0}); otherwise a zero variance gives {@code +Infinity}.
 * Array methods read {@code n} bins: counts and any variance array from {@code dataOffset}, the
 * model counts from {@code modelOffset}; they allocate nothing.
 */
public final class ChiSquare {

    /**
     * How the variance of a bin is estimated from its observed counts d and model counts m
     * (XSPEC's {@code weight} command).
     */
    public enum Weighting {
        /**
         * XSPEC's standard weighting, {@code σ² = d}. XSPEC sets the variance of a bin with no
         * counts to 1 (Sherpa reproduces this as {@code chi2xspecvar}, which uses 1 for
         * {@code d < 1}, and its issue #356 compares the two programs bin by bin); so here
         * {@code σ² = max(d, 1)}.
         */
        DATA,
        /**
         * Gehrels (1986, ApJ 303, 336), eq. 7 with S = 1: {@code σ = 1 + sqrt(d + 0.75)}, the
         * distance from d to its 84.13% upper Poisson confidence limit; never zero.
         */
        GEHRELS,
        /** The model as variance, {@code σ² = m}. */
        MODEL;

        /** The variance σ² of a bin with observed counts d and model counts m. */
        public double variance(double counts, double model) {
            return switch (this) {
                case DATA -> Math.max(counts, 1);
                case GEHRELS -> {
                    double sigma = 1 + Math.sqrt(counts + 0.75);
                    yield sigma * sigma;
                }
                case MODEL -> model;
            };
        }
    }

    private ChiSquare() {
    }

    /** The contribution {@code (d − m)² / σ²} of one bin with the given variance. */
    public static double bin(double counts, double model, double variance) {
        double residual = counts - model;
        // A perfect match contributes nothing even where the variance is zero (0/0 otherwise).
        return residual == 0 ? 0 : residual * residual / variance;
    }

    /** The contribution of one bin with the variance from {@code weighting}. */
    public static double bin(Weighting weighting, double counts, double model) {
        return bin(counts, model, weighting.variance(counts, model));
    }

    /** χ² over {@code n} bins with the variance from {@code weighting}. */
    public static double value(Weighting weighting, double[] counts, int dataOffset,
                               double[] model, int modelOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += bin(weighting, counts[dataOffset + i], model[modelOffset + i]);
        }
        return sum;
    }

    /**
     * χ² over {@code n} bins with given variances, read from {@code variance[dataOffset + i]};
     * for example from {@link #variance(double, double, double)} once per observation.
     */
    public static double value(double[] counts, double[] variance, int dataOffset,
                               double[] model, int modelOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = dataOffset + i;
            sum += bin(counts[j], model[modelOffset + i], variance[j]);
        }
        return sum;
    }

    /**
     * The variance from a spectrum's errors, {@code σ² = statErr² + (sysErr · d)²}, XSPEC's
     * quadrature sum of the STAT_ERR column and the fractional SYS_ERR column times the counts.
     *
     * @param statErr the absolute statistical error (STAT_ERR)
     * @param sysErr the fractional systematic error (SYS_ERR), 0 when the spectrum has none
     * @param counts the observed counts d
     */
    public static double variance(double statErr, double sysErr, double counts) {
        double systematic = sysErr * counts;
        return statErr * statErr + systematic * systematic;
    }
}
