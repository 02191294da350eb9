package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bbody and bbodyrad against the exact bin integral C (kT)³ [F(x_hi) − F(x_lo)] of
 * x²/(eˣ − 1), with F from series written here: F(x) = Σ B_n x^(n+2)/((n+2) n!) for x ≤ 1, and
 * F(∞) − F(x) = Σ_k e^(−kx) (x²/k + 2x/k² + 2/k³) above, so that no difference of two large
 * numbers is taken where the bin is narrow.
 */
class BlackBodyTest {
    /** B_2k / (2k)! for k = 1 .. 10. */
    private static final double[] BERNOULLI = {1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160,
        -691.0 / 1307674368000.0, 1.0 / 74724249600.0, -3617.0 / 10670622842880000.0, 43867.0 / 5109094217170944000.0,
        -174611.0 / 802857662698291200000.0};

    /** 2ζ(3) = ∫_0^∞ x²/(eˣ − 1) dx. */
    private static final double TOTAL = 2 * 1.2020569031595942854;

    /** ∫_0^x t²/(eᵗ − 1) dt for 0 ≤ x ≤ 1. */
    static double head(double x) {
        double sum = x * x / 2 - x * x * x / 6;
        double power = x * x;
        for (int k = 1; k <= BERNOULLI.length; k++) {
            power *= x * x;
            sum += BERNOULLI[k - 1] * power / (2 * k + 2);
        }
        return sum;
    }

    /** ∫_x^∞ t²/(eᵗ − 1) dt for x ≥ 1. */
    static double tail(double x) {
        double q = Math.exp(-x);
        double sum = 0;
        double qk = 1;
        for (int k = 1; k < 200; k++) {
            qk *= q;
            double term = qk * (x * x / k + 2 * x / ((double) k * k) + 2 / ((double) k * k * k));
            sum += term;
            if (term <= 1e-18 * sum) {
                break;
            }
        }
        return sum;
    }

    /** ∫_a^b t²/(eᵗ − 1) dt. */
    static double exact(double a, double b) {
        if (b <= 1) {
            return head(b) - head(a);
        }
        if (a >= 1) {
            return tail(a) - tail(b);
        }
        return head(1) - head(a) + tail(1) - tail(b);
    }

    @Test
    void theSeriesOracleAgreesWithDirectQuadratureAndWithTwoZetaThree() {
        assertEquals(TOTAL, head(1) + tail(1), 1e-15);
        for (double[] bin : new double[][] {{0.01, 0.3}, {0.5, 1.7}, {2, 2.001}, {30, 31}, {0.9, 1.1}}) {
            double q = Oracle.integrate(x -> x * x / Math.expm1(x), bin[0], bin[1], 1e-13);
            assertEquals(q, exact(bin[0], bin[1]), 1e-10 * q, "bin " + bin[0] + " " + bin[1]);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomBinsAndTemperaturesMatchTheExactIntegral(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 400, 0.01 + rng.nextDouble());
        for (int trial = 0; trial < 8; trial++) {
            double kT = 1e-4 * Math.pow(2e6, rng.nextDouble());
            double norm = 0.1 + 10 * rng.nextDouble();
            double[] rad = ComponentTesting.evaluate(Bbodyrad.INSTANCE, grid[0], grid[1], kT, norm);
            double[] lum = ComponentTesting.evaluate(Bbody.INSTANCE, grid[0], grid[1], kT, norm);
            for (int i = 0; i < grid[0].length; i++) {
                double x = exact(grid[0][i] / kT, grid[1][i] / kT);
                String where = "seed " + seed + " kT " + kT + " bin [" + grid[0][i] + ", " + grid[1][i] + "]";
                ComponentTesting.assertClose(norm * 1.0344e-3 * kT * kT * kT * x, rad[i], 1e-8, "bbodyrad " + where);
                ComponentTesting.assertClose(norm * 8.0525 / kT * x, lum[i], 1e-8, "bbody " + where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Grids.PN, Grids.ACIS, Grids.WFI, Grids.XIFU})
    void realGridsMatchTheExactIntegralAtEveryTemperature(String name) {
        double[][] grid = Grids.real(name);
        for (double kT : new double[] {1e-4, 3e-3, 0.05, 0.2, 1, 3, 30, 200}) {
            double[] rad = ComponentTesting.evaluate(Bbodyrad.INSTANCE, grid[0], grid[1], kT, 1.0);
            for (int i = 0; i < grid[0].length; i++) {
                double want = 1.0344e-3 * kT * kT * kT * exact(grid[0][i] / kT, grid[1][i] / kT);
                ComponentTesting.assertClose(want, rad[i], 1e-8, name + " kT " + kT + " bin " + i);
            }
        }
    }

    @Test
    void photonFluxOverAllEnergiesIsTwoZetaThree() {
        double kT = 2.5;
        int n = 4000;
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = kT * 1e-7 * Math.pow(120 / 1e-7, (double) i / n);
            hi[i] = kT * 1e-7 * Math.pow(120 / 1e-7, (double) (i + 1) / n);
        }
        double rad = 0;
        double lum = 0;
        double[] a = ComponentTesting.evaluate(Bbodyrad.INSTANCE, lo, hi, kT, 2.0);
        double[] b = ComponentTesting.evaluate(Bbody.INSTANCE, lo, hi, kT, 2.0);
        for (int i = 0; i < n; i++) {
            rad += a[i];
            lum += b[i];
        }
        // The grid misses (1e-7)^2/2 of the lower end and e^-120 of the upper: 2e-15 of the total.
        assertEquals(2.0 * 1.0344e-3 * kT * kT * kT * TOTAL, rad, 1e-10 * rad);
        assertEquals(2.0 * 8.0525 / kT * TOTAL, lum, 1e-10 * lum);
    }
}
