package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;

/**
 * A likelihood with hard edges: constant on a sub-box of the unit-cube prior, zero outside. Then
 * Z = L × (volume fraction f of the sub-box), and every point at the end shares one likelihood: a
 * plateau, handled by removing tied points together (Fowlie, Handley &amp; Su 2021).
 */
class NestedSamplerPlateauTest {
    private static final double[] LOW = {0.1, 0.2};
    private static final double[] HIGH = {0.6, 0.8};
    /** The sub-box's share of the prior volume. */
    private static final double FRACTION = 0.5 * 0.6;
    private static final double LOG_L_INSIDE = -3;
    private static final int LIVE = 400;
    private static final JointPrior PRIOR = Gaussian.box(2, 0, 1);

    private static final LogDensity SUB_BOX = theta -> {
        for (int a = 0; a < theta.length; a++) {
            if (theta[a] < LOW[a] || theta[a] > HIGH[a]) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return LOG_L_INSIDE;
    };

    /**
     * The run removes the points outside (all tied at −∞) and then, all live points being tied
     * inside, ends. log Z then rests on the count k of initial points inside, binomial(N, f):
     * its standard deviation is about √((1 − f)/(f N)) = 0.076. Four of those give a false-failure
     * rate of 6e-5 per seed; the simulated error must match that spread within a factor 1.5.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0x5eed_0401L, 0x5eed_0402L, 0x5eed_0403L})
    void logZIsTheSubBoxVolumeFraction(long seed) {
        NestedResult r = NestedSampler.builder(PRIOR, SUB_BOX).livePoints(LIVE).build().run(seed);
        String context = "seed " + seed + ": " + r;
        double spread = Math.sqrt((1 - FRACTION) / (FRACTION * LIVE));
        assertEquals(StopReason.LIKELIHOOD_PLATEAU, r.stopReason(), context);
        assertEquals(Math.log(FRACTION) + LOG_L_INSIDE, r.logZ(), 4 * spread, context);
        assertTrue(r.logZErrorSimulated() > spread / 1.5 && r.logZErrorSimulated() < spread * 1.5,
                context + ": simulated error " + r.logZErrorSimulated() + " vs binomial " + spread);
    }

    /**
     * The posterior is uniform on the sub-box: every equal-weight sample lies in it, and the mean
     * of n samples is within 5 standard errors (side/√(12 n)) of its centre.
     */
    @Test
    void samplesAreUniformOnTheSubBox() {
        long seed = 0x5eed_0404L;
        NestedResult r = NestedSampler.builder(PRIOR, SUB_BOX).livePoints(LIVE).build().run(seed);
        double[][] samples = r.equalWeightSamples();
        for (double[] s : samples) {
            for (int a = 0; a < 2; a++) {
                assertTrue(s[a] >= LOW[a] && s[a] <= HIGH[a], "seed " + seed + ": sample outside the sub-box");
            }
        }
        double[] mean = Moments.mean(samples);
        for (int a = 0; a < 2; a++) {
            double side = HIGH[a] - LOW[a];
            assertEquals((LOW[a] + HIGH[a]) / 2, mean[a], 5 * side / Math.sqrt(12 * samples.length), "seed " + seed);
        }
    }

    /** A likelihood that is zero everywhere has no evidence and no posterior. */
    @Test
    void zeroLikelihoodEverywhereEndsAtOnce() {
        NestedResult r = NestedSampler.builder(PRIOR, theta -> Double.NEGATIVE_INFINITY).livePoints(50).build().run(1);
        assertEquals(Double.NEGATIVE_INFINITY, r.logZ(), r.toString());
        assertEquals(StopReason.LIKELIHOOD_PLATEAU, r.stopReason(), r.toString());
        assertEquals(0, r.iterations(), r.toString());
        assertEquals(50, r.evaluations(), r.toString());
        assertEquals(0, r.equalWeightSamples().length, r.toString());
    }
}
