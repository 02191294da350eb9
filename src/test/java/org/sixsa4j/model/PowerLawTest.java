package org.sixsa4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerLawTest {

    @Test
    void handComputedIntegrals() {
        PowerLaw pl = PowerLaw.on(new double[] {1, 2, 0.5}, new double[] {2, 4, 8});
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
        PowerLaw pl = PowerLaw.on(new double[] {lo}, new double[] {hi});
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
}
