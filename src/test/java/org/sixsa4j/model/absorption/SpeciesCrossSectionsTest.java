package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeciesCrossSectionsTest {

    /**
     * Each bin holds the mean of the species' cross-section at its two edges, taken in the rest
     * frame E (1 + z); contiguous bins share an edge value. Exact: the same arithmetic.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void binsHoldTheTwoEdgeMeanInTheRestFrame(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 50 + rng.nextInt(100);
        double[] edges = new double[n + 1];
        edges[0] = 0.05 + 0.5 * rng.nextDouble();
        for (int i = 1; i <= n; i++) {
            edges[i] = edges[i - 1] * (1 + 0.05 * rng.nextDouble());
        }
        double[] low = Arrays.copyOf(edges, n);
        double[] high = Arrays.copyOfRange(edges, 1, n + 1);
        double z = rng.nextDouble();
        SpeciesCrossSections s = new SpeciesCrossSections(low, high);
        s.atRedshift(z);
        for (IsmSpecies species : IsmSpecies.values()) {
            for (int i = 0; i < n; i++) {
                double want = 0.5 * (species.crossSection(low[i] * 1000 * (1 + z)) + species.crossSection(high[i] * 1000 * (1 + z)));
                assertEquals(want, s.get(species, i), "seed " + seed + " " + species + " bin " + i);
            }
        }
    }

    /** Moving to another redshift and back gives the values a fresh computation gives. */
    @Test
    void redshiftChangesRecomputeInPlace() {
        double[] keV = {0.3, 0.52, 0.7, 1.0, 6.5};
        SpeciesCrossSections moving = new SpeciesCrossSections(keV, keV);
        moving.atRedshift(0.0);
        moving.atRedshift(0.3);
        SpeciesCrossSections fresh = new SpeciesCrossSections(keV, keV);
        fresh.atRedshift(0.3);
        assertEquals(0.3, moving.redshift());
        for (IsmSpecies species : IsmSpecies.values()) {
            for (int i = 0; i < keV.length; i++) {
                assertEquals(fresh.get(species, i), moving.get(species, i), species + " " + keV[i]);
            }
        }
    }

    @Test
    void refusesEdgesOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> new SpeciesCrossSections(new double[3], new double[2]));
    }
}
