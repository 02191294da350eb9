package org.sixsa4j.stat;

/**
 * Goodness of fit for the C-stat (Kaastra 2017, A&amp;A 605, A51): the observed C, its expected value
 * {@code C_e} and its variance {@code C_v} when the data are Poisson draws from the model, and the
 * deviation {@link #sigma() (C − C_e) / sqrt(C_v)} in standard deviations.
 *
 * <p>Per bin with model counts μ, with {@code P(k; μ) = μ^k e^(−μ) / k!} and the Cash term
 * {@code c(k, μ) = 2 (μ − k + k ln(k/μ))} (see {@link CStat}),
 * {@code C_e(μ) = Σ_k P(k; μ) c(k, μ)} and {@code C_v(μ) = Σ_k P(k; μ) (c(k, μ) − C_e(μ))²}
 * (Kaastra 2017, Sect. 3); over a spectrum both are summed over bins, the bins being independent.
 * Here the sums are exact, not Kaastra's fitted approximations:
 * <ul>
 * <li>For {@code μ < 1000} the series is summed outward from the mode {@code k = ⌊μ⌋}, with the
 *     probabilities by the recurrences {@code P(k ± 1)} from {@code P(k)}, relative to the mode
 *     and normalised by their own sum; so no {@code ln Γ} of a large argument loses digits. Each
 *     side stops once a geometric bound on its remaining Poisson mass, times 1, c and c², falls
 *     below 1e-20 of the sums of P, P c and P c² so far.</li>
 * <li>For {@code μ ≥ 1000} it uses the asymptotic expansions in {@code 1/μ}
 *     <pre>
 *   C_e = 1 + 1/(6μ) + 1/(6μ²) + 19/(60μ³) + 9/(10μ⁴) + 863/(252μ⁵) + 1375/(84μ⁶) + …
 *   C_v = 2 + 2/(3μ) + 4/(3μ²) + 701/(180μ³) + 449/(30μ⁴) + 90329/(1260μ⁵) + 43313/(105μ⁶) + …
 *     </pre>
 *     derived by writing {@code c = Σ_{n≥2} 2 (−1)^n x^n / (n (n−1) μ^(n−1))} with {@code x = k − μ},
 *     taking expectations with the Poisson central moments and collecting powers of 1/μ. At
 *     μ = 1000 the first omitted terms are below 1e-19 ({@code C_e}) and 3e-18 ({@code C_v}),
 *     as checked against 40-digit direct sums; the series are asymptotic, with coefficients that
 *     grow factorially, so they are not used for smaller μ.</li>
 * </ul>
 * A bin with μ = 0 contributes 0 to both, as its counts are surely 0.
 *
 * @param cstat the observed C-stat
 * @param expected the expected value C_e of C under the model
 * @param variance the variance C_v of C under the model
 */
public record CStatGoodness(double cstat, double expected, double variance) {

    /** From this μ on, the asymptotic expansions replace the exact sums. */
    static final double ASYMPTOTIC_FROM = 1000;

    /** Coefficients of 1/μ^j, j = 0..6, in the expansion of C_e. */
    private static final double[] EXPECTED_SERIES = {
        1, 1.0 / 6, 1.0 / 6, 19.0 / 60, 9.0 / 10, 863.0 / 252, 1375.0 / 84
    };

    /** Coefficients of 1/μ^j, j = 0..6, in the expansion of C_v. */
    private static final double[] VARIANCE_SERIES = {
        2, 2.0 / 3, 4.0 / 3, 701.0 / 180, 449.0 / 30, 90329.0 / 1260, 43313.0 / 105
    };

    /** Stop summing a side once its remaining terms are below this fraction of each sum. */
    private static final double TAIL = 1e-20;

    /** The deviation of the observed C from its expectation, {@code (C − C_e) / sqrt(C_v)}. */
    public double sigma() {
        return (cstat - expected) / Math.sqrt(variance);
    }

