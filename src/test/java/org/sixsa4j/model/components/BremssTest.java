package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Gaunt factor against hand-computed table values and the exact Born approximation, and
 * bremss's bin integrals against the {@link Oracle} applied to XSPEC's spectrum, split where
 * the Gaunt factor's fits jump.
 */
class BremssTest {
    /** Where XSPEC's Gaunt factor jumps or kinks, in u = E/kT. */
    private static final double[] BREAKS = breaks();

    private static double[] breaks() {
        double[] fixed = {0.003, 0.03, 0.3, 1, 4, 5, 15, 50};
        double[] all = new double[fixed.length + 12];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        for (int k = 1; k <= 12; k++) {
            all[fixed.length + k - 1] = Math.pow(10, (k - 9) / 2.0);
        }
        java.util.Arrays.sort(all);
        return all;
    }

    @Test
    void bornApproximationMatchesTheBesselFunction() {
        // 0.5513 e^(u/2) K0(u/2) with mpmath's besselk; Abramowitz & Stegun's fits are good to 2e-7.
        double[][] exact = {{1e-4, 5.52398192828408073}, {0.01, 2.99985937092546279}, {0.5, 1.09120675073239094},
            {3.9, 0.469339934656162935}, {4.1, 0.458756451074241611}, {20, 0.215906685454896849}, {50, 0.137514400102526457}};
        for (double[] p : exact) {
            double u = p[0];
            assertEquals(p[1], Gaunt.born(u, Math.log(u), Math.exp(-u)), 2e-7 * p[1], "u = " + u);
        }
    }

    @Test
    void bandsRegimeIsTheKelloggBaldwinKochPolynomialTimesBorn() {
        // 1000 γ² = 5.6234 is the top of column 3, so the factor is column 4's polynomial:
        // at u = 0.5 (band 3) 1.035 + 0.1266 u - 0.04571 u².
        Gaunt g = new Gaunt(1);
        g.temperature(0.01358 / 0.0056234);
        double u = 0.5;
        double born = Gaunt.born(u, Math.log(u), Math.exp(-u));
        assertEquals((1.035 + 0.1266 * u - 0.04571 * u * u) * born, g.value(u, Math.log(u), born), 1e-12);
        // Below u = 0.003 the polynomial is held at 0.003 (band 1: 0.997 + 1.029 u - 13.231 u²).
        double small = 1e-4;
        double bornSmall = Gaunt.born(small, Math.log(small), Math.exp(-small));
        assertEquals((0.997 + 1.029 * 0.003 - 13.231 * 0.003 * 0.003) * bornSmall, g.value(small, Math.log(small), bornSmall), 1e-12);
        assertEquals(0.0, g.value(50.5, Math.log(50.5), 1.0), "zero beyond 50 kT");
    }

    @Test
    void bornRegimeAtHighTemperatureAndKuruczTableAtLowTemperature() {
        Gaunt hot = new Gaunt(1);
        hot.temperature(20);
        assertEquals(0.75, hot.value(2, Math.log(2), 0.75), 0.0, "γ² < 0.001: the Born value itself");
        // γ² = 1 (kT = Ry) is the table's third row; u = 1 its ninth column: 1.32. Halfway in
        // log u to the next column (u = 10^0.5), 1.15, the value is their mean.
        Gaunt cold = new Gaunt(1);
        cold.temperature(0.01358);
        assertEquals(1.32, cold.value(1, 0, 99), 1e-12);
        double u = Math.pow(10, 0.25);
        assertEquals(0.5 * (1.32 + 1.15), cold.value(u, Math.log(u), 99), 1e-12);
        assertEquals(0.0, cold.value(40, Math.log(40), 99), 1e-12, "zero beyond u = 10^1.5");
        Gaunt frozen = new Gaunt(1);
        frozen.temperature(1e-4);
        assertEquals(0.0, frozen.value(1, 0, 99), "γ² >= 100: zero");
    }

    /** XSPEC's photon spectrum per unit norm. */
    private static double spectrum(double e, double kT, Gaunt hydrogen, Gaunt helium) {
        double u = e / kT;
        double born = Gaunt.born(u, Math.log(u), Math.exp(-u));
        return (hydrogen.value(u, Math.log(u), born) + 4 * 0.085 * helium.value(u, Math.log(u), born))
                / Math.sqrt(kT) * Math.exp(-u) / e;
    }

    private static double expected(double lo, double hi, double kT) {
        Gaunt hydrogen = new Gaunt(1);
        Gaunt helium = new Gaunt(2);
        hydrogen.temperature(kT);
        helium.temperature(kT);
        double[] at = new double[2 * BREAKS.length];
        for (int k = 0; k < BREAKS.length; k++) {
            at[k] = BREAKS[k] * kT;
            at[BREAKS.length + k] = BREAKS[k] * kT;
        }
        java.util.Arrays.sort(at);
        return Oracle.integrate(e -> spectrum(e, kT, hydrogen, helium), lo, hi, 1e-12, at);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void binsMatchTheQuadratureOfXspecsSpectrum(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 120, 0.02 + rng.nextDouble());
        for (int trial = 0; trial < 5; trial++) {
            double kT = 1e-4 * Math.pow(2e6, rng.nextDouble());
            double norm = 0.1 + rng.nextDouble();
            double[] out = ComponentTesting.evaluate(Bremss.INSTANCE, grid[0], grid[1], kT, norm);
            for (int i = 0; i < out.length; i++) {
                double want = norm * expected(grid[0][i], grid[1][i], kT);
                ComponentTesting.assertClose(want, out[i], 1e-8, "seed " + seed + " kT " + kT + " bin [" + grid[0][i] + ", " + grid[1][i] + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Grids.PN, Grids.ACIS, Grids.XIFU})
    void realGridsMatchTheQuadrature(String name) {
        double[][] full = Grids.real(name);
        double[][] grid = Grids.every(full, Math.max(1, full[0].length / 150));
        for (double kT : new double[] {0.005, 0.05, 0.3, 1, 7, 60}) {
            double[] out = ComponentTesting.evaluate(Bremss.INSTANCE, grid[0], grid[1], kT, 1.0);
            for (int i = 0; i < out.length; i++) {
                ComponentTesting.assertClose(expected(grid[0][i], grid[1][i], kT), out[i], 1e-8, name + " kT " + kT + " bin " + i);
            }
        }
    }
}
