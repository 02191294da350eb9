package org.sixsa4j.sample.fit;

import java.util.Locale;

/**
 * A projected quasi-Newton minimiser for a box: the fitter's method for Poisson statistics (C-stat,
 * W-stat) and −2 ln L. It follows Bertsekas's projected Newton method (Bertsekas 1982, SIAM J.
 * Control Optim. 20, 221) with a BFGS matrix in place of the Hessian, the dense small-n
 * counterpart of L-BFGS-B's active-set treatment (Byrd, Lu, Nocedal &amp; Zhu 1995, SIAM J. Sci.
 * Comput. 16, 1190; Kelley 1999, Iterative Methods for Optimization, Ch. 5). Each iteration:
 * <ol>
 *   <li>takes as active the parameters whose bound lies within the diagonally scaled gradient
 *       step, g_i / B_ii, of where they are, in the direction the gradient pushes them (fixed
 *       parameters always);</li>
 *   <li>moves the free ones by the quasi-Newton step −B_FF⁻¹ g_F and the active ones by
 *       −g_i / B_ii, which reaches their bound;</li>
 *   <li>backtracks along the projected path P[x + α d] until the Armijo condition
 *       f(x(α)) ≤ f(x) + 10⁻⁴ gᵀ(x(α) − x) holds, by safeguarded quadratic interpolation in α;
 *       a point where f is +∞ or NaN counts as a failed trial, so the search steps back out of
 *       regions where the model is undefined;</li>
 *   <li>updates B by BFGS with Powell's damping (Nocedal &amp; Wright 2006, Numerical
 *       Optimization, 2nd ed., Procedure 18.2), which keeps B positive definite without the
 *       Wolfe curvature condition.</li>
 * </ol>
 * B starts as the diagonal of second differences of f (2n evaluations), so that parameters of very
 * different scales get Newton-sized first steps; it is reset to that diagonal when a line search
 * fails. Stopping rules are in {@link Stopping}; the gradient is analytic when a {@link Gradient}
 * is given, else central differences ({@link FiniteDifferences}).
 */
public final class BoundedQuasiNewton {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;
    /** Step reduction after a trial at which f was not finite. */
    private static final double INFEASIBLE_SHRINK = 0.2;

    private final Stopping stopping;

    /** A minimiser with these stopping rules. */
    public BoundedQuasiNewton(Stopping stopping) {
        this.stopping = stopping;
    }

    /** Minimises f over the box from {@code start} (projected into the box first), with finite-difference gradients. */
    public LocalFit minimize(Objective f, Bounds bounds, double[] start) {
        return minimize(f, null, bounds, start, null);
    }

    /** Minimises f over the box from {@code start} with an analytic gradient. */
    public LocalFit minimize(Objective f, Gradient gradient, Bounds bounds, double[] start) {
        return minimize(f, gradient, bounds, start, null);
    }

    /**
     * The general form: {@code gradient} null for finite differences; {@code hessian}, if not
     * null and finite, the starting matrix B (the interval searches pass the Hessian at the best
     * fit, which makes each re-fit nearly one Newton step).
     */
    LocalFit minimize(Objective f, Gradient gradient, Bounds bounds, double[] start, double[][] hessian) {
        if (start.length != bounds.dimension()) {
            throw new IllegalArgumentException("start has " + start.length + " parameters, the bounds " + bounds.dimension());
        }
        return new Run(f, gradient, bounds, start).minimize(hessian);
    }

    /** The state of one minimisation. */
    private final class Run {
        private final CountedFunction fn;
        private final Gradient gradient;
        private final Bounds bounds;
        private final double[] start;
        private final int n;
        private double[] x;
        private double fx;
        private double[] g;
        private int iterations;

        Run(Objective f, Gradient gradient, Bounds bounds, double[] start) {
            this.fn = CountedFunction.of(f);
            this.gradient = gradient != null ? gradient : FiniteDifferences.gradient(fn, bounds);
            this.bounds = bounds;
            this.start = start;
            this.n = start.length;
        }

