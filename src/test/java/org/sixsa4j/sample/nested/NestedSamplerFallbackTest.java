package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.JointPrior;

/**
 * The slice-sampling fallback on its own: with a minimum region efficiency of 1 and a region that
 * is never rebuilt, every batch after the first comes from slice walks, and the evidence must
 * still be right.
 */
class NestedSamplerFallbackTest {
    private static final double[] MEAN = {1, -2, 0.5, 3};
    private static final Gaussian LIKELIHOOD = Gaussian.correlated(MEAN, new double[] {1, 0.5, 1.5, 0.8}, 0.6);
    private static final JointPrior PRIOR = Gaussian.box(MEAN.length, -10, 10);

    /**
     * log Z within 4 reported errors of −4 log 20 (the box holds the mass to 1e-9): false-failure
     * rate 6e-5 per seed if the walks are long enough to forget their start.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0x5eed_0601L, 0x5eed_0602L})
    void sliceWalksGiveTheEvidence(long seed) {
        NestedResult r = NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(200).minRegionEfficiency(1)
                .regionUpdateInterval(Integer.MAX_VALUE).build().run(seed);
        String context = "seed " + seed + ": " + r;
        assertTrue(r.sliceEvaluations() > 0.9 * r.evaluations(), context);
        assertEquals(-MEAN.length * Math.log(20), r.logZ(), 4 * r.logZError(), context);
        double[] mean = Moments.mean(r.equalWeightSamples());
        for (int a = 0; a < MEAN.length; a++) {
            double sd = Math.sqrt(LIKELIHOOD.covariance()[a][a]);
            assertEquals(MEAN[a], mean[a], 5 * sd / Math.sqrt(r.effectiveSampleSize()), context + ": mean of x" + a);
        }
    }

    /**
     * In 20 dimensions the friends' balls around 200 points cover so much more than the contour
     * that the region's efficiency falls below 1 % on its own, and the slice walks take over.
     * log Z = −20 log 20 within 4 reported errors (the box holds the mass to 1e-9).
     */
    @Test
    void regionHandsOverToSliceWalksInTwentyDimensions() {
        long seed = 0x5eed_0603L;
        int d = 20;
        double[] mean = new double[d];
        double[] sigma = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = 0.1 * i - 0.3;
            sigma[i] = 0.5 + 0.1 * i;
        }
        NestedResult r = NestedSampler.builder(Gaussian.box(d, -10, 10), Gaussian.correlated(mean, sigma, 0.5)).livePoints(200).build().run(seed);
        String context = "seed " + seed + ": " + r;
        assertTrue(r.sliceEvaluations() > r.evaluations() / 2, context);
        assertEquals(-d * Math.log(20), r.logZ(), 4 * r.logZError(), context);
    }
}
