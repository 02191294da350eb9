package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.JointPrior;

/**
 * Two well-separated Gaussian modes in 2-D with posterior weights 0.3 and 0.7: both must be found,
 * with the right weights and Z. The modes lie 8σ or more from the walls of the unit-cube prior,
 * so Z = 1 to 1e-14.
 */
class NestedSamplerBimodalTest {
    private static final double WEIGHT = 0.3;
    private static final double SIGMA = 0.03;
    private static final double[] FIRST = {0.25, 0.3};
    private static final double[] SECOND = {0.75, 0.7};
    private static final JointPrior PRIOR = Gaussian.box(2, 0, 1);
    private static final int LIVE = 400;

    /**
     * log Z within 4 reported errors (false-failure rate 6e-5 per seed). The first mode's weight
     * rests mostly on how the N live points split between the modes, binomial with standard
     * deviation √(w(1 − w)/N) = 0.023; 5 of those are allowed. Each mode's mean, from its share of
     * the equal-weight samples, is within 5 standard errors σ/√n.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0x5eed_0301L, 0x5eed_0302L, 0x5eed_0303L})
    void findsBothModesWithTheirWeights(long seed) {
        NestedResult r = NestedSampler.builder(PRIOR, new TwoGaussians(WEIGHT, FIRST, SECOND, SIGMA)).livePoints(LIVE).build().run(seed);
        String context = "seed " + seed + ": " + r;
        assertEquals(0, r.logZ(), 4 * r.logZError(), context);

        double firstWeight = 0;
        double[] w = r.logWeights();
        double[][] points = r.points();
        for (int i = 0; i < w.length; i++) {
            if (points[i][0] < 0.5) {
                firstWeight += Math.exp(w[i]);
            }
        }
        assertEquals(WEIGHT, firstWeight, 5 * Math.sqrt(WEIGHT * (1 - WEIGHT) / LIVE), context);

        double[][] samples = r.equalWeightSamples();
        double[][] sums = new double[2][2];
        int[] counts = new int[2];
        for (double[] s : samples) {
            int mode = s[0] < 0.5 ? 0 : 1;
            counts[mode]++;
            sums[mode][0] += s[0];
            sums[mode][1] += s[1];
        }
        double[][] centres = {FIRST, SECOND};
        for (int mode = 0; mode < 2; mode++) {
            assertTrue(counts[mode] > 100, context + ": mode " + mode + " has " + counts[mode] + " samples");
            for (int a = 0; a < 2; a++) {
                assertEquals(centres[mode][a], sums[mode][a] / counts[mode], 5 * SIGMA / Math.sqrt(counts[mode]), context + ": mode " + mode);
            }
        }
    }
}
