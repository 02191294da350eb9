package org.sixsa4j.sample.nested;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.UnitSphereSampler;

/**
 * The fallback when the region's efficiency collapses: a slice-sampling walk (Neal 2003, Ann.
 * Stat. 31, 705, stepping out and shrinkage) inside the likelihood constraint, started from a live
 * point, along random directions that are isotropic in the region's whitened metric (the
 * whitened-direction slice step sampler of Buchner 2022, Phys. Sci. Forum 5, 46; UltraNest). Each
 * step leaves the uniform distribution on {L > L*} invariant, so after enough steps the end point is
 * close to an independent draw from the constrained prior. One walk per random stream; not
 * thread-safe.
 */
final class SliceWalk {
    /**
     * The initial bracket, in whitened units: the live points spread about one unit in every
     * direction, so a contour chord is a few units long and stepping out takes one or two steps.
     */
    private static final double WIDTH = 2;
    /** Bracket expansions per step, a guard against a constraint that never closes. */
    private static final int MAX_EXPANSIONS = 1000;

    private final CubeLikelihood target;
    private final FriendsRegion metric;
    private final UniformRandomProvider rng;
    private final UnitSphereSampler sphere;
    private final double threshold;
    private final double[] direction;
    private final double[] trial;
    private final double[] trialTheta;
    private long evaluations;

    SliceWalk(CubeLikelihood target, FriendsRegion metric, UniformRandomProvider rng, double threshold) {
        int d = target.dimension();
        this.target = target;
        this.metric = metric;
        this.rng = rng;
        this.sphere = UnitSphereSampler.of(rng, d);
        this.threshold = threshold;
        this.direction = new double[d];
        this.trial = new double[d];
        this.trialTheta = new double[d];
    }

    /**
     * Walks {@code steps} slice steps from {@code u}, which must satisfy log L(u) &gt; threshold.
     * On return {@code u} and {@code theta} hold the end point.
     *
     * @return log L at the end point
     */
    double walk(double[] u, double[] theta, double logL, int steps) {
        double current = logL;
        for (int step = 0; step < steps; step++) {
            metric.direction(sphere, direction);
            double left = -WIDTH * rng.nextDouble();
            double right = left + WIDTH;
            for (int k = 0; k < MAX_EXPANSIONS && inSlice(u, left); k++) {
                left -= WIDTH;
            }
            for (int k = 0; k < MAX_EXPANSIONS && inSlice(u, right); k++) {
                right += WIDTH;
            }
            // Shrink the bracket towards the current point until a draw lands in the slice. The
            // current point is in it, so this ends; the floor only guards against rounding.
            while (right - left > 1e-12 * WIDTH) {
                double t = left + (right - left) * rng.nextDouble();
                double value = valueAt(u, t);
                if (value > threshold) {
                    System.arraycopy(trial, 0, u, 0, u.length);
                    System.arraycopy(trialTheta, 0, theta, 0, theta.length);
                    current = value;
                    break;
                }
                if (t < 0) {
                    left = t;
                } else {
                    right = t;
                }
            }
        }
        return current;
    }

    /** Likelihood evaluations so far. */
    long evaluations() {
        return evaluations;
    }

    private boolean inSlice(double[] u, double t) {
        return valueAt(u, t) > threshold;
    }

    /** log L at u + t·direction, left in {@code trial}; −∞ outside the cube, without evaluating. */
    private double valueAt(double[] u, double t) {
        for (int a = 0; a < u.length; a++) {
            trial[a] = u[a] + t * direction[a];
        }
        if (!UnitCube.containsOpen(trial)) {
            return Double.NEGATIVE_INFINITY;
        }
        evaluations++;
        return target.logL(trial, trialTheta);
    }
}
