package org.sixsa4j.sample.fit;

/**
 * Second derivatives of f by finite differences of f itself, not of a finite-difference
 * gradient: a diagonal term costs two evaluations and an off-diagonal one four, about 2n² in all
 * against 4n² through a central-difference gradient (Nocedal &amp; Wright 2006, Numerical
 * Optimization, 2nd ed., Sect. 8.1). Every point stays in the box ({@link Stencil}); off-diagonal
 * terms are bilinear differences over the rectangle spanned by the two parameters' stencils. Near
 * a bound the one-sided stencil measures the curvature at x + h rather than x, an error of order
 * h f‴/f″.
 *
 * <p>The step of parameter i is searched for, not fixed: it is scaled until the second
 * difference f(x + h) − 2 f(x) + f(x − h) is about {@code T = 1e-3 + 1e-8 |f|}. For a fit
 * statistic, where f rises by 1 at one standard deviation σ, that is a step near 0.02 σ
 * whatever the parameter's units: small enough that the cubic and quartic terms of f change
 * the curvature by a few parts in 10⁴ at most, large enough that the rounding error of f
 * (ε|f|, a few 1e-13 for |f| ≈ 1000) is below 1e-9 of the difference.
 */
final class Curvature {
    /** ε^(1/4): the first guess at a relative step for second differences. */
    static final double STEP = Math.sqrt(Math.sqrt(Math.ulp(1.0)));
    private static final int SEARCH_ROUNDS = 12;

    private Curvature() {
    }

    /**
     * ∂²f/∂θ_i² for each free parameter with one step of ε^(1/4) times its scale: cheap, for a
     * quasi-Newton starting matrix. NaN where f was not finite; 0 for fixed parameters.
     */
    static double[] diagonal(CountedFunction fn, Bounds bounds, double[] x, double fx) {
        double[] d = new double[x.length];
        double[] point = x.clone();
        for (int i = 0; i < x.length; i++) {
            d[i] = bounds.isFixed(i) ? 0 : second(fn, bounds, point, i, fx, STEP * bounds.scale(i, x[i])).value;
        }
        return d;
    }

    /**
     * The Hessian over the parameters {@code free} (indices into x), as a |free| × |free|
     * matrix; an entry is NaN when f was not finite at one of its points.
     */
    static double[][] hessian(CountedFunction fn, Bounds bounds, double[] x, double fx, int[] free) {
        int m = free.length;
        double[][] h = new double[m][m];
        Stencil[] stencils = new Stencil[m];
        double[] point = x.clone();
        double target = 1e-3 + 1e-8 * Math.abs(fx);
        for (int p = 0; p < m; p++) {
            Second s = searchStep(fn, bounds, point, free[p], fx, target);
            stencils[p] = s.stencil;
            h[p][p] = s.value;
        }
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < p; q++) {
                double v = stencils[p] == null || stencils[q] == null ? Double.NaN
                        : mixed(fn, point, free[p], stencils[p], free[q], stencils[q]);
                h[p][q] = v;
                h[q][p] = v;
            }
        }
        return h;
    }

    /** A second derivative and the stencil that gave it. */
    private record Second(double value, Stencil stencil) {
    }

    /** Rescales h until the second difference is within a factor 10 of the target. */
    private static Second searchStep(CountedFunction fn, Bounds bounds, double[] point, int i, double fx, double target) {
        double h = STEP * bounds.scale(i, point[i]);
        Second s = second(fn, bounds, point, i, fx, h);
        for (int round = 1; round < SEARCH_ROUNDS && Double.isFinite(s.value); round++) {
            double a = s.stencil.a();
            double rise = s.value * a * a;
            if (rise >= 0.1 * target && rise <= 10 * target) {
                break;
            }
            // A rise of zero or below is rounding or a flat stretch: look further out.
            h *= rise > 0 ? Math.min(100, Math.max(0.01, Math.sqrt(target / rise))) : 10;
            s = second(fn, bounds, point, i, fx, h);
        }
        return s;
    }

    /** ∂²f/∂θ_i² from the first stencil of step h with finite values; {@code point} is x, restored. */
    private static Second second(CountedFunction fn, Bounds bounds, double[] point, int i, double fx, double h) {
        double[] fa = new double[1];
        double[] fb = new double[1];
        Stencil s = FiniteDifferences.evaluate(fn, bounds, point, i, h, fa, fb);
        return s == null ? new Second(Double.NaN, null) : new Second(s.second(fx, fa[0], fb[0]), s);
    }

    /** The bilinear difference over {a_i, b_i} × {a_j, b_j}; {@code point} is x, restored. */
    private static double mixed(CountedFunction fn, double[] point, int i, Stencil si, int j, Stencil sj) {
        double xi = point[i];
        double xj = point[j];
        double sum = corner(fn, point, i, xi + si.b(), j, xj + sj.b()) - corner(fn, point, i, xi + si.b(), j, xj + sj.a())
                - corner(fn, point, i, xi + si.a(), j, xj + sj.b()) + corner(fn, point, i, xi + si.a(), j, xj + sj.a());
        point[i] = xi;
        point[j] = xj;
        return Double.isFinite(sum) ? sum / (si.width() * sj.width()) : Double.NaN;
    }

    private static double corner(CountedFunction fn, double[] point, int i, double vi, int j, double vj) {
        point[i] = vi;
        point[j] = vj;
        return fn.value(point);
    }
}
