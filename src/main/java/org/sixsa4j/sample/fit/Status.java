package org.sixsa4j.sample.fit;

/** How a local minimisation ended; {@link LocalFit#message()} says more. */
public enum Status {
    /** A convergence criterion was met. */
    CONVERGED,
    /** The iteration limit was reached first. */
    MAX_ITERATIONS,
    /** The limit on objective evaluations was reached first. */
    MAX_EVALUATIONS,
    /** No step decreased f any more although no convergence criterion held, or the gradient was not finite. */
    STALLED,
    /** f was not finite at the starting point. */
    INFEASIBLE
}
