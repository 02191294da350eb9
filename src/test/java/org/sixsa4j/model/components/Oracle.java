package org.sixsa4j.model.components;

import java.util.function.DoubleUnaryOperator;

/**
 * A reference integrator for the component tests, independent of the Gauss–Legendre rules the
 * components use: adaptive Simpson quadrature with Richardson's correction, bisecting until
 * the two estimates of a panel agree to a small fraction of the whole integral. For the
 * smooth, positive integrands here it reaches ~1e-12 relative.
 */
final class Oracle {
    private static final int MAX_DEPTH = 60;

    private Oracle() {
    }

    /**
     * ∫_a^b f to about {@code relative} of the result. It integrates g(t) = f(a + t) over
     * [0, b − a], so that the panels' widths keep all their digits even when the bin is narrow
     * and far from 0; rounding then touches only where f is evaluated.
     */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relative) {
        if (!(b > a)) {
            return 0;
        }
        double width = b - a;
        DoubleUnaryOperator g = t -> f.applyAsDouble(a + t);
        // A first pass on 64 panels sets the scale that the tolerance is relative to.
        double h = width / 64;
        double scale = 0;
        for (int k = 0; k < 64; k++) {
            scale += simpson(g, k * h, (k + 1) * h);
        }
        double tolerance = relative * Math.max(Math.abs(scale), Double.MIN_NORMAL);
        // Panels narrower than this see only the rounding of a + t: refining them is noise.
        double resolution = 256 * Math.ulp(Math.abs(a) + Math.abs(b));
        double sum = 0;
        for (int k = 0; k < 64; k++) {
            double t0 = k * h;
            double t1 = (k + 1) * h;
            double m = 0.5 * (t0 + t1);
            double f0 = g.applyAsDouble(t0);
            double fm = g.applyAsDouble(m);
            double f1 = g.applyAsDouble(t1);
            sum += adapt(g, t0, t1, f0, fm, f1, (t1 - t0) / 6 * (f0 + 4 * fm + f1), tolerance / 64, resolution, 0);
        }
        return sum;
    }

    /** ∫ f over [a, b] split at the given points, each piece to {@code relative}. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relative, double... breaks) {
        double sum = 0;
        double start = a;
        for (double x : breaks) {
            if (x > start && x < b) {
                sum += integrate(f, start, x, relative);
                start = x;
            }
        }
        return sum + integrate(f, start, b, relative);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b) {
        return (b - a) / 6 * (f.applyAsDouble(a) + 4 * f.applyAsDouble(0.5 * (a + b)) + f.applyAsDouble(b));
    }

    private static double adapt(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
                                double whole, double tolerance, double resolution, int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m);
        double rm = 0.5 * (m + b);
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        // Past 1e-13 of the panel itself the two estimates differ by the integrand's rounding only.
        boolean noise = Math.abs(delta) <= 1e-13 * Math.abs(left + right);
        if (depth >= MAX_DEPTH || Math.abs(delta) <= 15 * tolerance || noise || b - a <= resolution) {
            return left + right + delta / 15;
        }
        return adapt(f, a, m, fa, flm, fm, left, tolerance / 2, resolution, depth + 1)
                + adapt(f, m, b, fm, frm, fb, right, tolerance / 2, resolution, depth + 1);
    }
}
