package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.AbundanceTable;

class IsmAbsorptionTest {
    private static final double[] KEV = {0.1, 0.3, 0.5, 0.54, 0.71, 0.867, 1.0, 2.0, 7.2, 10.0};

    @Test
    void defaultsAreThoseOfTbvarabs() {
        double[] p = IsmAbsorption.defaults();
        assertEquals(IsmAbsorption.PARAMETER_COUNT, p.length);
        assertEquals(1.0, p[IsmAbsorption.NH]);
        assertEquals(0.2, p[IsmAbsorption.H2_FRACTION]);
        assertEquals(1.0, p[IsmAbsorption.GRAIN_DENSITY]);
        assertEquals(0.025, p[IsmAbsorption.GRAIN_MIN_RADIUS]);
        assertEquals(0.25, p[IsmAbsorption.GRAIN_MAX_RADIUS]);
        assertEquals(3.5, p[IsmAbsorption.GRAIN_SIZE_INDEX]);
        // Wilms et al. 2000, Table 2: H, He, C, ..., Ni
        double[] gas = {1, 1, 0.5, 1, 0.6, 1, 0.25, 0.2, 0.02, 0.1, 0.6, 0.5, 1, 0.003, 0.03, 0.3, 0.05, 0.04};
        for (int k = 0; k < gas.length; k++) {
            assertEquals(gas[k], p[IsmAbsorption.FIRST_GAS_FRACTION + k], "gas fraction " + k);
        }
        for (int k = 1; k <= 17; k++) {
            assertEquals(1.0, p[k], "abundance " + k);
        }
        assertEquals(0.0, p[IsmAbsorption.REDSHIFT]);
    }

    @Test
    void refusesWhatTheClosedFormCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> IsmAbsorption.of(new double[41], AbundanceTable.WILM));
        for (double[] bad : new double[][] {{0.025, 0.25, 3.0}, {0.025, 0.25, 4.0}, {0.025, 0.25, 4.5}, {0.0, 0.25, 3.5}, {0.3, 0.25, 3.5}}) {
            double[] p = IsmAbsorption.defaults();
            p[IsmAbsorption.GRAIN_MIN_RADIUS] = bad[0];
            p[IsmAbsorption.GRAIN_MAX_RADIUS] = bad[1];
            p[IsmAbsorption.GRAIN_SIZE_INDEX] = bad[2];
            assertThrows(IllegalArgumentException.class, () -> IsmAbsorption.of(p, AbundanceTable.WILM), Arrays.toString(bad));
        }
        double[] single = IsmAbsorption.defaults();
        single[IsmAbsorption.GRAIN_MIN_RADIUS] = 0.1;
        single[IsmAbsorption.GRAIN_MAX_RADIUS] = 0.1;
        single[IsmAbsorption.GRAIN_SIZE_INDEX] = 4.0;
        IsmAbsorption.of(single, AbundanceTable.WILM);
    }

    /** Without grains every element is in the gas, whatever the depletion parameters say. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void withoutGrainsDepletionIsIgnored(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.GRAIN_DENSITY] = 0;
        double[] depleted = p.clone();
        for (int k = 0; k < 18; k++) {
            depleted[IsmAbsorption.FIRST_GAS_FRACTION + k] = rng.nextDouble();
        }
        assertArrayEquals(sigma(p), sigma(depleted), "seed " + seed);
    }

    /**
     * A non-positive abundance parameter is that element's column in cm⁻², |p| / (N_H · 1e22)
     * relative to H; a negative nH is the H column in cm⁻². Equal compositions written either
     * way give the same σ, to rounding (1e-14).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6})
    void columnsInCm2AreAbundancesRelativeToTheHydrogenColumn(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double nH = 0.1 + 10 * rng.nextDouble();
        double[] relative = IsmAbsorption.defaults();
        relative[IsmAbsorption.NH] = nH;
        double[] columns = relative.clone();
        columns[IsmAbsorption.NH] = -nH * IsmAbsorption.NH_UNIT;
        for (IsmSpecies element : IsmSpecies.ELEMENTS.subList(1, 18)) {
            int k = element.ordinal();
            relative[k] = 0.5 + rng.nextDouble();
            double table = (float) AbundanceTable.ASPL.relativeToHydrogen(element.atomicNumber());
            columns[k] = -relative[k] * table * nH * IsmAbsorption.NH_UNIT;
        }
        IsmAbsorption byColumn = IsmAbsorption.of(columns, AbundanceTable.ASPL);
        assertEquals(nH, byColumn.column(), 1e-15 * nH);
        double[] want = IsmAbsorption.of(relative, AbundanceTable.ASPL).crossSections(KEV, KEV);
        double[] got = byColumn.crossSections(KEV, KEV);
        for (int i = 0; i < KEV.length; i++) {
            assertEquals(want[i], got[i], 1e-14 * want[i], "seed " + seed + " at " + KEV[i] + " keV");
        }
    }

    @Test
    void columnHasAFloorAndTheH2FractionIsClipped() {
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.NH] = 0;
        assertEquals(1e-22, IsmAbsorption.of(p, AbundanceTable.WILM).column());
        double[] all = IsmAbsorption.defaults();
        all[IsmAbsorption.H2_FRACTION] = 1;
        double[] beyond = IsmAbsorption.defaults();
        beyond[IsmAbsorption.H2_FRACTION] = 1.7;
        assertArrayEquals(sigma(all), sigma(beyond));
        double[] none = IsmAbsorption.defaults();
        none[IsmAbsorption.H2_FRACTION] = 0;
        double[] below = IsmAbsorption.defaults();
        below[IsmAbsorption.H2_FRACTION] = -0.3;
        assertArrayEquals(sigma(none), sigma(below));
    }

    private static double[] sigma(double[] p) {
        return IsmAbsorption.of(p, AbundanceTable.WILM).crossSections(KEV, KEV);
    }
}
