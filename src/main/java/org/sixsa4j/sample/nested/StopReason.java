package org.sixsa4j.sample.nested;

/**
 * Why a {@link NestedSampler} run stopped. Only {@link #CONVERGED} and {@link #LIKELIHOOD_PLATEAU}
 * mean that the evidence integral (Skilling 2006, Bayesian Analysis 1, 833) was completed; after the
 * other two the result holds the truncated sum plus the live points' share.
 */
public enum StopReason {
    /** The prior volume left could raise log Z by less than the tolerance. */
    CONVERGED,
    /**
     * Every live point had the same likelihood: no volume is left above it, and the live points
     * carry the rest of the evidence exactly (Fowlie, Handley &amp; Su 2021, MNRAS 503, 1199).
     */
    LIKELIHOOD_PLATEAU,
    /** The iteration limit was reached. */
    MAX_ITERATIONS,
    /** The evaluation limit was reached. */
    MAX_EVALUATIONS
}
