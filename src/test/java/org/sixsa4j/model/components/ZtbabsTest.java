package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
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
import org.sixsa4j.model.absorption.OracleTable;

class ZtbabsTest {
    private static final ModelSettings WILM = ModelSettings.xspecDefaults().withAbundances(AbundanceTable.WILM);

    /** XSPEC model.dat: nH as tbabs; Redshift 0, −0.999, −0.999, 10, 10, frozen. */
    @Test
    void parametersAreXspecs() {
        assertEquals("ztbabs", Ztbabs.INSTANCE.name());
        ParameterInfo z = Ztbabs.INSTANCE.parameters().get(1);
        assertEquals("nH", Ztbabs.INSTANCE.parameters().get(0).name());
        assertEquals("Redshift", z.name());
        assertEquals(0.0, z.defaultValue());
        assertEquals(-0.999, z.hardMin());
        assertEquals(10.0, z.hardMax());
        assertTrue(z.frozenByDefault());
    }

    /**
     * The component on bins [E, E] against XSPEC's ztbabs at z = 0.5 from the compiled tbabs
     * code (../shared/data/oracles). 2e-5 as in TbabsOracleTest: the original's single-precision
     * Verner sums; a missing (1 + z) or grains left on would be off by far more.
     */
    @Test
    void matchesTheCompiledCodeAtARedshift() {
        OracleTable oracle = OracleTable.read("oracles/tbabs_redshift_spotcheck_wilm.csv");
        double[] keV = oracle.column("E_obs_keV");
        double z = oracle.column("redshift")[0];
        double[] want = oracle.column("sigma_ztbabs");
        ComponentEvaluator ztbabs = Ztbabs.INSTANCE.bind(keV, keV, WILM);
        double nH = 1e-3;
        double[] factors = AbsorberChecks.factors(ztbabs, new double[] {nH, z}, "z " + z);
        double worst = 0;
        for (int i = 0; i < keV.length; i++) {
            double sigma = -Math.log(factors[i]) / nH;
            worst = Math.max(worst, Math.abs(sigma / want[i] - 1));
            assertEquals(want[i], sigma, 2e-5 * want[i], "at " + keV[i] + " keV");
        }
        System.out.printf(Locale.ROOT, "ztbabs component at z = %s: max relative difference %.1e%n", z, worst);
    }

    /** Changing the redshift and coming back gives what a fresh binding gives, at every step. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void redshiftsCanChangeBetweenCalls(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator reused = Ztbabs.INSTANCE.bind(bins[0], bins[1], WILM);
        double nH = AbsorberChecks.randomColumn(rng);
        double z1 = -0.999 + 10.999 * rng.nextDouble();
        double z2 = -0.999 + 10.999 * rng.nextDouble();
        for (double z : new double[] {0.0, z1, z2, z1, 0.0, z2}) {
            double[] fresh = AbsorberChecks.factors(Ztbabs.INSTANCE.bind(bins[0], bins[1], WILM), new double[] {nH, z}, "fresh z " + z);
            assertArrayEquals(fresh, AbsorberChecks.factors(reused, new double[] {nH, z}, "reused z " + z), "seed " + seed + " z " + z);
        }
    }

    /** The component is the engine without grains, at any redshift inside the hard limits. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6, 7})
    void isTheIsmAbsorberWithoutGrains(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        double nH = Math.pow(10, -3 + 4 * rng.nextDouble());
        double z = seed == 4 ? -0.999 : seed == 5 ? 10.0 : -0.999 + 10.999 * rng.nextDouble();
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.NH] = nH;
        p[IsmAbsorption.GRAIN_DENSITY] = 0;
        p[IsmAbsorption.REDSHIFT] = z;
        double[] want = IsmAbsorption.of(p, AbundanceTable.WILM).transmission(bins[0], bins[1]);
        double[] got = AbsorberChecks.factors(Ztbabs.INSTANCE.bind(bins[0], bins[1], WILM), new double[] {nH, z}, "seed " + seed);
        for (int i = 0; i < got.length; i++) {
            if (want[i] >= Double.MIN_NORMAL) {
                // τ = −ln T agrees up to the order of two products and exp's last place.
                assertEquals(-Math.log(want[i]), -Math.log(got[i]), 1e-12 * -Math.log(want[i]) + 1e-15, "seed " + seed + " bin " + i);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void factorsAreTransmissionsAtAnyRedshift(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] bins = AbsorberChecks.randomBins(rng);
        ComponentEvaluator ztbabs = Ztbabs.INSTANCE.bind(bins[0], bins[1], WILM);
        for (double z : new double[] {-0.999, 10.0, -0.999 + 10.999 * rng.nextDouble()}) {
            for (double one : AbsorberChecks.factors(ztbabs, new double[] {0.0, z}, "nH 0 z " + z)) {
                assertEquals(1.0, one);
            }
            double nH = AbsorberChecks.randomColumn(rng);
            double[] less = AbsorberChecks.factors(ztbabs, new double[] {nH, z}, "seed " + seed + " z " + z);
            double[] more = AbsorberChecks.factors(ztbabs, new double[] {2 * nH, z}, "seed " + seed + " z " + z);
            AbsorberChecks.assertNotIncreasing(less, more, "seed " + seed + " z " + z);
            AbsorberChecks.factors(ztbabs, new double[] {1e6, z}, "seed " + seed + " z " + z + " nH 1e6");
        }
    }
}
