package org.sixsa4j.stat;

import org.apache.commons.rng.UniformRandomProvider;

/** Observed counts for property tests, mixing the cases where the statistics' branches differ. */
final class RandomCounts {

    private RandomCounts() {
    }

    /** Zero, small and large integers, and non-integer values from 0.0025 to 1.6e5. */
    static double draw(UniformRandomProvider rng) {
        return switch (rng.nextInt(4)) {
            case 0 -> 0;
            case 1 -> rng.nextInt(20);
            case 2 -> Math.floor(Math.exp(rng.nextDouble(0, 16)));
            default -> Math.exp(rng.nextDouble(-6, 12));
        };
    }
}
