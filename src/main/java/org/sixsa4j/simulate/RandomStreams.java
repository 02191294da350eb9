package org.sixsa4j.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One random stream per simulation index, derived from a run seed, so that a simulation depends
 * only on (seed, index) and never on the thread or machine that runs it.
 *
 * <p>Stream i is a xoroshiro128++ generator (Blackman &amp; Vigna 2021, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4):36; arXiv:1805.01407, 2018) whose 128-bit
 * state is outputs 2i + 1 and 2i + 2 of a SplitMix64 generator (Steele, Lea &amp; Flood 2014,
 * "Fast splittable pseudorandom number generators", OOPSLA '14) started at a hash of the seed,
 * with D. Stafford's mix variant 13 as its output function. This is the seeding Blackman and Vigna
 * recommend. Because the mix is a bijection and the Weyl increment is odd, distinct indices get
 * distinct states, so no two streams of a run coincide; and because SplitMix64 output passes
 * BigCrush, the states look like independent uniform draws from the 2<sup>128</sup> − 1 non-zero
 * states. Two streams of 2<sup>128</sup> − 1 period started at random points overlap within n draws
 * each with probability about 2n/2<sup>128</sup>, nil for any simulation budget. Two run seeds
 * meet only if the hashes of the seeds differ by 2Δi times the Weyl increment, which for random
 * 64-bit hashes has a chance near N/2<sup>63</sup> for N simulations.
 */
public final class RandomStreams {
    /** The SplitMix64 Weyl increment: 2<sup>64</sup> over the golden ratio, rounded to odd. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long runSeed;
    private final long origin;

    private RandomStreams(long runSeed) {
        this.runSeed = runSeed;
        // Hashing first spreads nearby seeds (1, 2, 3, ...) to unrelated points of the Weyl sequence.
        this.origin = mix(runSeed);
    }

    /** The streams of the run with this seed. */
    public static RandomStreams of(long runSeed) {
        return new RandomStreams(runSeed);
    }

    /** The run seed. */
    public long runSeed() {
        return runSeed;
    }

    /**
     * A new provider for one simulation index; the same (seed, index) always gives the same
     * sequence. The provider is not thread-safe: one simulation, one thread.
     *
     * @param index the simulation index, {@code >= 0}
     */
    public UniformRandomProvider stream(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("simulation index must be >= 0, got " + index);
        }
        final long position = origin + 2 * index * GOLDEN_GAMMA;
        return RandomSource.XO_RO_SHI_RO_128_PP.create(
                new long[] {mix(position + GOLDEN_GAMMA), mix(position + 2 * GOLDEN_GAMMA)});
    }

    /** Stafford's mix variant 13, the SplitMix64 output function: a bijection on 64-bit words. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "RandomStreams[runSeed=" + runSeed + "]";
    }
}
