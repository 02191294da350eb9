package org.sixsa4j.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonLikelihoodTest {

    @Test
    void binMatchesHandComputedValues() {
        // ln(3² e^-3 / 2!)
        assertEquals(2 * Math.log(3) - 3 - Math.log(2), PoissonLikelihood.bin(2, 3), 1e-15);
        // ln(e^-0.7)
        assertEquals(-0.7, PoissonLikelihood.bin(0, 0.7), 0);
    }

    @Test
    void zeroModelIsCertainForEmptyBinsAndImpossibleOtherwise() {
        assertEquals(0, PoissonLikelihood.bin(0, 0), 0);
        assertEquals(Double.NEGATIVE_INFINITY, PoissonLikelihood.bin(4, 0));
    }

    /** Integer counts: the log-probability mass function of Commons Statistics is an independent oracle. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void matchesPoissonLogProbabilityForIntegerCounts(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int trial = 0; trial < 1000; trial++) {
            double m = Math.exp(rng.nextDouble(-6, 12));
            int d = rng.nextInt(4) == 0 ? 0 : (int) Math.floor(Math.exp(rng.nextDouble(0, 12)));
            double expected = PoissonDistribution.of(m).logProbability(d);
            assertEquals(expected, PoissonLikelihood.bin(d, m), 1e-12 * (Math.abs(expected) + d + m),
                    "seed " + seed + ": d = " + d + ", m = " + m);
        }
    }

    /**
     * The identity C = −2 ln L + 2 Σ [d ln d − d − ln Γ(d+1)], with the data term written out here
     * and ln L, C computed by their own classes (C through a different formula near m = d).
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void cStatIsMinusTwiceLogLikelihoodPlusADataTerm(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 200;
        double[] d = new double[n];
        double[] m = new double[n];
        double dataTerm = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
            d[i] = RandomCounts.draw(rng);
            m[i] = rng.nextBoolean() ? d[i] * rng.nextDouble(0.8, 1.25) + 1e-3 : Math.exp(rng.nextDouble(-5, 12));
            if (d[i] > 0) {
                dataTerm += d[i] * Math.log(d[i]) - d[i] - LogGamma.value(d[i] + 1);
            }
            magnitude += Math.abs(d[i] * Math.log(m[i])) + m[i] + LogGamma.value(d[i] + 1);
        }
        double lnL = PoissonLikelihood.logLikelihood(d, 0, m, 0, n);
        double c = CStat.value(d, m);
        // both sides sum terms of size `magnitude` that cancel down to C
        assertEquals(c, -2 * lnL + 2 * dataTerm, 1e-13 * magnitude, "seed " + seed);
        assertEquals(dataTerm, PoissonLikelihood.saturated(d, 0, n), 1e-13 * magnitude, "seed " + seed);
    }

    @Test
    void offsetsSelectTheBins() {
        double[] counts = {9, 2, 0, 5};
        double[] model = {1, 1, 1, 3, 0.5, 4};
        double expected = PoissonLikelihood.bin(2, 3) + PoissonLikelihood.bin(0, 0.5) + PoissonLikelihood.bin(5, 4);
        assertEquals(expected, PoissonLikelihood.logLikelihood(counts, 1, model, 3, 3), 1e-14);
        double saturated = PoissonLikelihood.bin(2, 2) + PoissonLikelihood.bin(5, 5);
        assertEquals(saturated, PoissonLikelihood.saturated(counts, 1, 3), 1e-14);
    }
}
