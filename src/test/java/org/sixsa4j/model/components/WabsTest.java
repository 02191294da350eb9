package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.absorption.AbsorberChecks;

class WabsTest {
    private static final ModelSettings ANGR = ModelSettings.xspecDefaults();

    @Test
    void parametersAreXspecs() {
        assertEquals("wabs", Wabs.INSTANCE.name());
        assertEquals(1, Wabs.INSTANCE.parameters().size());
        assertEquals("nH", Wabs.INSTANCE.parameters().get(0).name());
        assertEquals(1e6, Wabs.INSTANCE.parameters().get(0).hardMax());
    }

    /**
     * By hand from Morrison &amp; McCammon (1983), Table 2, σ = (c₀ + c₁E + c₂E²) E⁻³ 1e-24 cm²:
     * a bin inside one range is the mean of the transmission at its edges; a bin across the O K
     * edge (0.532 keV) is cut there, each piece averaged with its own range's coefficients and
     * weighted by its width; above 10 keV σ falls as E⁻³ from its 10 keV value; below 13.6 eV
     * nothing absorbs. 1e-14: a few roundings.
     */
    @Test
    void transmissionsByHandFromThePaper() {
        double nH = 0.3;
        assertEquals(0.5 * (t(nH, 1.5, 141.3, 146.8, -31.5) + t(nH, 1.6, 141.3, 146.8, -31.5)), wabs(nH, 1.5, 1.6), 1e-14);
        double below = 0.032 * (t(nH, 0.5, 71.4, 66.8, -51.4) + t(nH, 0.532, 71.4, 66.8, -51.4));
        double above = 0.068 * (t(nH, 0.532, 95.5, 145.8, -61.1) + t(nH, 0.6, 95.5, 145.8, -61.1));
        assertEquals((below + above) / (2 * 0.1), wabs(nH, 0.5, 0.6), 1e-14);
        assertEquals(t(nH, 12, 701.2 + 25.2 * 10, 0, 0), wabs(nH, 12, 12), 1e-14);
        assertEquals(1.0, wabs(nH, 0.01, 0.013));
    }

    /** The abund setting does not apply: the paper's own abundances are built into σ. */
    @Test
    void ignoresTheAbundanceSetting() {
        double[] low = {0.2, 0.5, 1, 3};
        double[] high = {0.5, 1, 3, 9};
        double[] angr = AbsorberChecks.factors(Wabs.INSTANCE.bind(low, high, ANGR), new double[] {0.5}, "angr");
        double[] wilm = AbsorberChecks.factors(Wabs.INSTANCE.bind(low, high, ANGR.withAbundances(AbundanceTable.WILM)), new double[] {0.5}, "wilm");
        assertArrayEquals(angr, wilm);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void factorsAreTransmissions(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator wabs = Wabs.INSTANCE.bind(bins[0], bins[1], ANGR);
        for (double one : AbsorberChecks.factors(wabs, new double[] {0.0}, "nH 0")) {
            assertEquals(1.0, one);
        }
        double nH = AbsorberChecks.randomColumn(rng);
        double[] less = AbsorberChecks.factors(wabs, new double[] {nH}, "seed " + seed + " nH " + nH);
        double[] more = AbsorberChecks.factors(wabs, new double[] {1.5 * nH}, "seed " + seed);
        double[] most = AbsorberChecks.factors(wabs, new double[] {1e6}, "seed " + seed + " nH 1e6");
        AbsorberChecks.assertNotIncreasing(less, more, "seed " + seed);
        AbsorberChecks.assertNotIncreasing(more, most, "seed " + seed);
        assertEquals(0.0, most[0]);
    }

    private static double t(double nH, double keV, double c0, double c1, double c2) {
        return Math.exp(-nH * 1e22 * (c0 + c1 * keV + c2 * keV * keV) / (keV * keV * keV) * 1e-24);
    }

    private static double wabs(double nH, double low, double high) {
        return AbsorberChecks.factors(Wabs.INSTANCE.bind(new double[] {low}, new double[] {high}, ANGR), new double[] {nH}, "wabs")[0];
    }
}
