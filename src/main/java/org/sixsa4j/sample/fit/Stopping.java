package org.sixsa4j.sample.fit;

/**
 * When a local minimisation stops. It has converged when the estimated distance to the minimum,
 * EDM = ½ gᵀ B⁻¹ g over the free parameters (the decrease a full Newton step would bring, with
 * B the Hessian or its quasi-Newton or Gauss–Newton approximation; MINUIT's criterion, James
 * 1994, MINUIT Reference Manual), falls to {@code tolerance · max(1, |f|)}, or when f has
 * decreased by less than that in each of three successive iterations whose full (quasi-)Newton
 * step was taken: a step cut short by backtracking or by the trust region may gain little
 * because f is undefined beyond it, which says nothing of the minimum. EDM is the norm of the
 * projected gradient in the metric B⁻¹: unlike ‖g‖ it does not change when a parameter is
 * rescaled, so a normalisation of 1e-4 and a photon index of 2 are judged alike, and for a fit
 * statistic (Δf = 1 at one standard deviation) EDM = ε means the minimum is known to about
 * √ε standard deviations.
 *
 * @param tolerance the EDM and relative-decrease threshold, in (0, 1)
 * @param maxIterations the most iterations of one local minimisation
 * @param maxEvaluations the most evaluations of the objective (or of the residual vector) by one
 *     local minimisation, finite-difference derivatives included
 */
public record Stopping(double tolerance, int maxIterations, long maxEvaluations) {

    /** Iterations in a row with a decrease below the tolerance before f counts as settled. */
    static final int SETTLED_ITERATIONS = 3;

    /** Validates the limits. */
    public Stopping {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must lie in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("maxIterations and maxEvaluations must be >= 1, got " + maxIterations + " and " + maxEvaluations);
        }
    }

    /**
     * Tolerance 1e-12 (a statistic near 100 is then known to 1e-10, its minimum to about 1e-5
     * standard deviations), 1000 iterations, 10⁶ evaluations.
     */
    public static Stopping defaults() {
        return new Stopping(1e-12, 1000, 1_000_000);
    }

    /** The threshold at the current value of f. */
    double threshold(double f) {
        return tolerance * Math.max(1, Math.abs(f));
    }
}
