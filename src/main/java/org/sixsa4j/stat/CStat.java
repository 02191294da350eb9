package org.sixsa4j.stat;

/**
 * The Cash statistic in XSPEC's form, for Poisson counts without a separately measured
 * background: {@code C = 2 Σ_i (m_i − d_i + d_i ln(d_i / m_i))}, where {@code d_i} are the
 * observed counts and {@code m_i} the model counts in bin {@code i} (Cash 1979, ApJ 228, 939;
 * XSPEC manual, Appendix B "Statistics in XSPEC"). It is −2 ln L of the Poisson likelihood plus a
 * term that depends on the data only, chosen so that each bin contributes zero at {@code m = d}.
 *
 * <p>Special cases: the {@code d ln(d/m)} term is dropped where {@code d = 0}, so such a bin
 * contributes {@code 2m}; a bin with {@code m = 0} and {@code d > 0} makes C infinite. Every bin
 * contributes a value ≥ 0, and exactly 0 where {@code m = d}.
 *
 * <p>Counts are {@code double} so that the same code serves observed, simulated and grouped
 * spectra; they need not be integers. Array methods read {@code n} bins starting at the given
 * offsets, write only arrays named {@code out}, and allocate nothing.
 */
public final class CStat {

    /**
     * Below this {@code |d − m| / (d + m)} the deviance is summed as a series; above it the direct
     * formula loses at most about one decimal digit to cancellation.
     */
    private static final double SERIES_LIMIT = 0.1;

    private CStat() {
    }

    /**
     * The contribution of one bin, {@code 2 (m − d + d ln(d/m))}.
     *
     * @param counts the observed counts d ≥ 0
     * @param model the model counts m ≥ 0
     * @return the contribution, ≥ 0; {@code +Infinity} when {@code m = 0 < d}
     */
    public static double bin(double counts, double model) {
        if (counts == 0) {
            return 2 * model;
        }
        if (model == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 2 * deviance(counts, model);
    }

    /**
     * C summed over bins {@code [0, counts.length)}.
     *
     * @param counts the observed counts
     * @param model the model counts, at least as long as {@code counts}
     */
    public static double value(double[] counts, double[] model) {
        return value(counts, 0, model, 0, counts.length);
    }

    /**
     * C summed over {@code n} bins: {@code counts[dataOffset .. dataOffset+n)} against
     * {@code model[modelOffset .. modelOffset+n)}.
     */
    public static double value(double[] counts, int dataOffset, double[] model, int modelOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += bin(counts[dataOffset + i], model[modelOffset + i]);
        }
        return sum;
    }

    /**
     * The per-bin contributions, for residual plots: {@code out[outOffset + i]} is the
     * contribution of bin {@code i < n}; their sum is {@link #value(double[], int, double[], int, int)}.
     *
     * @param out written at {@code [outOffset, outOffset + n)}
     */
    public static void contributions(double[] counts, int dataOffset, double[] model, int modelOffset, int n,
                                     double[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = bin(counts[dataOffset + i], model[modelOffset + i]);
        }
    }

    /**
     * The Poisson deviance {@code d ln(d/m) − (d − m)} for {@code d, m > 0}, accurate to rounding
     * even when d and m are large and close, where the direct formula cancels: at
     * {@code d ≈ m ≈ 1e7} the two terms are about 1e3 each and their difference about 1.
     *
     * <p>Near {@code d = m} it uses the series of Loader (2000, "Fast and accurate computation of
     * binomial probabilities"): with {@code v = (d − m)/(d + m)},
     * {@code d ln(d/m) = 2d (v + v³/3 + v⁵/5 + …)} and {@code 2dv − (d − m) = (d − m) v}, so the
     * deviance is {@code (d − m) v + 2d Σ_{j≥1} v^(2j+1)/(2j+1)}; every term after the first is
     * smaller than the one before by a factor {@code v² < 0.01}.
     */
    static double deviance(double d, double m) {
        double difference = d - m;
        double v = difference / (d + m);
        // Written so that a NaN takes the direct branch: the series loop would never end on it.
        if (!(Math.abs(v) < SERIES_LIMIT)) {
            return d * Math.log(d / m) - difference;
        }
        double v2 = v * v;
        double power = 2 * d * v;
        double sum = difference * v;
        for (int odd = 3; ; odd += 2) {
            power *= v2;
            double next = sum + power / odd;
            if (next == sum) {
                return sum;
            }
            sum = next;
        }
    }
}
