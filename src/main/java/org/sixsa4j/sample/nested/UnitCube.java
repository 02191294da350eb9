package org.sixsa4j.sample.nested;

/**
 * The open unit cube (0, 1)<sup>d</sup> in which nested sampling works: the prior's quantile
 * transform maps it onto the parameter space, and its faces are excluded because an unbounded
 * prior's quantile is infinite there.
 */
final class UnitCube {
    private UnitCube() {
    }

    /** Whether every coordinate lies strictly between 0 and 1. */
    static boolean containsOpen(double[] u) {
        for (double x : u) {
            if (!(x > 0 && x < 1)) {
                return false;
            }
        }
        return true;
    }
}
