package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedCoverageTest {
    private static final int RUNS = 2000;
    private static final int SAMPLES = 200;
    private static final int BINS = 20;

    @Test
    void credibilityIsTheFractionOfSamplesMoreProbableThanTheTruth() {
        double[] atTruth = {-1, 0, Double.NEGATIVE_INFINITY};
        double[][] ofSamples = {{-0.5, -2, -1, 0}, {-1, -2}, {-3}};
        ExpectedCoverage coverage = ExpectedCoverage.of(atTruth, ofSamples, 4);
        // A sample as probable as the truth does not count as more probable.
        assertArrayEquals(new double[] {0.5, 0, 1}, coverage.credibility());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, coverage.levels());
        assertArrayEquals(new double[] {0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, coverage.coverage(), 1e-15);
    }

    /**
     * In 2-D an isotropic Gaussian q of the right centre but {@code width} times the posterior's
     * standard deviation covers the truth at level α with probability 1 − (1 − α)<sup>width²</sup>:
     * the truth's squared distance is χ²₂ in posterior units, q's HPD region of level α has squared
     * radius width² · (−2 ln(1 − α)), and P(χ²₂ &lt; t) = 1 − e<sup>−t/2</sup>. Width 1 is the diagonal.
     */
    @ParameterizedTest(name = "seed {0}: width {1}")
    @CsvSource({"1, 1", "2, 1", "3, 0.5", "4, 2"})
    void theCurveFollowsTheAnalyticCoverage(long seed, double width) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, width, 0, seed);
        ExpectedCoverage coverage = ExpectedCoverage.of(runs.logQAtTruth(), runs.logQOfSamples(), BINS);
        double[] level = coverage.levels();
        double[] observed = coverage.coverage();
        double worst = 0;
        for (int k = 0; k < level.length; k++) {
            worst = Math.max(worst, Math.abs(observed[k] - (1 - Math.pow(1 - level[k], width * width))));
        }
        // The curve is an empirical distribution function of N = 2000 runs: its largest deviation
        // exceeds 1.95/√N = 0.044 with probability 0.001 (Kolmogorov), and the L = 200 samples add
        // a discreteness bias below 1/(L + 1) = 0.005.
        assertTrue(worst < 0.05, "seed " + seed + ", width " + width + ": largest deviation " + worst);
    }

    @ParameterizedTest(name = "seed {0}: width {1}, shift {2}")
    @CsvSource({"5, 0.5, 0", "6, 1, 1"})
    void anOverconfidentPosteriorFallsWellBelowTheDiagonal(long seed, double width, double shift) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, width, shift, seed);
        double[] observed = ExpectedCoverage.of(runs.logQAtTruth(), runs.logQOfSamples(), BINS).coverage();
        // At α = 0.5: 1 − 0.5^0.25 = 0.16 for width 0.5; for a shift of one posterior sd in each of
        // two coordinates, P(noncentral χ²₂(λ = 2) < 1.386) = 0.25. Both are over 10σ below 0.5.
        assertTrue(observed[BINS / 2] < 0.35, "seed " + seed + ": coverage " + observed[BINS / 2] + " at α = 0.5");
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ExpectedCoverage.of(new double[] {0}, new double[][] {{0}, {1}}, 4));
        assertThrows(IllegalArgumentException.class, () -> ExpectedCoverage.of(new double[] {0}, new double[][] {{}}, 4));
        assertThrows(IllegalArgumentException.class, () -> ExpectedCoverage.of(new double[] {0}, new double[][] {{0}}, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExpectedCoverage.of(new double[] {0, Double.NaN}, new double[][] {{0}, {0}}, 4));
        assertTrue(e.getMessage().contains("run 1"), e.getMessage());
        assertEquals(1, ExpectedCoverage.of(new double[] {0}, new double[][] {{1}}, 1).coverage()[1]);
    }
}
