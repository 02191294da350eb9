package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;
import org.sixsa4j.model.absorption.AbsorberChecks;

class PhabsTest {
    private static final ModelSettings ANGR = ModelSettings.xspecDefaults();

    /** XSPEC model.dat: nH 10^22 1 0 0 1e5 1e6 0.001. */
    @Test
    void parametersAreXspecs() {
        assertEquals("phabs", Phabs.INSTANCE.name());
        assertEquals(1, Phabs.INSTANCE.parameters().size());
        ParameterInfo nH = Phabs.INSTANCE.parameters().get(0);
        assertEquals("nH", nH.name());
        assertEquals(1.0, nH.defaultValue());
        assertEquals(1e5, nH.softMax());
        assertEquals(1e6, nH.hardMax());
    }

    /**
     * A bin's σ is the mean of σ at its two edges, and a bin [E, E] is σ at E, so three
     * evaluations tie together: T([a, b]) = exp(−nH (σ(a) + σ(b)) / 2), to the rounding of
     * ln and exp: a few 1e-16 relative in τ, plus ulp(1) absolute each time ln(T) is taken of a
     * T near 1.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void binsTakeTheMeanOfTheirEdges(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double a = 0.1 + 9 * rng.nextDouble();
        double b = a * (1 + 0.2 * rng.nextDouble());
        double nH = 1.0;
        double[] edges = factorsOn(new double[] {a, b}, new double[] {a, b}, nH);
        double bin = factorsOn(new double[] {a}, new double[] {b}, nH)[0];
        double want = 0.5 * (-Math.log(edges[0]) - Math.log(edges[1]));
        assertEquals(want, -Math.log(bin), 1e-14 * want + 4 * Math.ulp(1.0), "seed " + seed + " [" + a + ", " + b + "]");
    }

    /** Wilms et al. (2000) give about 2/3 of Anders & Grevesse's metals: less absorption at 1 keV. */
    @Test
    void followsTheAbundanceSetting() {
        double[] keV = {1.0};
        double angr = factorsOn(keV, keV, 1.0)[0];
        double[] wilm = AbsorberChecks.factors(Phabs.INSTANCE.bind(keV, keV, ANGR.withAbundances(AbundanceTable.WILM)), new double[] {1.0}, "wilm");
        assertTrue(wilm[0] > angr, "wilm " + wilm[0] + ", angr " + angr);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void factorsAreTransmissions(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator phabs = Phabs.INSTANCE.bind(bins[0], bins[1], ANGR);
        for (double one : AbsorberChecks.factors(phabs, new double[] {0.0}, "nH 0")) {
            assertEquals(1.0, one);
        }
        double nH = AbsorberChecks.randomColumn(rng);
        double[] less = AbsorberChecks.factors(phabs, new double[] {nH}, "seed " + seed + " nH " + nH);
        double[] more = AbsorberChecks.factors(phabs, new double[] {1.5 * nH}, "seed " + seed);
        double[] most = AbsorberChecks.factors(phabs, new double[] {1e6}, "seed " + seed + " nH 1e6");
        AbsorberChecks.assertNotIncreasing(less, more, "seed " + seed);
        AbsorberChecks.assertNotIncreasing(more, most, "seed " + seed);
        assertEquals(0.0, most[0]);
    }

    private static double[] factorsOn(double[] low, double[] high, double nH) {
        return AbsorberChecks.factors(Phabs.INSTANCE.bind(low, high, ANGR), new double[] {nH}, "phabs");
    }
}
