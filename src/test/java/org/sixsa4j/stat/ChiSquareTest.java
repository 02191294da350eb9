package org.sixsa4j.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.stat.ChiSquare.Weighting;

class ChiSquareTest {

    @Test
    void weightingsAtHandComputedPoints() {
        // d = 4, m = 6: residual² = 4
        assertEquals(4.0 / 4, ChiSquare.bin(Weighting.DATA, 4, 6), 1e-15);
        assertEquals(4 / Math.pow(1 + Math.sqrt(4.75), 2), ChiSquare.bin(Weighting.GEHRELS, 4, 6), 1e-15);
        assertEquals(4.0 / 6, ChiSquare.bin(Weighting.MODEL, 4, 6), 1e-15);

        // d = 0, m = 2: XSPEC's standard weighting uses σ² = 1 for an empty bin
        assertEquals(4.0, ChiSquare.bin(Weighting.DATA, 0, 2), 0);
        // Gehrels: σ = 1 + sqrt(0.75) = 1.8660254037844386
        assertEquals(4 / (1.8660254037844386 * 1.8660254037844386), ChiSquare.bin(Weighting.GEHRELS, 0, 2), 1e-15);
        assertEquals(2.0, ChiSquare.bin(Weighting.MODEL, 0, 2), 0);
    }

    @Test
    void explicitErrorsAddTheFractionalSystematicInQuadrature() {
        // STAT_ERR = 2, SYS_ERR = 10% of 30 counts: σ² = 4 + 9
        assertEquals(13.0, ChiSquare.variance(2, 0.1, 30), 1e-14);
        assertEquals(4.0, ChiSquare.variance(2, 0, 30), 0);
        double[] counts = {7, 30, 12};
        double[] variance = {0, 13, 9};
        double[] model = {0, 0, 27, 9};
        assertEquals(9.0 / 13 + 9.0 / 9, ChiSquare.value(counts, variance, 1, model, 2, 2), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(Weighting.class)
    void zeroAtTheData(Weighting weighting) {
        for (double d : new double[] {0, 0.5, 1, 7, 1e6}) {
            assertEquals(0, ChiSquare.bin(weighting, d, d), 0, weighting + ", d = " + d);
        }
    }

    @Test
    void zeroVarianceIsInfiniteUnlessTheResidualIsZero() {
        assertEquals(Double.POSITIVE_INFINITY, ChiSquare.bin(Weighting.MODEL, 3, 0));
        assertEquals(0, ChiSquare.bin(Weighting.MODEL, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void valueSumsTheBinsAtTheirOffsets(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 40;
        double[] counts = new double[n + 5];
        double[] model = new double[n + 2];
        for (int i = 0; i < n; i++) {
            counts[5 + i] = RandomCounts.draw(rng);
            model[2 + i] = Math.exp(rng.nextDouble(-3, 10));
        }
        for (Weighting weighting : Weighting.values()) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = counts[5 + i];
                double m = model[2 + i];
                double variance = switch (weighting) {
                    case DATA -> d >= 1 ? d : 1;
                    case GEHRELS -> (1 + Math.sqrt(d + 0.75)) * (1 + Math.sqrt(d + 0.75));
                    case MODEL -> m;
                };
                sum += (d - m) * (d - m) / variance;
            }
            assertEquals(sum, ChiSquare.value(weighting, counts, 5, model, 2, n), 1e-12 * sum,
                    "seed " + seed + ", " + weighting);
        }
    }
}
