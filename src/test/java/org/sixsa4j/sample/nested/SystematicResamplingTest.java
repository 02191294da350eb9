package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class SystematicResamplingTest {
    private static final long SEED = 0x5eed_0a01L;

    /** Systematic resampling takes point i ⌊m p_i⌋ or ⌈m p_i⌉ times, whatever the offset. */
    @RepeatedTest(20)
    void countsAreFloorOrCeilingOfTheExpected(RepetitionInfo repetition) {
        long seed = SEED + repetition.getCurrentRepetition();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 50;
        double[] logW = new double[n];
        for (int i = 0; i < n; i++) {
            logW[i] = 3 * rng.nextDouble();
        }
        double logTotal = LogSpace.sum(logW, 0, n);
        for (int i = 0; i < n; i++) {
            logW[i] -= logTotal;
        }
        int m = 137;
        int[] counts = new int[n];
        for (int pick : SystematicResampling.indices(logW, m, rng)) {
            counts[pick]++;
        }
        for (int i = 0; i < n; i++) {
            double expected = m * Math.exp(logW[i]);
            assertTrue(counts[i] >= Math.floor(expected - 1e-9) && counts[i] <= Math.ceil(expected + 1e-9),
                    "seed " + seed + ": index " + i + " taken " + counts[i] + " times, expected " + expected);
        }
    }

    @Test
    void exactWhenCountsAreWhole() {
        double[] logW = {Math.log(0.5), Math.log(0.25), Math.log(0.125), Math.log(0.125)};
        int[] counts = new int[4];
        for (int pick : SystematicResampling.indices(logW, 8, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED))) {
            counts[pick]++;
        }
        assertArrayEquals(new int[] {4, 2, 1, 1}, counts, "seed " + SEED);
    }

    /** The picks come shuffled: 1000 picks of 1000 equal weights in index order would have probability 1/1000!. */
    @Test
    void picksAreShuffled() {
        double[] logW = new double[1000];
        Arrays.fill(logW, -Math.log(1000));
        int[] picks = SystematicResampling.indices(logW, 1000, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));
        boolean sorted = true;
        for (int k = 1; k < picks.length; k++) {
            sorted &= picks[k] >= picks[k - 1];
        }
        assertFalse(sorted, "seed " + SEED);
    }
}
