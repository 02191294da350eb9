package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * diskbb against quadrature written here. The bin integral K T³/361 ∫ y^(−2/3) I(y) dy, with
 * I(y) = ∫_y^∞ f and f(x) = x^(5/3)/(eˣ − 1), becomes one integral by exchanging the order:
 * ∫_a^b y^(−2/3) I(y) dy = 3 ∫_a^b f(x) (x^(1/3) − a^(1/3)) dx + 3 (b^(1/3) − a^(1/3)) I(b),
 * which the adaptive {@link Oracle} evaluates to 1e-12; a nested two-dimensional quadrature
 * checks the exchange itself.
 */
class DiskbbTest {
    private static double f(double x) {
        return x == 0 ? 0 : Math.pow(x, 5.0 / 3) / Math.expm1(x);
    }

    /** I(y) = ∫_y^∞ x^(5/3)/(eˣ − 1) dx. */
    private static double upper(double y) {
        return Oracle.integrate(DiskbbTest::f, y, Math.max(y, 1) + 60, 1e-12);
    }

    /** ∫_a^b y^(−2/3) I(y) dy, by the exchanged order. */
    static double exact(double a, double b) {
        double ca = Math.cbrt(a);
        double near = Oracle.integrate(x -> f(x) * (Math.cbrt(x) - ca), a, b, 1e-12);
        return 3 * near + 3 * (Math.cbrt(b) - ca) * upper(b);
    }

    @Test
    void exchangingTheOrderMatchesTheNestedIntegralAndTheClosedFormAtZero() {
        // I(0) = Γ(8/3) ζ(8/3), computed with mpmath to 30 digits.
        assertEquals(1.9321616090892394782, upper(0), 1e-12);
        for (double[] bin : new double[][] {{0.02, 0.5}, {1.3, 2.9}, {7, 7.4}}) {
            double nested = Oracle.integrate(y -> Math.pow(y, -2.0 / 3) * upper(y), bin[0], bin[1], 1e-10);
            assertEquals(nested, exact(bin[0], bin[1]), 1e-9 * nested, "bin " + bin[0] + " " + bin[1]);
        }
    }

    @Test
    void photonDensityIsXspecsAtFixedPoints() {
        // XSPEC's mcdspc: K Tin^2 mcdint(E/Tin)/361, with mcdint its fit to y^(-2/3) I(y); the
        // values of the fit here, 193.21556000 at y = 1e-3 and 1.4971751841 at y = 1, agree with
        // the exact function to 6e-9 and 1.4e-8, and 0.046470662 at y = 5 to 1e-5 (the fit's error).
        double[][] points = {{1e-3, 193.2155599996444, 1e-7}, {1.0, 1.4971751840981489, 1e-7}, {5.0, 0.04647066248673259, 2e-5}};
        for (double[] p : points) {
            double tin = 1.7;
            double e = p[0] * tin;
            double width = e * 1e-6;
            double density = ComponentTesting.bin(Diskbb.INSTANCE, e - width / 2, e + width / 2, tin, 2.0) / width;
            assertEquals(2.0 * tin * tin * p[1] / 361, density, p[2] * density, "y = " + p[0]);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomBinsAndTemperaturesMatchTheQuadrature(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 30, 0.02 + rng.nextDouble());
        for (int trial = 0; trial < 3; trial++) {
            double tin = 1e-3 * Math.pow(1e6, rng.nextDouble());
            double norm = 0.1 + 100 * rng.nextDouble();
            double[] out = ComponentTesting.evaluate(Diskbb.INSTANCE, grid[0], grid[1], tin, norm);
            for (int i = 0; i < out.length; i++) {
                double want = norm * tin * tin * tin / 361 * exact(grid[0][i] / tin, grid[1][i] / tin);
                ComponentTesting.assertClose(want, out[i], 1e-8, "seed " + seed + " Tin " + tin + " bin [" + grid[0][i] + ", " + grid[1][i] + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Grids.PN, Grids.ACIS, Grids.WFI, Grids.XIFU})
    void realGridsMatchTheQuadrature(String name) {
        double[][] full = Grids.real(name);
        double[][] grid = Grids.every(full, Math.max(1, full[0].length / 60));
        for (double tin : new double[] {0.01, 0.1, 0.5, 1.5, 5, 100}) {
            double[] out = ComponentTesting.evaluate(Diskbb.INSTANCE, grid[0], grid[1], tin, 1.0);
            for (int i = 0; i < out.length; i++) {
                double want = tin * tin * tin / 361 * exact(grid[0][i] / tin, grid[1][i] / tin);
                ComponentTesting.assertClose(want, out[i], 1e-8, name + " Tin " + tin + " bin [" + grid[0][i] + ", " + grid[1][i] + "]");
            }
        }
    }

    @Test
    void zeroTemperatureGivesZero() {
        double[] out = ComponentTesting.evaluate(Diskbb.INSTANCE, new double[] {0.5, 1}, new double[] {1, 2}, 0.0, 1.0);
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[1]);
    }
}
