package org.sixsa4j.stat;

/**
 * The W statistic: XSPEC's C-stat for a source spectrum whose Poisson background is measured
 * in a separate spectrum, with the background rate in each bin profiled out (XSPEC manual,
 * Appendix B "Statistics in XSPEC", section "Poisson data with Poisson background", where Arnaud
 * extends Cash 1979, ApJ 228, 939 to a measured background; the statistic is named after Wachter,
 * Leach and Kellogg 1979, ApJ 230, 274, who profiled the background likelihood this way).
 *
 * <p>XSPEC writes it with the source and background exposures {@code t_s}, {@code t_b} (each the
 * product BACKSCAL·EXPOSURE·AREASCAL of its spectrum), the model rate {@code m_i}, the source and
 * background counts {@code S_i}, {@code B_i}, and a background rate {@code f_i} that maximises the
 * joint likelihood of {@code S_i ~ Poisson(t_s (m_i + f_i))} and {@code B_i ~ Poisson(t_b f_i)}:
 * <pre>
 *   W = 2 Σ_i [ t_s m_i + (t_s + t_b) f_i − S_i ln(t_s m_i + t_s f_i) − B_i ln(t_b f_i)
 *               − S_i (1 − ln S_i) − B_i (1 − ln B_i) ]
 *   f_i = (S_i + B_i − (t_s + t_b) m_i + d_i) / (2 (t_s + t_b))
 *   d_i = sqrt([(t_s + t_b) m_i − S_i − B_i]² + 4 (t_s + t_b) B_i m_i)
 * </pre>
 * with the special cases, per bin and before the factor 2:
 * {@code S_i = 0}: {@code t_s m_i − B_i ln(t_b / (t_s + t_b))};
 * {@code B_i = 0} and {@code m_i < S_i / (t_s + t_b)}: {@code −t_b m_i − S_i ln(t_s / (t_s + t_b))};
 * {@code B_i = 0} otherwise: {@code t_s m_i + S_i (ln S_i − ln(t_s m_i) − 1)}.
 *
 * <p>Here everything is written in the source model counts {@code μ_i = t_s m_i}, the scaling
 * ratio {@code r_i = t_s / t_b} and the profiled background counts in the source region
 * {@code β_i = t_s f_i}; W depends on nothing else. β is the non-negative root of
 * {@code (1 + r) β² + ((1 + r) μ − r (S + B)) β − r B μ = 0}, and each bin's term equals
 * {@code CStat(S, μ + β) + CStat(B, β / r)}, a sum of two Cash terms, so W ≥ 0 with equality
 * exactly where {@code μ = S − r B ≥ 0}. As {@code r → 0} (an infinitely long background
 * exposure) β → rB → 0 and W tends to the plain {@link CStat C-stat} of the source counts.
 *
 * <p>Ratios must be positive and finite. Array methods read {@code n} bins: the source counts,
 * background counts and any ratio array from {@code dataOffset}, the model counts from
 * {@code modelOffset}; they write only arrays named {@code out} and allocate nothing.
 */
public final class WStat {

    private WStat() {
    }

    /**
     * The contribution of one bin.
     *
     * @param source the source-region counts S ≥ 0
     * @param background the background-region counts B ≥ 0
     * @param model the model counts of the source, μ = t_s m ≥ 0
     * @param ratio r = t_s / t_b &gt; 0
     * @return the contribution, ≥ 0
     */
    public static double bin(double source, double background, double model, double ratio) {
        if (source == 0) {
            // t_b / (t_s + t_b) = 1 / (1 + r)
            return 2 * (model + background * Math.log1p(ratio));
        }
        if (background == 0) {
            // t_s / (t_s + t_b) = r / (1 + r), so m < S/(t_s + t_b) reads μ < r S / (1 + r)
            if (model < ratio * source / (1 + ratio)) {
                return 2 * (source * Math.log1p(1 / ratio) - model / ratio);
            }
            return CStat.bin(source, model);
        }
        double beta = profiledBackground(source, background, model, ratio);
        return CStat.bin(source, model + beta) + CStat.bin(background, beta / ratio);
    }

    /**
     * The profiled background, as counts expected in the source region: {@code β = t_s f}, the
     * value that maximises the joint Poisson likelihood of the source and background counts for
     * the given model. The background-region expectation is {@code β / r}.
     *
     * @return β ≥ 0; zero only where {@code B = 0} and {@code μ ≥ r S / (1 + r)}
     */
    public static double profiledBackground(double source, double background, double model, double ratio) {
        double onePlusR = 1 + ratio;
        double linear = onePlusR * model - ratio * (source + background);
        double root = Math.sqrt(linear * linear + 4 * ratio * onePlusR * background * model);
        // Of the two algebraically equal forms of the positive root, take the one that adds
        // numbers of the same sign: (root − linear) cancels when linear is large and positive.
        if (linear > 0) {
            return 2 * ratio * background * model / (linear + root);
        }
        return (root - linear) / (2 * onePlusR);
    }

    /** W summed over {@code n} bins with one ratio for all of them. */
    public static double value(double[] source, double[] background, double ratio, int dataOffset,
                               double[] model, int modelOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += bin(source[dataOffset + i], background[dataOffset + i], model[modelOffset + i], ratio);
        }
        return sum;
    }

    /** W summed over {@code n} bins with a ratio per bin, read from {@code ratio[dataOffset + i]}. */
    public static double value(double[] source, double[] background, double[] ratio, int dataOffset,
                               double[] model, int modelOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = dataOffset + i;
            sum += bin(source[j], background[j], model[modelOffset + i], ratio[j]);
        }
        return sum;
    }

    /**
     * The per-bin contributions, for residual plots, with a ratio per bin.
     *
     * @param out written at {@code [outOffset, outOffset + n)}
     */
    public static void contributions(double[] source, double[] background, double[] ratio, int dataOffset,
                                     double[] model, int modelOffset, int n, double[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            int j = dataOffset + i;
            out[outOffset + i] = bin(source[j], background[j], model[modelOffset + i], ratio[j]);
        }
    }
}
