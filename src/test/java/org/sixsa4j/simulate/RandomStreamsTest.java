package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomStreamsTest {
    private static final long SEED = 0x5eed_0003L;
    private static final int STREAMS = 100_000;

    /** Two-sided normal quantile for a false-failure rate of 1e-7 per assertion. */
    private static final double Z = 5.33;

    @ParameterizedTest(name = "index {0}")
    @ValueSource(longs = {0, 1, 2, 1_000_003, Long.MAX_VALUE})
    void sameSeedAndIndexGiveTheSameSequence(long index) {
        UniformRandomProvider a = RandomStreams.of(SEED).stream(index);
        UniformRandomProvider b = RandomStreams.of(SEED).stream(index);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong(), "seed " + SEED + ", index " + index + ", draw " + i);
        }
    }

    /**
     * Checks the documented derivation against Commons RNG's own SplitMix64: the hash of the seed
     * is SplitMix64's first output from seed − γ, and stream i is xoroshiro128++ seeded with
     * outputs 2i + 1 and 2i + 2 of SplitMix64 started there.
     */
    @ParameterizedTest(name = "index {0}")
    @ValueSource(longs = {0, 1, 7})
    void streamStateIsConsecutiveSplitMix64Output(long index) {
        long gamma = 0x9e3779b97f4a7c15L;
        SplitMix64 splitMix = new SplitMix64(new SplitMix64(SEED - gamma).nextLong());
        for (long skip = 0; skip < 2 * index; skip++) {
            splitMix.nextLong();
        }
        UniformRandomProvider expected = new XoRoShiRo128PlusPlus(splitMix.nextLong(), splitMix.nextLong());
        UniformRandomProvider actual = RandomStreams.of(SEED).stream(index);
        for (int i = 0; i < 10; i++) {
            assertEquals(expected.nextLong(), actual.nextLong(), "seed " + SEED + ", index " + index);
        }
    }

    /** Among 1e5 random 64-bit words a repeat has probability 3e-10: the false-failure rate. */
    @Test
    void differentIndicesGiveDifferentSequences() {
        RandomStreams streams = RandomStreams.of(SEED);
        Set<Long> first = new HashSet<>();
        for (long i = 0; i < STREAMS; i++) {
            assertTrue(first.add(streams.stream(i).nextLong()), "seed " + SEED + ": stream " + i + " repeats");
        }
    }

    /** The chance that one 64-bit word repeats is 2^-64 per pair. */
    @Test
    void differentSeedsGiveDifferentSequences() {
        for (long index = 0; index < 10; index++) {
            assertNotEquals(RandomStreams.of(SEED).stream(index).nextLong(),
                    RandomStreams.of(SEED + 1).stream(index).nextLong(), "seeds " + SEED + " and +1, index " + index);
        }
    }

    /**
     * Crude independence of neighbouring streams: the first uniforms of streams i and i + 1, and
     * of seeds s and s + 1 at the same index, have a Pearson correlation within Z/√n of 0, and the
     * first 64-bit words of neighbours agree in 32n ± Z·√(16n) bits. Under independence each
     * statistic is normal to within the CLT, so each assertion fails falsely at a rate of 1e-7.
     */
    @Test
    void neighbouringStreamsAreUncorrelated() {
        RandomStreams streams = RandomStreams.of(SEED);
        RandomStreams nextSeed = RandomStreams.of(SEED + 1);
        double[] u = new double[STREAMS + 1];
        double[] w = new double[STREAMS];
        long agreeingBits = 0;
        long previous = streams.stream(0).nextLong();
        u[0] = (previous >>> 11) * 0x1.0p-53;
        for (int i = 1; i <= STREAMS; i++) {
            long word = streams.stream(i).nextLong();
            agreeingBits += Long.bitCount(~(word ^ previous));
            previous = word;
            u[i] = (word >>> 11) * 0x1.0p-53;
        }
        for (int i = 0; i < STREAMS; i++) {
            w[i] = nextSeed.stream(i).nextDouble();
        }
        double bound = Z / Math.sqrt(STREAMS);
        double adjacent = correlation(u, 0, u, 1, STREAMS);
        double acrossSeeds = correlation(u, 0, w, 0, STREAMS);
        assertTrue(Math.abs(adjacent) < bound, "seed " + SEED + ": adjacent streams correlate, r = " + adjacent);
        assertTrue(Math.abs(acrossSeeds) < bound, "seeds " + SEED + ", +1: streams correlate, r = " + acrossSeeds);
        assertEquals(32.0 * STREAMS, agreeingBits, Z * Math.sqrt(16.0 * STREAMS),
                "seed " + SEED + ": bits shared by adjacent streams");
    }

    private static double correlation(double[] x, int xFrom, double[] y, int yFrom, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[xFrom + i];
            my += y[yFrom + i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[xFrom + i] - mx;
            double dy = y[yFrom + i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void negativeIndexIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RandomStreams.of(SEED).stream(-1));
    }
}
