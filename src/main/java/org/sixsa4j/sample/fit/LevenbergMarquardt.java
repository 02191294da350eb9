package org.sixsa4j.sample.fit;

import java.util.Arrays;
import java.util.Locale;

/**
 * Levenberg–Marquardt for least squares in a box, the fitter's method for χ². It is Moré's
 * trust-region form (Moré 1978, "The Levenberg–Marquardt algorithm: implementation and theory",
 * Lecture Notes in Mathematics 630, 105): each step solves (JᵀJ + λ D²) p = −Jᵀr with λ chosen
 * so that ‖D p‖ is the trust radius Δ (λ = 0 when the Gauss–Newton step fits), where D holds the
 * largest column norms of J seen so far, which makes the method invariant to the parameters'
 * units. Δ shrinks when the actual reduction of ‖r‖² is under a quarter of the predicted one and
 * grows when it is over three quarters (Nocedal &amp; Wright 2006, Numerical Optimization, 2nd ed.,
 * Algorithm 4.1); λ is found by Newton's method on 1/‖D p(λ)‖ − 1/Δ (Moré 1978, Sect. 5;
 * Nocedal &amp; Wright Algorithm 4.3).
 *
 * <p>Bounds: parameters at a bound whose gradient pushes outward are held there and the step is
 * taken in the others; the step is projected into the box, and the predicted reduction is that of
 * the projected step, so the ratio test stays honest. A trial point with a residual that is not
 * finite counts as a failed step and shrinks Δ tenfold. The Jacobian is by finite differences
 * ({@link FiniteDifferences}). Stopping rules are in {@link Stopping}, with EDM the Gauss–Newton
 * predicted reduction rᵀJ(JᵀJ)⁻¹Jᵀr.
 */
public final class LevenbergMarquardt {
    /** Moré's initial trust radius, as a multiple of ‖D x₀‖. */
    private static final double INITIAL_RADIUS = 100;
    /** A step is accepted when it achieves this fraction of the predicted reduction. */
    private static final double ACCEPT = 1e-4;
    private static final int LAMBDA_ITERATIONS = 20;

    private final Stopping stopping;

    /** A minimiser with these stopping rules. */
    public LevenbergMarquardt(Stopping stopping) {
        this.stopping = stopping;
    }

    /** Minimises Σ r_k² over the box from {@code start} (projected into the box first). */
    public LocalFit minimize(Residuals residuals, Bounds bounds, double[] start) {
        if (start.length != bounds.dimension()) {
            throw new IllegalArgumentException("start has " + start.length + " parameters, the bounds " + bounds.dimension());
        }
        return new Run(residuals, bounds, start).minimize();
    }

    /** The state of one minimisation. */
    private final class Run {
        private final CountedFunction fn;
        private final Bounds bounds;
        private final double[] start;
        private final int n;
        private final int m;
        private double[] x;
        private double[] r;
        private double f;
        private double[][] jacobian;
        private double[] scaling;
        private double radius;
        private double lambda;
        /** The Cholesky factor of the last successful {@link #solveShifted}. */
        private Cholesky lastFactor;
        private int iterations;

        Run(Residuals residuals, Bounds bounds, double[] start) {
            this.fn = CountedFunction.of(residuals);
            this.bounds = bounds;
            this.start = start;
            this.n = start.length;
            this.m = residuals.size();
        }

        LocalFit minimize() {
            x = start.clone();
            bounds.project(x);
            r = new double[m];
            f = fn.evaluate(x, r) ? Matrices.dot(r, r) : Double.NaN;
            if (!Double.isFinite(f)) {
                return end(Status.INFEASIBLE, "a residual is not finite at the start");
            }
            if (!updateJacobian()) {
                return end(Status.STALLED, "the Jacobian along parameter " + badColumn() + " is not finite");
            }
            radius = INITIAL_RADIUS * scaledNorm(x);
            if (radius == 0) {
                radius = INITIAL_RADIUS;
            }
            int settled = 0;
            while (true) {
                if (iterations >= stopping.maxIterations()) {
                    return end(Status.MAX_ITERATIONS, "no convergence in " + iterations + " iterations");
                }
                iterations++;
                double[] g = gradient();
                int[] free = freeParameters(g);
                Scaled system = scaledSystem(g, free);
                double edm = system.gaussNewtonDecrease();
                if (edm <= stopping.threshold(f)) {
                    return end(Status.CONVERGED, String.format(Locale.ROOT, "estimated distance to minimum %.3g", edm));
                }
                double before = f;
                Status failure = acceptStep(system, free);
                if (failure != null) {
                    return end(failure, failure == Status.STALLED
                            ? String.format(Locale.ROOT, "the trust region collapsed; estimated distance to minimum %.3g", edm)
                            : "no convergence in " + fn.count() + " evaluations");
                }
                if (!updateJacobian()) {
                    return end(Status.STALLED, "the Jacobian along parameter " + badColumn() + " is not finite");
                }
                // Only a Gauss–Newton step counts: one cut short by the trust region may gain
                // little because of a wall of undefined residuals, not because the minimum is near.
                settled = lambda == 0 && before - f <= stopping.threshold(f) ? settled + 1 : 0;
                if (settled >= Stopping.SETTLED_ITERATIONS) {
                    return end(Status.CONVERGED, "f decreased by less than " + stopping.tolerance() + " relative in "
                            + Stopping.SETTLED_ITERATIONS + " iterations");
                }
            }
        }