        LocalFit minimize(double[][] hessian) {
            x = start.clone();
            bounds.project(x);
            fx = fn.value(x);
            if (!Double.isFinite(fx)) {
                return end(Status.INFEASIBLE, "f is " + fx + " at the start");
            }
            if (allFixed()) {
                return end(Status.CONVERGED, "every parameter is fixed");
            }
            g = gradientAt(x, fx);
            boolean hinted = usable(hessian);
            double[][] b = hinted ? Matrices.copy(hessian) : diagonalStart();
            // A diagonal restart is the freshest B there is: if its line search fails too, stop.
            boolean fresh = !hinted;
            int settled = 0;
            while (true) {
                if (iterations >= stopping.maxIterations()) {
                    return end(Status.MAX_ITERATIONS, "no convergence in " + iterations + " iterations");
                }
                if (fn.count() >= stopping.maxEvaluations()) {
                    return end(Status.MAX_EVALUATIONS, "no convergence in " + fn.count() + " evaluations");
                }
                int bad = nonFiniteGradient();
                if (bad >= 0) {
                    return end(Status.STALLED, "the gradient along parameter " + bad + " is not finite");
                }
                iterations++;
                Direction dir = Direction.of(b, g, x, bounds);
                if (dir == null) {
                    // Rounding has made B_FF indefinite; the diagonal start is positive by construction.
                    b = diagonalStart();
                    fresh = true;
                    dir = Direction.of(b, g, x, bounds);
                }
                if (dir.edm() <= stopping.threshold(fx)) {
                    return end(Status.CONVERGED, format("estimated distance to minimum %.3g", dir.edm()));
                }
                Point next = lineSearch(dir.d());
                if (next == null) {
                    if (fresh) {
                        return end(Status.STALLED, format("no decrease along the search direction; estimated distance to minimum %.3g",
                                dir.edm()));
                    }
                    b = diagonalStart();
                    fresh = true;
                    continue;
                }
                double[] gNext = gradientAt(next.x(), next.f());
                update(b, next.x(), gNext);
                fresh = false;
                // Only a full step counts: a backtracked one may gain little because of a
                // wall of undefined f, not because the minimum is near.
                settled = next.full() && fx - next.f() <= stopping.threshold(next.f()) ? settled + 1 : 0;
                x = next.x();
                fx = next.f();
                g = gNext;
                if (settled >= Stopping.SETTLED_ITERATIONS) {
                    return end(Status.CONVERGED, "f decreased by less than " + stopping.tolerance() + " relative in "
                            + Stopping.SETTLED_ITERATIONS + " iterations");
                }
            }
        }

        /**
         * The accepted point along P[x + α d], or null when the path leaves x no more or no α
         * down to the backtracking limit satisfies the Armijo condition.
         */
        private Point lineSearch(double[] d) {
            double alpha = 1;
            for (int k = 0; k < MAX_BACKTRACKS; k++) {
                double[] trial = new double[n];
                double slope = 0;
                boolean moved = false;
                for (int i = 0; i < n; i++) {
                    trial[i] = Math.min(bounds.upper(i), Math.max(bounds.lower(i), x[i] + alpha * d[i]));
                    slope += g[i] * (trial[i] - x[i]);
                    moved |= trial[i] != x[i];
                }
                if (!moved) {
                    return null;
                }
                if (!(slope < 0)) {
                    // A long step bent by the bounds need not descend; a shorter one does.
                    alpha *= 0.5;
                    continue;
                }
                double ft = fn.value(trial);
                if (ft <= fx + ARMIJO * slope) {
                    return new Point(trial, ft, k == 0);
                }
                alpha *= Double.isFinite(ft) ? interpolatedShrink(slope, ft) : INFEASIBLE_SHRINK;
            }
            return null;
        }

        /**
         * The minimiser of the parabola through φ(0) = f(x), φ′(0) = slope/α and φ(α) = ft, as a
         * fraction of α, kept in [0.1, 0.5] so that the search neither crawls nor stalls.
         */
        private double interpolatedShrink(double slope, double ft) {
            double shrink = -slope / (2 * (ft - fx - slope));
            return Math.min(0.5, Math.max(0.1, shrink));
        }

