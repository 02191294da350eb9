package org.sixsa4j.sample.fit;

import java.util.ArrayList;
import java.util.List;
import org.sixsa4j.sample.fit.ConfidenceInterval.Limit;

/**
 * Finds where the profile of the statistic, p(v) = min over the other parameters of f with θ_i
 * = v, reaches f_min + Δ on one side of the best fit (the method of XSPEC's {@code error}
 * command; Lampton, Margon &amp; Bowyer 1976, ApJ 208, 177). Each evaluation of p is a local
 * re-fit with θ_i fixed.
 *
 * <p>The search first brackets the crossing: it steps out from θ̂_i by √(Δ Cov_ii) (the answer
 * for a quadratic f), then to 1.2 times the distance at which the parabola through
 * (θ̂_i, f_min) and the last point would reach Δ (aiming past the crossing, to bracket it), but
 * growing by a factor of at least 1.5 and at most 10 per step. The bracket is
 * then closed by {@link BrentRoot} (Brent 1973). Each re-fit starts from the nearest point
 * already profiled, moved along the covariance's regression line θ_j += Cov_ji/Cov_ii · Δv and
 * with the best fit's Hessian as its quasi-Newton matrix, which makes each re-fit nearly one
 * Newton step. A profiled value below f_min ends the search: a better minimum has been found.
 */
final class Profiler {
    /** Growing 1.5 to 10 times per step, 60 steps reach 4e10 to 1e60 first steps out. */
    private static final int MAX_EXPANSIONS = 60;
    /** The tolerance on the crossing, relative to the first step in v and to Δ in p. */
    private static final double RELATIVE_TOLERANCE = 1e-8;

    private final LocalSearch search;
    private final Bounds bounds;
    private final double[] best;
    private final double fMin;
    private final Covariance covariance;
    private final double delta;
    private final double newMinimumMargin;

    /**
     * @param newMinimumMargin how far below f_min a profiled value must be to count as a better
     *     minimum rather than the re-fit's convergence noise
     */
    Profiler(LocalSearch search, Bounds bounds, double[] best, double fMin, Covariance covariance, double delta, double newMinimumMargin) {
        this.search = search;
        this.bounds = bounds;
        this.best = best.clone();
        this.fMin = fMin;
        this.covariance = covariance;
        this.delta = delta;
        this.newMinimumMargin = newMinimumMargin;
    }

    /**
     * One end of the interval of parameter i.
     *
     * @param value the limit (the bound for {@link Limit#AT_BOUND}, NaN for {@link Limit#FAILED})
     * @param better a re-fit with a statistic below f_min, or null
     */
    record End(double value, Limit limit, long evaluations, LocalFit better) {
    }

    /** The end of parameter i's interval below (sign −1) or above (sign +1) the best fit. */
    End search(int i, int sign) {
        double theta = best[i];
        double bound = sign > 0 ? bounds.upper(i) : bounds.lower(i);
        if (theta == bound) {
            return new End(bound, Limit.AT_BOUND, 0, null);
        }
        Side side = new Side(i);
        double step = initialStep(i);
        double xTolerance = RELATIVE_TOLERANCE * step;
        double yTolerance = RELATIVE_TOLERANCE * delta;
        try {
            double inner = theta;
            double gInner = -delta;
            double distance = step;
            for (int k = 0; k < MAX_EXPANSIONS; k++) {
                double v = sign * (theta + sign * distance - bound) >= 0 ? bound : theta + sign * distance;
                double gv = side.excess(v);
                if (Math.abs(gv) <= yTolerance) {
                    return side.end(v, Limit.FOUND);
                }
                if (gv > 0) {
                    return side.end(BrentRoot.find(side::excess, inner, gInner, v, gv, xTolerance, yTolerance), Limit.FOUND);
                }
                if (v == bound) {
                    return side.end(bound, Limit.AT_BOUND);
                }
                inner = v;
                gInner = gv;
                double rise = gv + delta;
                distance *= rise > 0 ? Math.min(10, Math.max(1.5, 1.2 * Math.sqrt(delta / rise))) : 10;
            }
            return side.end(Double.NaN, Limit.FAILED);
        } catch (BetterMinimum e) {
            return new End(Double.NaN, Limit.FAILED, side.evaluations, e.fit);
        }
    }

    /** √(Δ Cov_ii) when the covariance has it, else a tenth of the parameter's scale. */
    private double initialStep(int i) {
        double[][] cov = covariance.matrix();
        double var = cov == null ? Double.NaN : cov[i][i];
        return var > 0 ? Math.sqrt(delta * var) : 0.1 * bounds.scale(i, best[i]);
    }

    /** The re-fits of one side, kept as warm starts. */
    private final class Side {
        private final int i;
        private final double[] slope;
        private final List<double[]> profiled = new ArrayList<>();
        private long evaluations;

        Side(int i) {
            this.i = i;
            this.slope = regression(i);
            profiled.add(best);
        }

        /** p(v) − f_min − Δ, +∞ where the re-fit found no finite statistic. */
        double excess(double v) {
            LocalFit fit = search.minimize(bounds.fix(i, v), warmStart(v), covariance.hessian());
            evaluations += fit.evaluations();
            if (fit.statistic() < fMin - newMinimumMargin) {
                throw new BetterMinimum(fit);
            }
            profiled.add(fit.parameters());
            return Double.isFinite(fit.statistic()) ? fit.statistic() - fMin - delta : Double.POSITIVE_INFINITY;
        }

        End end(double value, Limit limit) {
            return new End(value, limit, evaluations, null);
        }

        /** The nearest profiled point, moved along the regression of the others on θ_i to v. */
        private double[] warmStart(double v) {
            double[] nearest = best;
            for (double[] p : profiled) {
                if (Math.abs(p[i] - v) < Math.abs(nearest[i] - v)) {
                    nearest = p;
                }
            }
            double[] start = nearest.clone();
            for (int j = 0; j < start.length; j++) {
                start[j] += slope[j] * (v - nearest[i]);
            }
            start[i] = v;
            bounds.project(start);
            return start;
        }
    }

    /** Cov_ji / Cov_ii: how the others move with θ_i along the profile of a quadratic f; 0 when unknown. */
    private double[] regression(int i) {
        double[] slope = new double[best.length];
        double[][] cov = covariance.matrix();
        if (cov != null && cov[i][i] > 0) {
            for (int j = 0; j < slope.length; j++) {
                slope[j] = Double.isFinite(cov[j][i]) ? cov[j][i] / cov[i][i] : 0;
            }
        }
        return slope;
    }

    /** Unwinds a side's search, root finding included, as soon as a re-fit beats f_min. */
    private static final class BetterMinimum extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LocalFit fit;

        BetterMinimum(LocalFit fit) {
            super("better minimum", null, false, false);
            this.fit = fit;
        }
    }
}