    /**
     * The C-stat of {@code n} bins and its expected value and variance under the model: counts
     * from {@code counts[dataOffset]}, model counts from {@code model[modelOffset]}.
     */
    public static CStatGoodness of(double[] counts, int dataOffset, double[] model, int modelOffset, int n) {
        double[] moments = new double[2];
        double expected = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            moments(model[modelOffset + i], moments);
            expected += moments[0];
            variance += moments[1];
        }
        return new CStatGoodness(CStat.value(counts, dataOffset, model, modelOffset, n), expected, variance);
    }

    /** The expected C-stat contribution {@code C_e(μ)} of a bin with model counts μ ≥ 0. */
    public static double expectedBin(double mu) {
        double[] moments = new double[2];
        moments(mu, moments);
        return moments[0];
    }

    /** The variance {@code C_v(μ)} of the C-stat contribution of a bin with model counts μ ≥ 0. */
    public static double varianceBin(double mu) {
        double[] moments = new double[2];
        moments(mu, moments);
        return moments[1];
    }

    /** Writes {@code C_e(μ)} to {@code out[0]} and {@code C_v(μ)} to {@code out[1]}. */
    private static void moments(double mu, double[] out) {
        if (mu <= 0) {
            out[0] = 0;
            out[1] = 0;
        } else if (mu >= ASYMPTOTIC_FROM) {
            double u = 1 / mu;
            out[0] = horner(EXPECTED_SERIES, u);
            out[1] = horner(VARIANCE_SERIES, u);
        } else {
            exactMoments(mu, out);
        }
    }

    private static double horner(double[] coefficients, double u) {
        double sum = 0;
        for (int j = coefficients.length - 1; j >= 0; j--) {
            sum = sum * u + coefficients[j];
        }
        return sum;
    }

    /**
     * The sums over k with weights {@code w_k = P(k; μ) / P(mode; μ)}. The variance comes from raw
     * moments, {@code E[c²] − E[c]²}: over all μ, {@code C_v / C_e² ≥ 0.7}, so that subtraction
     * loses at most two bits.
     */
    private static void exactMoments(double mu, double[] out) {
        int mode = (int) mu;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double w = 1;
        double c = CStat.bin(mode, mu);
        for (int k = mode; ; k++) {
            s0 += w;
            s1 += w * c;
            s2 += w * c * c;
            // Above the mode the ratio w_{j+1}/w_j = μ/(j+1) falls, so the terms beyond k weigh
            // less than w q / (1 − q) with q = μ/(k+1) < 1.
            double q = mu / (k + 1);
            double next = CStat.bin(k + 1, mu);
            if (negligible(w * q / (1 - q), next, s0, s1, s2)) {
                break;
            }
            w *= q;
            c = next;
        }
        w = 1;
        for (int k = mode; k > 0; k--) {
            // Below the mode w_{j−1}/w_j = j/μ falls as j does: the terms below k weigh less
            // than w q / (1 − q) with q = k/μ, infinite (so no stop) only when k = μ.
            double q = k / mu;
            double next = CStat.bin(k - 1, mu);
            if (negligible(w * q / (1 - q), next, s0, s1, s2)) {
                break;
            }
            w *= q;
            s0 += w;
            s1 += w * next;
            s2 += w * next * next;
        }
        double mean = s1 / s0;
        out[0] = mean;
        out[1] = s2 / s0 - mean * mean;
    }

    /**
     * Whether a tail of the given mass, with c about {@code c} (its value at the tail's first
     * term), is below {@link #TAIL} of each sum. Mass alone is not enough: for small μ the mode
     * k = 0 has c = 2μ while the tiny-mass k = 1 term has c ≈ 2 |ln μ| and dominates C_e. Over the
     * tail c grows slowly while the weights fall at least geometrically, so c at its first term
     * stands in for the rest; 1e-20 leaves a factor 1000 of room over the 1e-17 aimed at.
     */
    private static boolean negligible(double mass, double c, double s0, double s1, double s2) {
        return mass < TAIL * s0 && mass * c < TAIL * s1 && mass * c * c < TAIL * s2;
    }
}