        /** Powell-damped BFGS update of B for the step to {@code next}, whose gradient is {@code gNext}. */
        private void update(double[][] b, double[] next, double[] gNext) {
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                if (!bounds.isFixed(i)) {
                    s[i] = next[i] - x[i];
                    y[i] = gNext[i] - g[i];
                }
            }
            double[] bs = Matrices.times(b, s);
            double sBs = Matrices.dot(s, bs);
            if (!(sBs > 0)) {
                return;
            }
            double sy = Matrices.dot(s, y);
            // Damping mixes in B s until sᵀr ≥ 0.2 sᵀBs, so the update stays positive definite.
            double theta = sy >= 0.2 * sBs ? 1 : 0.8 * sBs / (sBs - sy);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = theta * y[i] + (1 - theta) * bs[i];
            }
            double sr = Matrices.dot(s, r);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] += r[i] * r[j] / sr - bs[i] * bs[j] / sBs;
                }
            }
        }

        /**
         * A diagonal B from second differences along each parameter. Where the curvature is not
         * positive the magnitude serves, and where it is zero or unknown, a value that makes the
         * first step a tenth of the parameter's scale.
         */
        private double[][] diagonalStart() {
            double[] d = Curvature.diagonal(fn, bounds, x, fx);
            double[][] b = new double[n][n];
            for (int i = 0; i < n; i++) {
                double c = Math.abs(d[i]);
                if (!(c > 0 && c < Double.POSITIVE_INFINITY)) {
                    double scale = bounds.isFixed(i) ? 1 : bounds.scale(i, x[i]);
                    c = Math.max(Math.abs(g[i]) / (0.1 * scale), 1 / (scale * scale));
                }
                b[i][i] = c;
            }
            return b;
        }

        private double[] gradientAt(double[] at, double f) {
            double[] out = new double[n];
            gradient.compute(at, f, out);
            for (int i = 0; i < n; i++) {
                if (bounds.isFixed(i)) {
                    out[i] = 0;
                }
            }
            return out;
        }

        private int nonFiniteGradient() {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(g[i])) {
                    return i;
                }
            }
            return -1;
        }

        private boolean allFixed() {
            for (int i = 0; i < n; i++) {
                if (!bounds.isFixed(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean usable(double[][] hessian) {
            return hessian != null && hessian.length == n && Matrices.allFinite(hessian);
        }

        private LocalFit end(Status status, String message) {
            return new LocalFit(start, x, fx, status, message, iterations, fn.count());
        }
    }

    /** A point, f there, and whether it is the full step (α = 1). */
    private record Point(double[] x, double f, boolean full) {
    }

    /**
     * The search direction and the estimated distance to the minimum: −B_FF⁻¹ g_F on the free
     * set, −g_i / B_ii on the active set (Bertsekas's scaling, which reaches the bound).
     */
    private record Direction(double[] d, double edm) {

        /** Null when B over the free parameters is not positive definite. */
        static Direction of(double[][] b, double[] g, double[] x, Bounds bounds) {
            int n = g.length;
            boolean[] active = new boolean[n];
            int free = 0;
            for (int i = 0; i < n; i++) {
                double reach = Math.abs(g[i]) / b[i][i];
                active[i] = bounds.isFixed(i) || g[i] > 0 && x[i] - bounds.lower(i) <= reach || g[i] < 0 && bounds.upper(i) - x[i] <= reach;
                free += active[i] ? 0 : 1;
            }
            int[] index = new int[free];
            for (int i = 0, k = 0; i < n; i++) {
                if (!active[i]) {
                    index[k++] = i;
                }
            }
            Cholesky chol = Cholesky.decompose(Matrices.submatrix(b, index));
            if (chol == null) {
                return null;
            }
            double[] step = new double[free];
            for (int k = 0; k < free; k++) {
                step[k] = -g[index[k]];
            }
            chol.solve(step, step);
            double[] d = new double[n];
            double edm = 0;
            for (int k = 0; k < free; k++) {
                d[index[k]] = step[k];
                edm -= 0.5 * g[index[k]] * step[k];
            }
            for (int i = 0; i < n; i++) {
                if (active[i] && !bounds.isFixed(i)) {
                    d[i] = -g[i] / b[i][i];
                    // A parameter short of its bound can still gain |g_i| times the gap.
                    edm += g[i] > 0 ? g[i] * (x[i] - bounds.lower(i)) : -g[i] * (bounds.upper(i) - x[i]);
                }
            }
            return new Direction(d, edm);
        }
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
