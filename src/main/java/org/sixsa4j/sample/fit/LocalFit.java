package org.sixsa4j.sample.fit;

/**
 * The outcome of one local minimisation: where it started and ended, f there, and what it
 * cost. Arrays are copied in and out.
 *
 * @param start the starting point as given (before projection into the box)
 * @param parameters the final point, inside the box
 * @param statistic f at the final point (not finite only for an {@link Status#INFEASIBLE} start)
 * @param status how it ended
 * @param message the criterion met, or what went wrong, in words
 * @param iterations iterations taken
 * @param evaluations evaluations of the objective (or of the residual vector), derivatives included
 */
public record LocalFit(double[] start, double[] parameters, double statistic, Status status, String message, int iterations,
        long evaluations) {

    /** Copies the arrays. */
    public LocalFit {
        start = start.clone();
        parameters = parameters.clone();
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Whether a convergence criterion was met. */
    public boolean converged() {
        return status == Status.CONVERGED;
    }
}
