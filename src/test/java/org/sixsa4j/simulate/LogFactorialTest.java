package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogFactorialTest {

    private static void assertCloseToLogGamma(double k) {
        double reference = LogGamma.value(k + 1);
        double actual = LogFactorial.value(k);
        // log 0! = log 1! = 0 has no relative error to speak of; every other value is >= log 2.
        double error = reference == 0 ? Math.abs(actual) : Math.abs(actual - reference) / reference;
        assertTrue(error <= 1e-13, () -> "log " + k + "! = " + actual + ", LogGamma gives " + reference);
    }

    @Test
    void everyTableEntryAndTheStartOfTheSeriesMatchLogGamma() {
        for (int k = 0; k < 2 * LogFactorial.TABLE_SIZE; k++) {
            assertCloseToLogGamma(k);
        }
    }

    @Test
    void theSeriesMatchesLogGammaUpToTheLargestCounts() {
        for (double k = LogFactorial.TABLE_SIZE; k <= 0x1p53; k = Math.floor(k * 1.37)) {
            assertCloseToLogGamma(k);
        }
    }

    @Test
    void randomWholeNumbersMatchLogGamma() {
        long seed = 0x5eed_0001L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < 10_000; i++) {
            // log-uniform over [1, 2^50] so that every magnitude is visited
            double k = Math.floor(Math.exp(rng.nextDouble() * 50 * Math.log(2)));
            double reference = LogGamma.value(k + 1);
            double actual = LogFactorial.value(k);
            assertTrue(reference == 0 ? actual == 0 : Math.abs(actual - reference) <= 1e-13 * reference,
                    () -> "seed " + seed + ": log " + k + "! = " + actual + ", LogGamma gives " + reference);
        }
    }

    /**
     * Commons Statistics computes the log-probability by Loader's saddle-point expansion, an
     * independent route; the bound allows the d·1e-16 cancellation error documented for the
     * regrouped form.
     */
    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {10, 37.5, 255.9, 1e3, 1e5, 1e7, 1e9})
    void poissonLogPmfMatchesCommonsStatistics(double mean) {
        PoissonDistribution poisson = PoissonDistribution.of(mean);
        double sd = Math.sqrt(mean);
        for (double z = -12; z <= 12; z += 0.25) {
            double k = Math.max(0, Math.floor(mean + z * sd));
            double reference = poisson.logProbability((int) k);
            double actual = LogFactorial.poissonLogPmf(k, mean);
            double tolerance = 1e-12 * Math.max(1, Math.abs(reference)) + 1e-15 * Math.abs(mean - k);
            assertEquals(reference, actual, tolerance, () -> "log P(" + k + ") for mean " + mean);
        }
    }
}
