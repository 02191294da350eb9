package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The calibration of the evidence over many seeds on the 5-D Gaussian of
 * {@link NestedSamplerGaussianTest}: the pulls (log Z − truth)/error must have mean 0 and
 * standard deviation 1. 100 runs, so it is in the {@code calibration} group, which the default
 * build leaves out: {@code ./mvnw -B verify -Dtest.excluded=none} runs it.
 */
@Tag("calibration")
class NestedSamplerCalibrationTest {
    private static final long FIRST_SEED = 0x5eed_0e01L;
    private static final int SEEDS = 100;

    /**
     * For 100 standard normal pulls the mean is N(0, 0.01): |mean| &lt; 0.4 fails with probability
     * 6e-5. The sample standard deviation has a standard error of 0.071; [0.7, 1.35] spans more
     * than 4 of those on each side (false-failure rate about 1e-4).
     */
    @Test
    void pullsAreStandardNormal() {
        double truth = NestedSamplerGaussianTest.analyticLogZ();
        NestedSampler sampler = NestedSampler.builder(NestedSamplerGaussianTest.PRIOR, NestedSamplerGaussianTest.LIKELIHOOD).threads(2).build();
        double[] pulls = new double[SEEDS];
        for (int k = 0; k < SEEDS; k++) {
            NestedResult r = sampler.run(FIRST_SEED + k);
            pulls[k] = (r.logZ() - truth) / r.logZError();
        }
        double mean = Arrays.stream(pulls).average().orElseThrow();
        double sd = Moments.std(pulls);
        String context = "seeds " + FIRST_SEED + " to " + (FIRST_SEED + SEEDS - 1) + ": pull mean " + mean + ", sd " + sd;
        assertTrue(Math.abs(mean) < 0.4, context);
        assertTrue(sd > 0.7 && sd < 1.35, context);
    }
}
