package org.sixsa4j.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WStatTest {

    /**
     * XSPEC's formulas transcribed in XSPEC's own variables (exposures t_s, t_b and model rate m),
     * against the code's (μ = t_s m, r = t_s / t_b): this checks the change of variables and each
     * documented special case.
     */
    @Test
    void matchesXspecFormulasInXspecVariables() {
        double ts = 2;
        double tb = 5;
        double r = ts / tb;

        // S = 0: t_s m − B ln(t_b / (t_s + t_b))
        double m = 1.5;
        assertEquals(2 * (ts * m - 3 * Math.log(tb / (ts + tb))), WStat.bin(0, 3, ts * m, r), 1e-14);

        // B = 0, m < S/(t_s + t_b) = 4/7: −t_b m − S ln(t_s / (t_s + t_b))
        m = 0.25;
        assertEquals(2 * (-tb * m - 4 * Math.log(ts / (ts + tb))), WStat.bin(4, 0, ts * m, r), 1e-14);

        // B = 0, m ≥ S/(t_s + t_b): t_s m + S (ln S − ln(t_s m) − 1)
        m = 1.5;
        assertEquals(2 * (ts * m + 4 * (Math.log(4) - Math.log(ts * m) - 1)), WStat.bin(4, 0, ts * m, r), 1e-14);

        // general case with XSPEC's d_i and f_i
        double s = 6;
        double b = 4;
        double t = ts + tb;
        double dd = Math.sqrt(Math.pow(t * m - s - b, 2) + 4 * t * b * m);
        double f = (s + b - t * m + dd) / (2 * t);
        double w = 2 * (ts * m + t * f - s * Math.log(ts * m + ts * f) - b * Math.log(tb * f)
                - s * (1 - Math.log(s)) - b * (1 - Math.log(b)));
        assertEquals(w, WStat.bin(s, b, ts * m, r), 1e-13);
        assertEquals(ts * f, WStat.profiledBackground(s, b, ts * m, r), 1e-14);
    }

    /**
     * Independent oracle: maximise the joint Poisson likelihood of S ~ Poisson(μ + β) and
     * B ~ Poisson(β / r) over β ≥ 0 numerically (golden-section search on the convex −ln L), and
     * compare W and the maximising β with the closed form.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void profileFormulaMatchesNumericalMaximisation(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int trial = 0; trial < 300; trial++) {
            double r = Math.exp(rng.nextDouble(-7, 7));
            double s = RandomCounts.draw(rng);
            double b = RandomCounts.draw(rng);
            double mu = switch (rng.nextInt(4)) {
                case 0 -> 0;
                case 1 -> Math.max(0, s - r * b) * rng.nextDouble(0.9, 1.1);  // near the best fit
                default -> Math.exp(rng.nextDouble(-7, 7));
            };
            String where = "seed " + seed + ": S=" + s + " B=" + b + " mu=" + mu + " r=" + r;

            double[] oracle = maximiseNumerically(s, b, mu, r);
            double w = WStat.bin(s, b, mu, r);
            // 1e-9 relative, with a floor for the oracle's own rounding of terms of size S + B + μ + β/r
            double floor = 1e-13 * (s + b + mu + oracle[0] / r + 1);
            assertEquals(2 * oracle[1], w, 1e-9 * w + floor, where);

            // A search on function values finds the minimum only where rounding noise ε in −ln L
            // exceeds its rise g''δ²/2: δ = sqrt(2ε/g''), with g'' = S/(μ+β)² + B/β².
            double beta = WStat.profiledBackground(s, b, mu, r);
            double curvature = (s > 0 ? s / ((mu + beta) * (mu + beta)) : 0) + (b > 0 ? b / (beta * beta) : 0);
            double resolution = Math.sqrt(2 * 1e-14 * (s + b + mu + beta / r + 1) / curvature);
            assertEquals(oracle[0], beta, resolution + 1e-9 * (beta + 1), where);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void nonNegativeAndZeroWhereModelPlusScaledBackgroundEqualsTheData(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int trial = 0; trial < 2000; trial++) {
            double r = Math.exp(rng.nextDouble(-7, 7));
            double s = RandomCounts.draw(rng);
            double b = RandomCounts.draw(rng);
            double mu = Math.exp(rng.nextDouble(-8, 9));
            String where = "seed " + seed + ": S=" + s + " B=" + b + " mu=" + mu + " r=" + r;
            assertTrue(WStat.bin(s, b, mu, r) >= 0, where);
            // both Cash terms vanish at β = r B and μ = S − r B, which needs S ≥ r B
            double best = s - r * b;
            if (best >= 0) {
                assertEquals(0, WStat.bin(s, b, best, r), 1e-12 * (s + b + 1), where);
                assertEquals(r * b, WStat.profiledBackground(s, b, best, r), 1e-12 * (s + r * b + 1), where);
            }
        }
    }

    /** With no background counts and t_b → ∞ (r → 0) W is the plain C-stat of the source counts. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void reducesToCStatWithoutBackgroundAsRatioVanishes(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 40;
        double[] s = new double[n];
        double[] bkg = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = Math.exp(rng.nextDouble(-6, 8));
            s[i] = PoissonSampler.of(rng, mu[i] * rng.nextDouble(0.5, 1.5)).sample();
        }
        double c = CStat.value(s, mu);
        // once r S/(1 + r) < μ in every bin the B = 0 branch is C-stat term for term
        assertEquals(c, WStat.value(s, bkg, 1e-12, 0, mu, 0, n), 1e-12 * c, "seed " + seed);
        double previousGap = Double.POSITIVE_INFINITY;
        for (double r = 1; r >= 1e-12; r /= 10) {
            double gap = Math.abs(WStat.value(s, bkg, r, 0, mu, 0, n) - c);
            assertTrue(gap <= previousGap, "seed " + seed + ": |W − C| grew to " + gap + " at r = " + r);
            previousGap = gap;
        }
    }

    /**
     * With background counts, r → 0 pins the profiled background to β ≈ r B → 0: W − C is then
     * about 2 r Σ B (1 − S/μ), so |W − C| ≤ 4 r Σ B (1 + S/μ) for small r.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void reducesToCStatWithBackgroundAsRatioVanishes(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 40;
        double[] s = new double[n];
        double[] bkg = new double[n];
        double[] mu = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            mu[i] = Math.exp(rng.nextDouble(-3, 8));
            s[i] = PoissonSampler.of(rng, mu[i]).sample();
            bkg[i] = PoissonSampler.of(rng, Math.exp(rng.nextDouble(-2, 6))).sample();
            scale += bkg[i] * (1 + s[i] / mu[i]);
        }
        double c = CStat.value(s, mu);
        for (double r : new double[] {1e-4, 1e-6, 1e-8}) {
            double w = WStat.value(s, bkg, r, 0, mu, 0, n);
            assertEquals(c, w, 4 * r * scale + 1e-12 * c, "seed " + seed + ", r = " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42})
    void arrayFormsAgreeWithBinByBin(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 25;
        int dataOffset = 4;
        int modelOffset = 9;
        double[] s = new double[n + dataOffset];
        double[] b = new double[n + dataOffset];
        double[] ratio = new double[n + dataOffset];
        double[] mu = new double[n + modelOffset];
        for (int i = 0; i < n; i++) {
            s[dataOffset + i] = RandomCounts.draw(rng);
            b[dataOffset + i] = RandomCounts.draw(rng);
            ratio[dataOffset + i] = 0.2;
            mu[modelOffset + i] = Math.exp(rng.nextDouble(-4, 6));
        }
        double[] out = new double[n + 1];
        WStat.contributions(s, b, ratio, dataOffset, mu, modelOffset, n, out, 1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double expected = WStat.bin(s[dataOffset + i], b[dataOffset + i], mu[modelOffset + i], 0.2);
            assertEquals(expected, out[1 + i], "seed " + seed + ", bin " + i);
            sum += expected;
        }
        assertEquals(sum, WStat.value(s, b, ratio, dataOffset, mu, modelOffset, n), 1e-12 * sum, "seed " + seed);
        assertEquals(sum, WStat.value(s, b, 0.2, dataOffset, mu, modelOffset, n), 1e-12 * sum, "seed " + seed);
    }

    /**
     * The minimum over β ≥ 0 of −ln L(β) + ln L_saturated, with the Poisson terms written out
     * directly: {@code (μ+β) − S + S ln(S/(μ+β)) + β/r − B + B ln(B r/β)}, taking 0 ln 0 = 0.
     *
     * @return {β at the minimum, the minimum}
     */
    private static double[] maximiseNumerically(double s, double b, double mu, double r) {
        double lo = 0;
        double hi = bracketTop(s, b, mu, r);
        double invPhi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - invPhi * (hi - lo);
        double x2 = lo + invPhi * (hi - lo);
        double f1 = negativeLogLikelihood(s, b, mu, r, x1);
        double f2 = negativeLogLikelihood(s, b, mu, r, x2);
        for (int i = 0; i < 200; i++) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - invPhi * (hi - lo);
                f1 = negativeLogLikelihood(s, b, mu, r, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + invPhi * (hi - lo);
                f2 = negativeLogLikelihood(s, b, mu, r, x2);
            }
        }
        double beta = f1 <= f2 ? x1 : x2;
        double best = Math.min(f1, f2);
        // the minimum sits on the boundary β = 0 when B = 0 and the model alone exceeds the data
        double atZero = negativeLogLikelihood(s, b, mu, r, 0);
        return atZero <= best ? new double[] {0, atZero} : new double[] {beta, best};
    }

    private static double negativeLogLikelihood(double s, double b, double mu, double r, double beta) {
        double source = mu + beta;
        double background = beta / r;
        double value = (source - s) + (background - b);
        if (s > 0) {
            value += s * Math.log(s / source);
        }
        if (b > 0) {
            value += b * Math.log(b / background);
        }
        return value;
    }

    /**
     * An upper bound on the maximising β: from the quadratic it solves,
     * {@code β ≤ r (S + B) + sqrt(r B μ)}; doubled for a bracket with room.
     */
    private static double bracketTop(double s, double b, double mu, double r) {
        return 2 * (r * (s + b) + Math.sqrt(r * b * mu)) + 1;
    }
}