        /**
         * Tries trust-region steps until one is accepted (then x, r and f hold the new point) or
         * the radius collapses; returns null on success, else why it stopped.
         */
        private Status acceptStep(Scaled system, int[] free) {
            double[] rt = new double[m];
            while (true) {
                if (fn.count() >= stopping.maxEvaluations()) {
                    return Status.MAX_EVALUATIONS;
                }
                double[] p = step(system, free);
                double[] xt = x.clone();
                for (int k = 0; k < free.length; k++) {
                    int i = free[k];
                    xt[i] = Math.min(bounds.upper(i), Math.max(bounds.lower(i), x[i] + p[k]));
                }
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = xt[i] - x[i];
                }
                double stepNorm = scaledNorm(s);
                double ratio = Double.NEGATIVE_INFINITY;
                boolean finite = false;
                if (stepNorm > 0) {
                    finite = fn.evaluate(xt, rt);
                    double predicted = f - linearisedSquares(s);
                    ratio = finite && predicted > 0 ? (f - Matrices.dot(rt, rt)) / predicted : Double.NEGATIVE_INFINITY;
                }
                if (ratio < 0.25) {
                    // A step projected to nothing leaves the radius as the thing to cut.
                    radius = stepNorm == 0 ? 0.5 * radius : (finite ? 0.5 : 0.1) * Math.min(radius, stepNorm);
                } else if (ratio > 0.75 || lambda == 0) {
                    radius = Math.max(radius, 2 * stepNorm);
                }
                if (ratio > ACCEPT) {
                    x = xt;
                    r = rt;
                    f = Matrices.dot(rt, rt);
                    return null;
                }
                if (radius <= Math.ulp(1.0) * scaledNorm(x) || radius < Double.MIN_NORMAL) {
                    return Status.STALLED;
                }
            }
        }

        /**
         * The step over the free parameters with ‖D p‖ ≈ Δ, or the Gauss–Newton step if it is
         * shorter; sets λ. Works in the scaled variables D p, where the trust region is a ball.
         */
        private double[] step(Scaled system, int[] free) {
            double[][] scaled = system.a();
            double[] gs = system.g();
            double[] gaussNewton = solveShifted(scaled, gs, 0);
            if (gaussNewton != null && norm(gaussNewton) <= 1.1 * radius) {
                lambda = 0;
                return unscale(gaussNewton, free);
            }
            // ‖D p(λ)‖ ≤ ‖D⁻¹g‖/λ, so λ = ‖D⁻¹g‖/Δ is an upper bound on the wanted λ.
            double lower = 0;
            double upper = norm(gs) / radius;
            double lam = lambda > lower && lambda < upper ? lambda : 1e-3 * upper;
            // The λ → ∞ limit, a steepest-descent step of length Δ, stands in should no solve succeed.
            double[] best = scaledTo(gs, -radius / norm(gs));
            for (int it = 0; it < LAMBDA_ITERATIONS; it++) {
                double[] ps = solveShifted(scaled, gs, lam);
                if (ps == null) {
                    lower = lam;
                    lam = Math.max(1e-3 * upper, Math.sqrt(lower * upper));
                    continue;
                }
                best = ps;
                lambda = lam;
                double pn = norm(ps);
                if (Math.abs(pn - radius) <= 0.1 * radius) {
                    break;
                }
                if (pn > radius) {
                    lower = lam;
                } else {
                    upper = lam;
                }
                // Newton on φ(λ) = 1/Δ − 1/‖p‖, nearly linear in λ: φ/φ′ = (‖p‖/‖q‖)² (‖p‖ − Δ)/Δ, L q = p.
                double[] q = new double[ps.length];
                lastFactor.solveLower(ps, q);
                double ratio = pn / norm(q);
                double next = lam + ratio * ratio * (pn - radius) / radius;
                lam = next > lower && next < upper ? next : Math.max(1e-3 * upper, Math.sqrt(lower * upper));
            }
            return unscale(best, free);
        }

