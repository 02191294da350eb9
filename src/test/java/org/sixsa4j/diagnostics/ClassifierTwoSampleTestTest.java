package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTwoSampleTestTest {

    static double[][] gaussian(UniformRandomProvider rng, int n, int d, double shift, double scale) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (j == 0 ? shift : 0) + scale * z.sample();
            }
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void samplesOfOneDistributionScoreAboutOneHalf(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double acc = ClassifierTwoSampleTest.accuracy(gaussian(rng, 1000, 5, 0, 1), gaussian(rng, 1000, 5, 0, 1), seed);
        // Under the null every held-out prediction is a fair coin, so the accuracy is 0.5 in
        // expectation; over 60 seeds of 2 × 500 points its sd was 0.020 (more than 0.5/√1000, the
        // predictions of one forest being correlated), so about 0.014 here: 0.05 is 3.5 sd, a false
        // failure near 5e-4.
        assertEquals(0.5, acc, 0.05, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4})
    void aShiftOfOneSigmaIsPlain(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Unit Gaussians 1 apart along one axis of five: the Bayes accuracy is Φ(0.5) = 0.691. The
        // forest, which must find the axis among five, scored 0.66–0.68 over six seeds at this size.
        double acc = ClassifierTwoSampleTest.accuracy(gaussian(rng, 2000, 5, 0, 1), gaussian(rng, 2000, 5, 1, 1), seed);
        assertTrue(acc > 0.62 && acc < 0.70, "accuracy " + acc + " for seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void separatedDistributionsScoreNearTheBayesAccuracy(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Two unit Gaussians 2 apart along one axis: the Bayes classifier is right with probability Φ(1) = 0.841.
        double acc = ClassifierTwoSampleTest.accuracy(gaussian(rng, 1000, 5, 0, 1), gaussian(rng, 1000, 5, 2, 1), seed);
        assertTrue(acc > 0.75 && acc < 0.86, "accuracy " + acc + " for seed " + seed);
        // A posterior 50 % too wide is what C2ST must notice.
        double wide = ClassifierTwoSampleTest.accuracy(gaussian(rng, 2000, 3, 0, 1), gaussian(rng, 2000, 3, 0, 1.5), seed);
        assertTrue(wide > 0.56, "accuracy " + wide + " for a 1.5x wider sample");
    }

    /**
     * U(0, 1) against U(1 − f, 2 − f), which overlap on a fraction f of each: the Bayes classifier
     * is sure outside the overlap and guesses inside it, so its accuracy is 1 − f/2. A second,
     * irrelevant coordinate makes the forest choose.
     */
    @ParameterizedTest(name = "overlap {0}")
    @CsvSource({"0.2, 6", "0.5, 7", "0.8, 8"})
    void overlappingUniformsScoreTheBayesAccuracy(double overlap, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 2000;
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = new double[] {rng.nextDouble(), z.sample()};
            b[i] = new double[] {1 - overlap + rng.nextDouble(), z.sample()};
        }
        double acc = ClassifierTwoSampleTest.accuracy(a, b, seed);
        // The 2fn points in the overlap are guessed, an sd of √(f/(8n)) ≤ 0.007 around the Bayes
        // value: the upper bound is 3.5 sd away (false failure 2e-4). The forest also misplaces a few
        // points next to the overlap's edges, which only lowers the score.
        double bayes = 1 - overlap / 2;
        assertTrue(acc > bayes - 0.03 && acc < bayes + 0.025, "accuracy " + acc + " against Bayes " + bayes);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {9})
    void repeatedPointsAreNotMistakenForADifference(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Each point of the first sample twice, as resampling leaves them: the same distribution.
        double[][] distinct = gaussian(rng, 1000, 3, 0, 1);
        double[][] repeated = new double[2000][];
        for (int i = 0; i < 2000; i++) {
            repeated[i] = distinct[i / 2].clone();
        }
        double acc = ClassifierTwoSampleTest.accuracy(repeated, gaussian(rng, 2000, 3, 0, 1), seed);
        // Over 30 seeds: mean 0.499, sd 0.010, so 0.05 is 5 sd. With copies split across folds the
        // forest recognises them, and the same seeds scored 0.76.
        assertEquals(0.5, acc, 0.05, "seed " + seed);
    }

    @Test
    void theScoreDoesNotDependOnTheThreadCount() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        double[][] a = gaussian(rng, 600, 4, 0, 1);
        double[][] b = gaussian(rng, 500, 4, 0.5, 1);
        double one = ClassifierTwoSampleTest.accuracy(a, b, 11);
        assertEquals(one, ClassifierTwoSampleTest.accuracy(a, b, 11, 3));
        assertEquals(one, ClassifierTwoSampleTest.accuracy(a, b, 11, 1));
    }

    @Test
    void badInputsAreRejected() {
        double[][] five = {{0}, {1}, {2}, {3}, {4}};
        assertThrows(IllegalArgumentException.class, () -> ClassifierTwoSampleTest.accuracy(five, new double[][] {{0}, {1}, {2}, {3}}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierTwoSampleTest.accuracy(five, new double[][] {{0}, {1}, {2}, {3}, {4, 5}}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierTwoSampleTest.accuracy(five, new double[][] {{0}, {1}, {Double.NaN}, {3}, {4}}, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassifierTwoSampleTest.accuracy(five, five, 1, 0));
        // Samples that are copies of one point are held out in one fold, with nothing to train on.
        double[][] same = {{1}, {1}, {1}, {1}, {1}};
        assertEquals(0.5, ClassifierTwoSampleTest.accuracy(same, same, 1));
    }
}
