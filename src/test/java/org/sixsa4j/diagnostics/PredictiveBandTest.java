package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictiveBandTest {
    private static final int BINS = 400;

    /** Expected counts from 0.5 to 200 across the bins, as in a spectrum from its faint to its bright end. */
    private static double mean(int b) {
        return 0.5 * Math.pow(400, b / (double) (BINS - 1));
    }

    private static double[][] spectra(int n, UniformRandomProvider rng) {
        double[][] out = new double[n][BINS];
        for (int b = 0; b < BINS; b++) {
            PoissonSampler sampler = new PoissonSampler(rng, mean(b));
            for (int i = 0; i < n; i++) {
                out[i][b] = sampler.sample();
            }
        }
        return out;
    }

    /**
     * The band's edges are the Poisson quantiles, within one count (the step of a discrete
     * quantile) plus five standard errors of an order statistic of 4000 draws,
     * √(p(1 − p)/n)/P(X = q) (false-failure rate about 2e-3 over all bins and seeds).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void edgesAreThePoissonQuantiles(long seed) {
        PredictiveBand band = PredictiveBand.of(spectra(4000, RandomSource.XO_RO_SHI_RO_128_PP.create(seed)), 0.9);
        for (int b = 0; b < BINS; b++) {
            PoissonDistribution p = PoissonDistribution.of(mean(b));
            double[] probabilities = {0.05, 0.5, 0.95};
            double[] edges = {band.lower()[b], band.median()[b], band.upper()[b]};
            for (int k = 0; k < 3; k++) {
                double prob = probabilities[k];
                int q = p.inverseCumulativeProbability(prob);
                double standardError = Math.sqrt(prob * (1 - prob) / 4000) / p.probability(q);
                assertEquals(q, edges[k], 1 + 5 * standardError, "seed " + seed + ", quantile " + prob + " of bin " + b);
            }
        }
    }

    /**
     * A spectrum from the same model falls outside the band in the share of bins the Poisson
     * distribution puts outside the edges: within 4 binomial standard deviations (false-failure
     * rate about 6e-5 per seed).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6})
    void aSpectrumOfTheModelFallsOutsideAsOftenAsExpected(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        PredictiveBand band = PredictiveBand.of(spectra(4000, rng), 0.9);
        double[] observed = spectra(1, rng)[0];
        double expected = 0;
        double variance = 0;
        for (int b = 0; b < BINS; b++) {
            PoissonDistribution p = PoissonDistribution.of(mean(b));
            double q = p.cumulativeProbability((int) band.lower()[b] - 1) + p.survivalProbability((int) band.upper()[b]);
            expected += q / BINS;
            variance += q * (1 - q) / BINS / BINS;
        }
        assertTrue(expected > 0.02 && expected <= 0.1, "expected share outside " + expected);
        assertEquals(expected, band.outsideFraction(observed), 4 * Math.sqrt(variance), "seed " + seed);
    }

    /** A spectrum from another model (twice the counts) falls outside far more often. */
    @Test
    void aSpectrumOfAnotherModelFallsOutside() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        PredictiveBand band = PredictiveBand.of(spectra(2000, rng), 0.9);
        double[] doubled = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            doubled[b] = 2 * mean(b);
        }
        assertTrue(band.outsideFraction(doubled) > 0.5, "share outside " + band.outsideFraction(doubled));
    }

    @Test
    void rejectsWhatIsNotABand() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PredictiveBand.of(new double[][] {{1, 2}}, 0.9)).getMessage()
                .contains("at least 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PredictiveBand.of(new double[][] {{1}, {2}}, 1)).getMessage()
                .contains("(0, 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PredictiveBand.of(new double[][] {{1}, {2}}, 0.5)
                .outsideFraction(new double[2])).getMessage().contains("2 observed bins"));
    }
}
