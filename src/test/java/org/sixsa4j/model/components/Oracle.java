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

    /** ∫_a^b f to about {@code relative} of the result. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relative) {
        if (!(b > a)) {
            return 0;
        }
        // A first pass on 64 panels sets the scale that the tolerance is relative to.
        double scale = 0;
        double h = (b - a) / 64;
        for (int k = 0; k < 64; k++) {
            double x0 = a + k * h;
            scale += simpson(f, x0, x0 + h);
        }
        double tolerance = relative * Math.max(Math.abs(scale), Double.MIN_NORMAL);
        double sum = 0;
        for (int k = 0; k < 64; k++) {
            double x0 = a + k * h;
            double x1 = k == 63 ? b : x0 + h;
            double m = 0.5 * (x0 + x1);
            double f0 = f.applyAsDouble(x0);
            double fm = f.applyAsDouble(m);
            double f1 = f.applyAsDouble(x1);
            sum += adapt(f, x0, x1, f0, fm, f1, (x1 - x0) / 6 * (f0 + 4 * fm + f1), tolerance / 64, 0);
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
                                double whole, double tolerance, int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m);
        double rm = 0.5 * (m + b);
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        if (depth >= MAX_DEPTH || Math.abs(delta) <= 15 * tolerance) {
            return left + right + delta / 15;
        }
        return adapt(f, a, m, fa, flm, fm, left, tolerance / 2, depth + 1)
                + adapt(f, m, b, fm, frm, fb, right, tolerance / 2, depth + 1);
    }
}
