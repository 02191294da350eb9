package org.sixsa4j.stat;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The full Poisson log-likelihood of binned counts, constants included, as evidences and
 * importance weights need it: {@code ln L = Σ_i [d_i ln m_i − m_i − ln Γ(d_i + 1)]} for observed
 * counts {@code d_i} and model counts {@code m_i} (Cash 1979, ApJ 228, 939).
 *
 * <p>It differs from the {@link CStat C-stat} by a term of the data alone:
 * {@code ln L = S − C/2}, where {@code S = Σ_i [d_i ln d_i − d_i − ln Γ(d_i + 1)]} is the
 * log-likelihood of the saturated model {@code m = d} ({@link #saturated}). A hot loop over many
 * models of one spectrum can therefore compute S once and use the cheaper C-stat, which has no
 * log-gamma per bin.
 *
 * <p>Conventions: {@code 0 ln 0 = 0}, so a bin with {@code d = m = 0} contributes 0 and one with
 * {@code m = 0 < d} makes ln L {@code −Infinity}. Counts need not be integers (ln Γ extends the
 * factorial). Array methods read {@code n} bins, counts from {@code dataOffset} and model counts
 * from {@code modelOffset}, and allocate nothing.
 */
public final class PoissonLikelihood {

    private PoissonLikelihood() {
    }

    /** The log-likelihood of one bin, {@code d ln m − m − ln Γ(d + 1)}. */
    public static double bin(double counts, double model) {
        if (counts == 0) {
            return -model;
        }
        return counts * Math.log(model) - model - LogGamma.value(counts + 1);
    }

    /** ln L summed over {@code n} bins. */
    public static double logLikelihood(double[] counts, int dataOffset, double[] model, int modelOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += bin(counts[dataOffset + i], model[modelOffset + i]);
        }
        return sum;
    }

    /**
     * The log-likelihood of the saturated model {@code m = d}:
     * {@code Σ_i [d_i ln d_i − d_i − ln Γ(d_i + 1)]} over {@code counts[dataOffset .. dataOffset+n)};
     * {@code ln L = saturated − C/2}.
     */
    public static double saturated(double[] counts, int dataOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = counts[dataOffset + i];
            sum += bin(d, d);
        }
        return sum;
    }
}
