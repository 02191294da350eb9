package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerlawTest {

    @Test
    void handComputedIntegrals() {
        Powerlaw.Evaluator pl = Powerlaw.INSTANCE.bind(new double[] {1, 2, 0.5}, new double[] {2, 4, 8}, null);
        // Γ = 2: ∫ E^-2 = 1/lo - 1/hi
        double[] f = pl.integrate(2.0, 3.0);
        assertEquals(3.0 * 0.5, f[0], 1e-15);
        assertEquals(3.0 * 0.25, f[1], 1e-15);
        assertEquals(3.0 * (2 - 0.125), f[2], 1e-14);
        // Γ = 1: ln(hi/lo)
        double[] g = pl.integrate(1.0, 1.0);
        assertEquals(Math.log(2), g[0], 1e-16);
        assertEquals(Math.log(16), g[2], 1e-15);
        // Γ = 0: a flat spectrum gives K × width
        double[] h = pl.integrate(0.0, 2.0);
        assertEquals(15.0, h[2], 1e-14);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agreesWithTheTextbookFormAwayFromGammaOneAndIsContinuousThroughIt(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double lo = 0.1 + rng.nextDouble() * 5;
        double hi = lo * (1.001 + rng.nextDouble());
        Powerlaw.Evaluator pl = Powerlaw.INSTANCE.bind(new double[] {lo}, new double[] {hi}, null);
        double gamma = -1 + 5 * rng.nextDouble();
        double textbook = (Math.pow(hi, 1 - gamma) - Math.pow(lo, 1 - gamma)) / (1 - gamma);
        assertEquals(textbook, pl.integrate(gamma, 1.0)[0], 1e-12 * Math.abs(textbook), "seed " + seed);
        // Approaching Γ = 1 the value must tend smoothly to ln(hi/lo), with no cancellation blow-up.
        double atOne = Math.log(hi / lo);
        for (double d : new double[] {1e-4, 1e-8, 1e-12}) {
            double v = pl.integrate(1 + d, 1.0)[0];
            assertEquals(atOne, v, 2 * d * atOne * Math.max(Math.abs(Math.log(hi)), Math.abs(Math.log(lo))) + 1e-15 * atOne, "seed " + seed + " dΓ " + d);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void contiguousBinsAgreeWithTheDefinitionAtEveryIndexIncludingNearOne(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 1 + rng.nextInt(400);
        double[] edges = new double[n + 1];
        edges[0] = 0.05 + rng.nextDouble();
        for (int i = 1; i <= n; i++) {
            // bins from 1e-5 to 30 % wide, as in microcalorimeter and coarse model grids
            edges[i] = edges[i - 1] * (1 + Math.pow(10, -5 + 4.5 * rng.nextDouble()));
        }
        double[] lo = java.util.Arrays.copyOf(edges, n);
        double[] hi = java.util.Arrays.copyOfRange(edges, 1, n + 1);
        Powerlaw.Evaluator pl = Powerlaw.INSTANCE.bind(lo, hi, null);
        double[] out = new double[n + 2];
        for (double gamma : new double[] {-1.5, 0.0, 0.999999, 1.0, 1.0000003, 1.3, 2.0, 3.7, 1 + 6 * rng.nextDouble() - 3}) {
            pl.integrate(gamma, 2.5, out, 1);
            for (int i = 0; i < n; i++) {
                // The definition evaluated in extended form: K lo^(1-G) L expm1(x)/x with the library expm1.
                double x = (1 - gamma) * Math.log(hi[i] / lo[i]);
                double want = 2.5 * Math.pow(lo[i], 1 - gamma) * Math.log(hi[i] / lo[i]) * (x == 0 ? 1 : Math.expm1(x) / x);
                assertEquals(want, out[1 + i], 1e-13 * want, "seed " + seed + " gamma " + gamma + " bin " + i);
            }
            assertEquals(0.0, out[0], "nothing written before the offset");
            assertEquals(0.0, out[n + 1], "nothing written after the bins");
        }
    }
}
