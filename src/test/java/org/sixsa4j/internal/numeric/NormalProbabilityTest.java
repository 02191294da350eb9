package org.sixsa4j.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sixsa4j.model.GaussLegendre;

class NormalProbabilityTest {

    @ParameterizedTest
    @CsvSource({"-1,1", "0.5,3", "3,9", "-9,-4", "-0.2,0.1", "5,30", "-30,-6", "4,4.001", "-12,-11.9999", "0.3,0.30001"})
    void matchesTheNormalDistributionIncludingFarTailsAndNarrowIntervals(double a, double b) {
        NormalDistribution z = NormalDistribution.of(0, 1);
        double sqrt2 = Math.sqrt(2);
        double expected;
        if (b - a < 0.5) {
            // A narrow interval: Commons' difference of tail probabilities would keep only a few
            // digits, so integrate the density directly with a 20-point Gauss-Legendre rule.
            expected = GaussLegendre.of(20).integrate(t -> Math.exp(-t * t) / Math.sqrt(Math.PI), a, b);
        } else {
            // P(a < Z/√2 < b) = P(a√2 < Z < b√2), from the survival function so that tails keep their digits.
            expected = a >= 0 ? z.survivalProbability(a * sqrt2) - z.survivalProbability(b * sqrt2)
                    : z.cumulativeProbability(b * sqrt2) - z.cumulativeProbability(a * sqrt2);
        }
        assertEquals(expected, NormalProbability.ofStandardised(a, b - a), 1e-300 + 1e-12 * expected);
    }
}
