package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.numbers.gamma.IncompleteGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bknpower, zpowerlw and cutoffpl against closed forms and quadrature: bknpower against the
 * textbook integral (hi^(1−Γ) − lo^(1−Γ))/(1−Γ) on each side of the break, zpowerlw against a
 * power law on the bins moved to the source frame over 1+z (XSPEC's zpowerLaw routine), and
 * cutoffpl against the {@link Oracle} and, for Γ &lt; 1, the incomplete gamma function
 * β^(1−Γ) [Γ(1−Γ, lo/β) − Γ(1−Γ, hi/β)] that XSPEC uses.
 */
class PowerLawsTest {
    /** ∫_a^b E^(−Γ) dE by the textbook formula, for Γ away from 1. */
    private static double textbook(double a, double b, double index) {
        return (Math.pow(b, 1 - index) - Math.pow(a, 1 - index)) / (1 - index);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void bknpowerIsThePiecewisePowerLawContinuousAtTheBreak(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.1 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double index1 = -3 + 13 * rng.nextDouble();
            double index2 = -3 + 13 * rng.nextDouble();
            if (Math.abs(index1 - 1) < 0.05 || Math.abs(index2 - 1) < 0.05) {
                continue;
            }
            double breakE = grid[0][rng.nextInt(grid[0].length)] * (1 + 0.3 * rng.nextDouble());
            double norm = 0.1 + rng.nextDouble();
            double join = Math.pow(breakE, index2 - index1);
            double[] out = ComponentTesting.evaluate(Bknpower.INSTANCE, grid[0], grid[1], index1, breakE, index2, norm);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double want;
                if (hi <= breakE) {
                    want = norm * textbook(lo, hi, index1);
                } else if (lo >= breakE) {
                    want = norm * join * textbook(lo, hi, index2);
                } else {
                    want = norm * (textbook(lo, breakE, index1) + join * textbook(breakE, hi, index2));
                }
                // The textbook difference loses digits on narrow bins: compare at 1e-9 where it keeps them.
                double tolerance = Math.max(1e-10, 1e-15 * Math.max(Math.pow(hi, 1 - Math.min(index1, index2)), 1) / Math.abs(want) * norm);
                ComponentTesting.assertClose(want, out[i], Math.max(1e-9, tolerance), "seed " + seed + " bin " + i + " break " + breakE);
            }
        }
    }

    @Test
    void bknpowerWithEqualIndicesIsAPowerLawAndBreakOutsideTheBinsIsOneSide() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        double[][] grid = Grids.random(rng, 200, 0.3);
        double[] pl = ComponentTesting.evaluate(Powerlaw.INSTANCE, grid[0], grid[1], 1.7, 2.0);
        double[] same = ComponentTesting.evaluate(Bknpower.INSTANCE, grid[0], grid[1], 1.7, 3.0, 1.7, 2.0);
        double[] below = ComponentTesting.evaluate(Bknpower.INSTANCE, grid[0], grid[1], 1.7, 1e6, 0.2, 2.0);
        double[] pl2 = ComponentTesting.evaluate(Powerlaw.INSTANCE, grid[0], grid[1], 2.4, 2.0 * Math.pow(0.01, 2.4 - 1.7));
        double[] above = ComponentTesting.evaluate(Bknpower.INSTANCE, grid[0], grid[1], 1.7, 0.01, 2.4, 2.0);
        for (int i = 0; i < pl.length; i++) {
            assertEquals(pl[i], same[i], 1e-13 * pl[i], "bin " + i);
            assertEquals(pl[i], below[i], 1e-13 * pl[i], "bin " + i);
            assertEquals(pl2[i], above[i], 1e-13 * pl2[i], "bin " + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void zpowerlwIsAPowerLawOnTheSourceFrameBinsOverOnePlusZ(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.1 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double index = -3 + 13 * rng.nextDouble();
            double z = -0.999 + 10.999 * rng.nextDouble();
            double zf = 1 + z;
            double[] lo = grid[0].clone();
            double[] hi = grid[1].clone();
            for (int i = 0; i < lo.length; i++) {
                lo[i] *= zf;
                hi[i] *= zf;
            }
            double[] source = ComponentTesting.evaluate(Powerlaw.INSTANCE, lo, hi, index, 1.5);
            double[] out = ComponentTesting.evaluate(Zpowerlw.INSTANCE, grid[0], grid[1], index, z, 1.5);
            for (int i = 0; i < out.length; i++) {
                // Both sides round the narrowest bins' ln(hi/lo) differently: 1e-10 is what they share.
                assertEquals(source[i] / zf, out[i], 1e-10 * out[i], "seed " + seed + " z " + z + " bin " + i);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void cutoffplMatchesTheQuadrature(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 150, 0.02 + rng.nextDouble());
        for (int trial = 0; trial < 5; trial++) {
            double index = -3 + 13 * rng.nextDouble();
            double cut = 0.01 * Math.pow(5e4, rng.nextDouble());
            double norm = 0.1 + rng.nextDouble();
            double[] out = ComponentTesting.evaluate(Cutoffpl.INSTANCE, grid[0], grid[1], index, cut, norm);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double want = norm * Oracle.integrate(e -> Math.exp(-index * Math.log(e) - e / cut), lo, hi, 1e-12);
                ComponentTesting.assertClose(want, out[i], 1e-8, "seed " + seed + " index " + index + " cut " + cut + " bin [" + lo + ", " + hi + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Grids.PN, Grids.ACIS, Grids.WFI, Grids.XIFU})
    void cutoffplOnRealGridsAgreesWithTheIncompleteGammaFunction(String name) {
        double[][] full = Grids.real(name);
        double[][] grid = Grids.every(full, Math.max(1, full[0].length / 300));
        for (double[] p : new double[][] {{0.5, 15}, {-2.5, 0.8}, {0.9, 300}, {-1, 5}}) {
            double a = 1 - p[0];
            double cut = p[1];
            double[] out = ComponentTesting.evaluate(Cutoffpl.INSTANCE, grid[0], grid[1], p[0], cut, 1.0);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double gamma = Math.pow(cut, a) * (IncompleteGamma.Upper.value(a, lo / cut) - IncompleteGamma.Upper.value(a, hi / cut));
                double quadrature = Oracle.integrate(e -> Math.pow(e, -p[0]) * Math.exp(-e / cut), lo, hi, 1e-12);
                ComponentTesting.assertClose(quadrature, out[i], 1e-8, name + " index " + p[0] + " cut " + cut + " bin " + i);
                // The difference of incomplete gammas keeps fewer digits on narrow bins.
                ComponentTesting.assertClose(gamma, out[i], 1e-6, name + " (incomplete gamma) index " + p[0] + " bin " + i);
            }
        }
    }
}
