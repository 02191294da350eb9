package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
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
        // Under the null the accuracy over 2000 held-out predictions has sd ≈ 0.5/√2000 ≈ 0.011 (a
        // little more, the folds being dependent): 0.05 is over 4 sd, a false failure below 1e-4.
        assertEquals(0.5, acc, 0.05, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void separatedDistributionsScoreNearTheBayesAccuracy(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Two unit Gaussians 2 apart along one axis: the Bayes classifier is right with probability Φ(1) = 0.841.
        double acc = ClassifierTwoSampleTest.accuracy(gaussian(rng, 1000, 5, 0, 1), gaussian(rng, 1000, 5, 2, 1), seed);
        assertTrue(acc > 0.75 && acc < 0.86, "accuracy " + acc + " for seed " + seed);
        // A posterior 20 % too wide is what C2ST must notice.
        double wide = ClassifierTwoSampleTest.accuracy(gaussian(rng, 2000, 3, 0, 1), gaussian(rng, 2000, 3, 0, 1.5), seed);
        assertTrue(wide > 0.56, "accuracy " + wide + " for a 1.5x wider sample");
    }
}
