package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.sixsa4j.model.absorption.IsmAbsorption;

class TbpcfTest {
    private static final ModelSettings ASPL = ModelSettings.xspecDefaults().withAbundances(AbundanceTable.ASPL);

    /** XSPEC model.dat (tbnew family): pcf 0.5, 0, 0, 1, 1, 0.01; Redshift 0, −1, 0, 10, 10, frozen. */
    @Test
    void parametersAreXspecs() {
        assertEquals("tbpcf", Tbpcf.INSTANCE.name());
        assertEquals("nH", Tbpcf.INSTANCE.parameters().get(0).name());
        ParameterInfo pcf = Tbpcf.INSTANCE.parameters().get(1);
        assertEquals("pcf", pcf.name());
        assertEquals(0.5, pcf.defaultValue());
        assertEquals(0.0, pcf.hardMin());
        assertEquals(1.0, pcf.hardMax());
        assertEquals(0.01, pcf.delta());
        ParameterInfo z = Tbpcf.INSTANCE.parameters().get(2);
        assertEquals("Redshift", z.name());
        assertEquals(-1.0, z.hardMin());
        assertEquals(0.0, z.softMin());
        assertEquals(10.0, z.hardMax());
        assertTrue(z.frozenByDefault());
    }

    /**
     * Uncovered, the source is untouched (exactly 1); fully covered, tbpcf is tbabs (same grains
     * and H₂), exactly, since it takes the same cross-sections and exponentials.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void coveringFractionRunsFromNothingToTbabs(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator tbpcf = Tbpcf.INSTANCE.bind(bins[0], bins[1], ASPL);
        double nH = AbsorberChecks.randomColumn(rng);
        for (double one : AbsorberChecks.factors(tbpcf, new double[] {nH, 0.0, 0.0}, "pcf 0")) {
            assertEquals(1.0, one);
        }
        double[] tbabs = AbsorberChecks.factors(Tbabs.INSTANCE.bind(bins[0], bins[1], ASPL), new double[] {nH}, "tbabs");
        assertArrayEquals(tbabs, AbsorberChecks.factors(tbpcf, new double[] {nH, 1.0, 0.0}, "pcf 1"), "seed " + seed);
        double pcf = rng.nextDouble();
        double[] partial = AbsorberChecks.factors(tbpcf, new double[] {nH, pcf, 0.0}, "pcf " + pcf);
        for (int i = 0; i < partial.length; i++) {
            // 1 − pcf + pcf T in two roundings.
            assertEquals(1 - pcf + pcf * tbabs[i], partial[i], 2 * Math.ulp(1.0), "seed " + seed + " bin " + i);
        }
    }

    /** At a redshift, the fully covered factor is the engine's tbabs-defaults transmission there. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 7})
    void fullyCoveredAtARedshiftIsTheIsmAbsorber(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        double nH = Math.pow(10, -3 + 4 * rng.nextDouble());
        double z = 10 * rng.nextDouble();
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.NH] = nH;
        p[IsmAbsorption.REDSHIFT] = z;
        double[] want = IsmAbsorption.of(p, AbundanceTable.ASPL).transmission(bins[0], bins[1]);
        double[] got = AbsorberChecks.factors(Tbpcf.INSTANCE.bind(bins[0], bins[1], ASPL), new double[] {nH, 1.0, z}, "seed " + seed);
        for (int i = 0; i < got.length; i++) {
            if (want[i] >= Double.MIN_NORMAL) {
                // τ = −ln T agrees up to the order of two products and exp's last place.
                assertEquals(-Math.log(want[i]), -Math.log(got[i]), 1e-12 * -Math.log(want[i]) + 1e-15, "seed " + seed + " bin " + i);
            }
        }
    }

    /** Inside the hard limits, edges included (z = −1 puts every photon at 0 eV: no absorption). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void factorsStayInRangeAndFallWithTheColumn(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator tbpcf = Tbpcf.INSTANCE.bind(bins[0], bins[1], ASPL);
        for (double one : AbsorberChecks.factors(tbpcf, new double[] {1e6, 1.0, -1.0}, "z -1")) {
            assertEquals(1.0, one);
        }
        for (double z : new double[] {0.0, 10.0, 10 * rng.nextDouble()}) {
            double pcf = rng.nextDouble();
            double nH = AbsorberChecks.randomColumn(rng);
            double[] less = AbsorberChecks.factors(tbpcf, new double[] {nH, pcf, z}, "seed " + seed + " z " + z);
            double[] more = AbsorberChecks.factors(tbpcf, new double[] {3 * nH, pcf, z}, "seed " + seed + " z " + z);
            AbsorberChecks.assertNotIncreasing(less, more, "seed " + seed + " z " + z);
            for (double f : AbsorberChecks.factors(tbpcf, new double[] {1e6, pcf, z}, "nH 1e6")) {
                assertTrue(f >= 1 - pcf - 1e-15, "the uncovered part always gets through");
            }
        }
    }
}
