package org.sixsa4j.sample.nested;

import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.simulate.RandomStreams;

/**
 * The random streams of one nested-sampling run, one per (purpose, counter), from the run seed.
 * Every random choice that could run on another thread (a prior draw, a candidate, a bootstrap)
 * takes its own stream keyed by a counter that the sequential loop advances, so the run does not
 * depend on the thread count.
 */
final class Streams {
    private static final int PURPOSES = 4;
    private static final int INITIAL = 0;
    private static final int CANDIDATE = 1;
    private static final int REGION = 2;
    private static final int POSTERIOR = 3;

    private final RandomStreams streams;

    Streams(long seed) {
        this.streams = RandomStreams.of(seed);
    }

    /** The stream of initial live point {@code i}. */
    UniformRandomProvider initial(long i) {
        return stream(INITIAL, i);
    }

    /** The stream of candidate {@code c}, counted over the whole run. */
    UniformRandomProvider candidate(long c) {
        return stream(CANDIDATE, c);
    }

    /** The stream of region build {@code r}. */
    UniformRandomProvider region(long r) {
        return stream(REGION, r);
    }

    /** The stream of post-processing step {@code k} (resampling, error simulation). */
    UniformRandomProvider posterior(long k) {
        return stream(POSTERIOR, k);
    }

    private UniformRandomProvider stream(int purpose, long counter) {
        return streams.stream(counter * PURPOSES + purpose);
    }
}
