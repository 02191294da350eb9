package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;
import org.sixsa4j.model.absorption.AbsorberChecks;
import org.sixsa4j.model.absorption.IsmAbsorption;

class TbabsTest {

    /** XSPEC model.dat: nH 10^22 1 0 0 1e5 1e6 0.001. */
    @Test
    void parametersAreXspecs() {
        assertEquals("tbabs", Tbabs.INSTANCE.name());
        assertEquals(ComponentKind.MULTIPLICATIVE, Tbabs.INSTANCE.kind());
        assertEquals(1, Tbabs.INSTANCE.parameters().size());
        ParameterInfo nH = Tbabs.INSTANCE.parameters().get(0);
        assertEquals("nH", nH.name());
        assertEquals("10^22", nH.unit());
        assertEquals(1.0, nH.defaultValue());
        assertEquals(0.0, nH.hardMin());
        assertEquals(0.0, nH.softMin());
        assertEquals(1e5, nH.softMax());
        assertEquals(1e6, nH.hardMax());
        assertEquals(1e-3, nH.delta());
    }

    /**
     * The component is the tbvarabs engine at its defaults (checked against the compiled tbabs
     * code in TbabsOracleTest) with the abund setting. Compared through τ = −ln T, which differs
     * only by the order of two products and the exponential's last-place error: 1e-12.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void isTheIsmAbsorberAtItsDefaults(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        AbundanceTable abund = AbundanceTable.values()[rng.nextInt(AbundanceTable.values().length)];
        double nH = Math.pow(10, -3 + 4 * rng.nextDouble());
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.NH] = nH;
        double[] want = IsmAbsorption.of(p, abund).transmission(bins[0], bins[1]);
        ComponentEvaluator tbabs = Tbabs.INSTANCE.bind(bins[0], bins[1], ModelSettings.xspecDefaults().withAbundances(abund));
        double[] got = AbsorberChecks.factors(tbabs, new double[] {nH}, "seed " + seed);
        for (int i = 0; i < got.length; i++) {
            if (want[i] >= Double.MIN_NORMAL) {
                assertEquals(-Math.log(want[i]), -Math.log(got[i]), 1e-12 * -Math.log(want[i]) + 1e-15, "seed " + seed + " bin " + i);
            }
        }
    }

    /** Inside the hard limits, edges included: factors in [0, 1], exactly 1 without a column, decreasing in nH. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void factorsAreTransmissions(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator tbabs = Tbabs.INSTANCE.bind(bins[0], bins[1], ModelSettings.xspecDefaults().withAbundances(AbundanceTable.WILM));
        for (double one : AbsorberChecks.factors(tbabs, new double[] {0.0}, "seed " + seed + " nH 0")) {
            assertEquals(1.0, one);
        }
        double[] atMax = AbsorberChecks.factors(tbabs, new double[] {1e6}, "seed " + seed + " nH 1e6");
        assertEquals(0.0, atMax[0], "1e28 cm^-2 at " + bins[0][0] + " keV");
        double nH = AbsorberChecks.randomColumn(rng);
        double[] less = AbsorberChecks.factors(tbabs, new double[] {nH}, "seed " + seed + " nH " + nH);
        double[] more = AbsorberChecks.factors(tbabs, new double[] {1.5 * nH}, "seed " + seed + " nH " + 1.5 * nH);
        AbsorberChecks.assertNotIncreasing(less, more, "seed " + seed + " nH " + nH);
        AbsorberChecks.assertNotIncreasing(more, atMax, "seed " + seed);
    }
}
