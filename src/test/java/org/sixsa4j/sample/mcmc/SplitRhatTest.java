package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SplitRhatTest {
    private static final long SEED = 0x5eed_0f7aL;
    private static final int CHAINS = 8;
    private static final int DRAWS = 2000;

    /** Independent N(location[j], scale[j]) draws for chain j. */
    private static double[][] normalChains(long seed, double[] location, double[] scale) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] chains = new double[location.length][DRAWS];
        for (int j = 0; j < chains.length; j++) {
            for (int t = 0; t < DRAWS; t++) {
                chains[j][t] = location[j] + scale[j] * gaussian.sample();
            }
        }
        return chains;
    }

    private static double[] constant(double value) {
        double[] v = new double[CHAINS];
        Arrays.fill(v, value);
        return v;
    }

    /** Means 2 and 4, variances 1 and 1, n = 3: B = 3 × 2/1 = 6, W = 1, V̂ = 2/3 + 2, R̂ = √(8/3). */
    @Test
    void basicMatchesTheFormulaByHand() {
        double[][] chains = {{1, 2, 3}, {3, 4, 5}};
        assertEquals(Math.sqrt(8.0 / 3), SplitRhat.basic(chains), 1e-15);
    }

    @Test
    void splitLeavesOutTheMiddleDrawOfAnOddLength() {
        double[][] halves = SplitRhat.split(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}});
        assertArrayEquals(new double[][] {{1, 2}, {4, 5}, {6, 7}, {9, 10}}, halves);
    }

    /** Pooled ranks 1, 2.5, 2.5, 4 of S = 4 draws go to Φ⁻¹((r − 3/8)/(S + 1/4)). */
    @Test
    void rankNormalisationGivesTiesTheirAverageRank() {
        double[][] z = SplitRhat.rankNormalise(new double[][] {{1, 2}, {2, 3}});
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double low = normal.inverseCumulativeProbability(0.625 / 4.25);
        assertArrayEquals(new double[][] {{low, 0}, {0, -low}}, z);
    }

    @Test
    void foldTakesDistancesFromThePooledMedian() {
        assertArrayEquals(new double[][] {{2.5, 1.5}, {1.5, 6.5}}, SplitRhat.fold(new double[][] {{1, 5}, {2, 10}}));
    }

    /**
     * Sixteen half-chains of 1000 independent draws: R̂ − 1 ≈ (χ²₁₅/15 − 1)/2000, which exceeds
     * 0.005 only for χ²₁₅ &gt; 165, with probability below 1e-20.
     */
    @Test
    void wellMixedChainsGiveOne() {
        double r = SplitRhat.of(normalChains(SEED, constant(0), constant(1)));
        assertTrue(r > 0.99 && r < 1.005, "seed " + SEED + ": R̂ = " + r);
    }

    /**
     * Two of eight chains sit 4σ away: in normal scores their means lie about 1.9 above the others',
     * which gives R̂ near 1.5; 1.1 is far below (the margin dwarfs the sampling noise of 16 × 1000
     * draws: a false-failure rate below 1e-20).
     */
    @Test
    void aGroupStuckInAnotherModeGivesALargeValue() {
        double[] location = constant(0);
        location[2] = 4;
        location[5] = 4;
        double r = SplitRhat.of(normalChains(SEED + 1, location, constant(1)));
        assertTrue(r > 1.1, "seed " + (SEED + 1) + ": R̂ = " + r);
    }

    /** Every chain drifts from 0 to 2 halfway: only the split shows it (same bounds as above). */
    @Test
    void splittingDetectsADriftWithinEveryChain() {
        double[][] chains = normalChains(SEED + 2, constant(0), constant(1));
        for (double[] chain : chains) {
            for (int t = DRAWS / 2; t < DRAWS; t++) {
                chain[t] += 2;
            }
        }
        double unsplit = SplitRhat.basic(SplitRhat.rankNormalise(chains));
        double split = SplitRhat.of(chains);
        assertTrue(unsplit < 1.01, "seed " + (SEED + 2) + ": unsplit R̂ = " + unsplit);
        assertTrue(split > 1.1, "seed " + (SEED + 2) + ": split R̂ = " + split);
    }

    /** Chains with one location but scales 1 and 3: the bulk R̂ is near 1, the folded one is not. */
    @Test
    void foldingDetectsChainsThatDifferInSpreadAlone() {
        double[] scale = constant(1);
        for (int j = 0; j < CHAINS / 2; j++) {
            scale[j] = 3;
        }
        double[][] chains = normalChains(SEED + 3, constant(0), scale);
        double bulk = SplitRhat.basic(SplitRhat.rankNormalise(SplitRhat.split(chains)));
        double r = SplitRhat.of(chains);
        assertTrue(bulk < 1.01, "seed " + (SEED + 3) + ": bulk R̂ = " + bulk);
        assertTrue(r > 1.1, "seed " + (SEED + 3) + ": R̂ = " + r);
    }

    @Test
    void undefinedForChainsTooShortOrConstant() {
        assertTrue(Double.isNaN(SplitRhat.of(new double[][] {{1, 2, 3}, {4, 5, 6}})));
        assertTrue(Double.isNaN(SplitRhat.of(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}})));
    }
}
