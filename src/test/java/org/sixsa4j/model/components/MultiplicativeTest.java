package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multiplicative components give each bin the average of their factor over it: checked
 * against the {@link Oracle}'s quadrature of M(E)/(hi − lo), split at the edges and cut-offs,
 * and against limits with known values.
 */
class MultiplicativeTest {
    private static double average(java.util.function.DoubleUnaryOperator m, double lo, double hi, double... breaks) {
        return Oracle.integrate(m, lo, hi, 1e-13, breaks) / (hi - lo);
    }

    @Test
    void constantIsItsFactorEverywhere() {
        double[] out = ComponentTesting.evaluate(Constant.INSTANCE, new double[] {0, 1, 5}, new double[] {1, 5, 6}, 3.5);
        assertEquals(3.5, out[0]);
        assertEquals(3.5, out[1]);
        assertEquals(3.5, out[2]);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void highecutIsTheExactAverageWithOneBelowTheCut(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.1 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double cut = grid[0][rng.nextInt(grid[0].length)];
            double fold = 1e-4 * Math.pow(1e10, rng.nextDouble());
            double[] out = ComponentTesting.evaluate(Highecut.INSTANCE, grid[0], grid[1], cut, fold);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                if (hi <= cut) {
                    assertEquals(1.0, out[i], 0.0, "seed " + seed + " bin " + i + " below the cut");
                    continue;
                }
                double want = average(e -> e <= cut ? 1 : Math.exp((cut - e) / fold), lo, hi, cut);
                ComponentTesting.assertClose(want, out[i], 1e-10, "seed " + seed + " cut " + cut + " fold " + fold + " bin [" + lo + ", " + hi + "]");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void zedgeIsTheAverageOfTheRedshiftedEdge(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.1 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double z = -0.999 + 11 * rng.nextDouble() * rng.nextDouble();
            double zf = 1 + z;
            double edge = grid[0][rng.nextInt(grid[0].length)] * zf * (0.5 + rng.nextDouble());
            double depth = 10 * rng.nextDouble();
            double[] out = ComponentTesting.evaluate(Zedge.INSTANCE, grid[0], grid[1], edge, depth, z);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double want = average(e -> e * zf < edge ? 1 : Math.exp(-depth * Math.pow(e * zf / edge, -3)), lo, hi, edge / zf);
                ComponentTesting.assertClose(want, out[i], 1e-8, "seed " + seed + " edge " + edge + " depth " + depth + " z " + z + " bin " + i);
            }
        }
        double[] none = ComponentTesting.evaluate(Zedge.INSTANCE, grid[0], grid[1], 0.0, 5.0, 0.0);
        for (double v : none) {
            assertEquals(1.0, v, 0.0, "an edge at 0 keV is no edge");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gabsIsTheAverageOfExpMinusTauEvenForNarrowDeepLines(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 200, 0.2 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double centre = grid[0][rng.nextInt(grid[0].length)] * (0.9 + 0.2 * rng.nextDouble());
            double sigma = centre * Math.pow(10, -5 + 4.5 * rng.nextDouble());
            double strength = sigma * Math.pow(10, -3 + 8 * rng.nextDouble());
            double depth = strength / (sigma * Math.sqrt(2 * Math.PI));
            double[] out = ComponentTesting.evaluate(Gabs.INSTANCE, grid[0], grid[1], centre, sigma, strength);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                // In z = (E - E_l)/σ, so that a narrow line's profile is not lost to the rounding of E.
                double want = sigma / (hi - lo) * Oracle.integrate(z -> Math.exp(-depth * Math.exp(-0.5 * z * z)),
                        (lo - centre) / sigma, (hi - centre) / sigma, 1e-13, -8, -3, 0, 3, 8);
                ComponentTesting.assertClose(want, out[i], 1e-8, "seed " + seed + " line " + centre + " sigma " + sigma + " strength " + strength + " bin [" + lo + ", " + hi + "]");
            }
        }
    }

    @Test
    void gabsLimits() {
        double[] lo = {5, 6, 6.5};
        double[] hi = {6, 6.5, 9};
        for (double[] p : new double[][] {{6.2, 0, 3}, {6.2, 0.1, 0}}) {
            for (double v : ComponentTesting.evaluate(Gabs.INSTANCE, lo, hi, p)) {
                assertEquals(1.0, v, 0.0, "zero width or zero strength absorbs nothing");
            }
        }
        // A weak line removes strength × P(bin) keV from the bin's (hi - lo): 1 - M ≈ S P / (hi - lo),
        // short by about half the central depth, 7e-7 here.
        double s = 1e-6;
        double[] weak = ComponentTesting.evaluate(Gabs.INSTANCE, lo, hi, 6.2, 0.3, s);
        double[] mass = ComponentTesting.evaluate(Gaussian.INSTANCE, lo, hi, 6.2, 0.3, 1.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(s * mass[i] / (hi[i] - lo[i]), 1 - weak[i], 2e-6 * s * mass[i] / (hi[i] - lo[i]), "bin " + i);
        }
    }

    @Test
    void kleinNishinaHasItsKnownValuesAndJoinsItsSeries() {
        // sigma_KN / sigma_T from the closed form with mpmath: 0.4307278 at w = 1 (511 keV).
        // The closed form cancels to ~eps/w^2 near w = 0.01, so 1e-13.
        assertEquals(0.430727841915043264, Cabs.kleinNishina(510.999), 1e-13);
        assertEquals(0.942096570318411977, Cabs.kleinNishina(16), 1e-13);
        assertEquals(0.740701326414183877, Cabs.kleinNishina(100), 1e-13);
        assertEquals(1.0, Cabs.kleinNishina(0), 0.0);
        double join = 0.05 * 510.999;
        assertEquals(Cabs.kleinNishina(Math.nextDown(join)), Cabs.kleinNishina(join), 1e-13);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void cabsIsTheAverageOfTheComptonAttenuation(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 200, 0.5 + 5 * rng.nextDouble());
        for (int trial = 0; trial < 5; trial++) {
            double nH = 1e-2 * Math.pow(1e7, rng.nextDouble());
            double[] out = ComponentTesting.evaluate(Cabs.INSTANCE, grid[0], grid[1], nH);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double want = average(e -> Math.exp(-nH * 1.21 * 0.665e-2 * Cabs.kleinNishina(e)), lo, hi);
                ComponentTesting.assertClose(want, out[i], 1e-8, "seed " + seed + " nH " + nH + " bin " + i);
            }
        }
        for (double v : ComponentTesting.evaluate(Cabs.INSTANCE, grid[0], grid[1], 0.0)) {
            assertEquals(1.0, v, 0.0, "no column, no attenuation");
        }
    }
}
