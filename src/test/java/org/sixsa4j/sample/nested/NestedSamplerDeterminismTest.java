package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.JointPrior;

/** The same seed gives the same run on 1 and 2 threads, on the region path and on the slice fallback. */
class NestedSamplerDeterminismTest {
    private static final long SEED = 0x5eed_0501L;
    private static final Gaussian LIKELIHOOD = Gaussian.correlated(new double[] {0.2, -0.4, 1}, new double[] {0.5, 1, 0.8}, -0.4);
    private static final JointPrior PRIOR = Gaussian.box(3, -8, 8);

    /**
     * A minimum efficiency of 1, with a region that is never rebuilt, sends every batch after the
     * first to the slice walks.
     */
    @ParameterizedTest(name = "minimum region efficiency {0}")
    @ValueSource(doubles = {0.01, 1})
    void oneAndTwoThreadsGiveTheSameRun(double minRegionEfficiency) {
        NestedSampler.Builder builder = NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(100).minRegionEfficiency(minRegionEfficiency)
                .regionUpdateInterval(minRegionEfficiency == 1 ? Integer.MAX_VALUE : 20);
        NestedResult one = builder.threads(1).build().run(SEED);
        NestedResult two = builder.threads(2).build().run(SEED);
        String context = "seed " + SEED + ": " + one + " vs " + two;
        assertEquals(one.logZ(), two.logZ(), 0, context);
        assertEquals(one.logZError(), two.logZError(), 0, context);
        assertEquals(one.logZErrorSimulated(), two.logZErrorSimulated(), 0, context);
        assertEquals(one.evaluations(), two.evaluations(), context);
        assertEquals(one.sliceEvaluations(), two.sliceEvaluations(), context);
        assertEquals(one.iterations(), two.iterations(), context);
        assertArrayEquals(one.logLikelihoods(), two.logLikelihoods(), context);
        assertArrayEquals(one.logWeights(), two.logWeights(), context);
        double[][] a = one.equalWeightSamples();
        double[][] b = two.equalWeightSamples();
        assertEquals(a.length, b.length, context);
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], context + ", sample " + k);
        }
        assertEquals(minRegionEfficiency == 1, one.sliceEvaluations() > one.evaluations() / 2, context);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        NestedSampler sampler = NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(100).build();
        NestedResult a = sampler.run(SEED);
        NestedResult b = sampler.run(SEED + 1);
        assertNotEquals(a.logZ(), b.logZ(), "seeds " + SEED + " and " + (SEED + 1));
        assertTrue(a.wallTime().toNanos() > 0);
    }
}
