package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonCountsTest {
    private static final long SEED = 0x5eed_0004L;
    private static final double[] EXPECTED = {-7, -7, -7, 0, 0.2, 3, 9.99, 10, 250, 4e4, 1e9, -7};

    @Test
    void countsAreDrawnBinByBinIntoTheGivenRange() {
        double[] out = new double[12];
        Arrays.fill(out, -1);
        PoissonCounts.draw(EXPECTED, 3, 8, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), out, 2);

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (int i = 0; i < out.length; i++) {
            double want = i >= 2 && i < 10 ? PoissonVariates.sample(rng, EXPECTED[i + 1]) : -1;
            assertEquals(want, out[i], "seed " + SEED + ", slot " + i);
        }
    }

    @Test
    void expectedAndOutMayBeTheSameArray() {
        double[] separate = new double[8];
        PoissonCounts.draw(EXPECTED, 3, 8, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), separate, 0);
        double[] inPlace = Arrays.copyOfRange(EXPECTED, 3, 11);
        PoissonCounts.draw(inPlace, 0, 8, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), inPlace, 0);
        assertArrayEquals(separate, inPlace, "seed " + SEED);
    }

    @ParameterizedTest(name = "expected {0}")
    @ValueSource(doubles = {Double.NaN, -0.5, Double.POSITIVE_INFINITY, 1e20})
    void aBadExpectedCountNamesItsBin(double bad) {
        double[] expected = {1, 2, 3, bad, 5};
        double[] out = new double[5];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoissonCounts.draw(
                expected, 1, 4, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), out, 0));
        assertTrue(e.getMessage().startsWith("expected counts in bin 2: "), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }

    @Test
    void rangesOutsideTheArraysAreRejected() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[] five = new double[5];
        assertThrows(IndexOutOfBoundsException.class, () -> PoissonCounts.draw(five, 2, 4, rng, new double[9], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> PoissonCounts.draw(five, 0, 5, rng, new double[9], 5));
        assertThrows(IndexOutOfBoundsException.class, () -> PoissonCounts.draw(five, -1, 2, rng, new double[9], 0));
    }
}