        /** The normal equations over the free parameters in the scaled variables D p: D⁻¹JᵀJD⁻¹ and D⁻¹Jᵀr. */
        private Scaled scaledSystem(double[] g, int[] free) {
            int k = free.length;
            double[][] a = new double[k][k];
            for (double[] row : jacobian) {
                for (int p = 0; p < k; p++) {
                    for (int q = 0; q <= p; q++) {
                        a[p][q] += row[free[p]] * row[free[q]];
                    }
                }
            }
            double[] gs = new double[k];
            for (int p = 0; p < k; p++) {
                gs[p] = g[free[p]] / scaling[free[p]];
                for (int q = 0; q <= p; q++) {
                    a[p][q] /= scaling[free[p]] * scaling[free[q]];
                    a[q][p] = a[p][q];
                }
            }
            return new Scaled(a, gs);
        }

        /** −(A + λI)⁻¹ g, or null if A + λI is not positive definite; keeps the factor. */
        private double[] solveShifted(double[][] a, double[] g, double lam) {
            double[][] shifted = Matrices.copy(a);
            for (int p = 0; p < a.length; p++) {
                shifted[p][p] += lam;
            }
            lastFactor = Cholesky.decompose(shifted);
            if (lastFactor == null) {
                return null;
            }
            double[] p = scaledTo(g, -1);
            lastFactor.solve(p, p);
            return p;
        }

        /** ∇(½ f) = Jᵀ r. */
        private double[] gradient() {
            double[] g = new double[n];
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < n; i++) {
                    g[i] += jacobian[k][i] * r[k];
                }
            }
            return g;
        }

        /** The parameters neither fixed nor at a bound that the gradient pushes them through. */
        private int[] freeParameters(double[] g) {
            int[] free = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                boolean held = bounds.isFixed(i) || x[i] == bounds.lower(i) && g[i] > 0 || x[i] == bounds.upper(i) && g[i] < 0;
                if (!held) {
                    free[count++] = i;
                }
            }
            return Arrays.copyOf(free, count);
        }

        /** ‖r + J s‖²: the sum of squares the linear model predicts after step s. */
        private double linearisedSquares(double[] s) {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                double v = r[k] + Matrices.dot(jacobian[k], s);
                sum += v * v;
            }
            return sum;
        }

        /**
         * Recomputes J at x and raises each D_i to the norm of column i (1 for a column that
         * has always been zero); false if a column could not be computed.
         */
        private boolean updateJacobian() {
            jacobian = new double[m][n];
            if (FiniteDifferences.jacobian(fn, bounds, x, r, jacobian) >= 0) {
                return false;
            }
            if (scaling == null) {
                scaling = new double[n];
            }
            for (int i = 0; i < n; i++) {
                double column = 0;
                for (double[] row : jacobian) {
                    column += row[i] * row[i];
                }
                scaling[i] = Math.max(scaling[i], Math.sqrt(column));
            }
            for (int i = 0; i < n; i++) {
                if (scaling[i] == 0) {
                    scaling[i] = 1;
                }
            }
            return true;
        }

        private int badColumn() {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(jacobian[0][i])) {
                    return i;
                }
            }
            return -1;
        }

        /** ‖D v‖ over the parameters that are not fixed. */
        private double scaledNorm(double[] v) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (!bounds.isFixed(i)) {
                    double t = scaling[i] * v[i];
                    sum += t * t;
                }
            }
            return Math.sqrt(sum);
        }

        private double[] unscale(double[] ps, int[] free) {
            double[] p = new double[ps.length];
            for (int k = 0; k < ps.length; k++) {
                p[k] = ps[k] / scaling[free[k]];
            }
            return p;
        }

        private LocalFit end(Status status, String message) {
            return new LocalFit(start, x, f, status, message, iterations, fn.count());
        }
    }

    /** Scaled normal equations: Ã = D⁻¹JᵀJD⁻¹ and g̃ = D⁻¹Jᵀr over the free parameters. */
    private record Scaled(double[][] a, double[] g) {
        /**
         * The reduction of ‖r‖² a full Gauss–Newton step would bring, g̃ᵀÃ⁻¹g̃ = gᵀ(JᵀJ)⁻¹g. A
         * shift of 1e-12 (Ã has a diagonal of at most 1) keeps it finite when J is rank
         * deficient, where it tends to gᵀ(JᵀJ)⁺g since g lies in the range of Jᵀ; it changes
         * the value negligibly unless Ã is within 1e-12 of singular.
         */
        double gaussNewtonDecrease() {
            double[][] shifted = Matrices.copy(a);
            for (int p = 0; p < a.length; p++) {
                shifted[p][p] += 1e-12;
            }
            Cholesky chol = Cholesky.decompose(shifted);
            if (chol == null) {
                return Double.POSITIVE_INFINITY;
            }
            double[] p = g.clone();
            chol.solve(p, p);
            return Matrices.dot(g, p);
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(Matrices.dot(v, v));
    }

    private static double[] scaledTo(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = factor * v[i];
        }
        return out;
    }
}
