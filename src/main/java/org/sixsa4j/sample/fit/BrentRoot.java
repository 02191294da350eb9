package org.sixsa4j.sample.fit;

import java.util.function.DoubleUnaryOperator;

/**
 * A zero of a function of one variable inside a bracket, by Brent's method (Brent 1973,
 * Algorithms for Minimization without Derivatives, Ch. 4): inverse quadratic interpolation or
 * the secant step when they land well inside the bracket and shrink it fast enough, bisection
 * otherwise, so that convergence is superlinear on smooth functions and never slower than
 * bisection. The interval searches use it on profile(θ_i) − f_min − Δ, where each call is a full
 * re-fit and so worth saving. A value of +∞ or −∞ (the model undefined at a trial point) is
 * allowed at any point; interpolation through it is skipped in favour of bisection.
 */
final class BrentRoot {
    /** Bisection halves the bracket at least every other step, so 200 steps reach any tolerance. */
    private static final int MAX_STEPS = 200;

    private BrentRoot() {
    }

    /**
     * A point within {@code xTolerance} of a sign change of g in the bracket, or where |g| ≤
     * {@code yTolerance}.
     *
     * @param g0 g(x0)
     * @param g1 g(x1), of the opposite sign to g(x0) (or zero); neither may be NaN
     */
    static double find(DoubleUnaryOperator g, double x0, double g0, double x1, double g1, double xTolerance, double yTolerance) {
        // b: the current estimate; c: the end of the bracket across the sign change from b;
        // a: the previous estimate. d: the last step; e: the step before it.
        double b = x1;
        double gb = g1;
        double a = x0;
        double ga = g0;
        double c = x0;
        double gc = g0;
        double d = b - a;
        double e = d;
        for (int k = 0; k < MAX_STEPS; k++) {
            if (Math.signum(gb) == Math.signum(gc) && gb != 0) {
                // The sign change now lies between the previous estimate and this one.
                c = a;
                gc = ga;
                d = b - a;
                e = d;
            }
            if (Math.abs(gc) < Math.abs(gb)) {
                a = b;
                ga = gb;
                b = c;
                gb = gc;
                c = a;
                gc = ga;
            }
            double tolerance = 2 * Math.ulp(b) + 0.5 * xTolerance;
            double half = 0.5 * (c - b);
            if (Math.abs(half) <= tolerance || Math.abs(gb) <= yTolerance) {
                return b;
            }
            double step = half;
            if (Math.abs(e) >= tolerance && Math.abs(ga) > Math.abs(gb) && finite(ga, gb, gc)) {
                double offset = (a == c ? secant(b, gb, a, ga) : inverseQuadratic(a, ga, b, gb, c, gc)) - b;
                // Interpolate only toward c, within three quarters of the bracket, and by less
                // than half the step before last; otherwise bisect, which bounds the cost.
                if (offset * half > 0 && Math.abs(offset) < 1.5 * Math.abs(half) - 0.5 * tolerance && Math.abs(offset) < 0.5 * Math.abs(e)) {
                    step = offset;
                }
            }
            e = step == half ? half : d;
            d = step;
            a = b;
            ga = gb;
            b += Math.abs(d) > tolerance ? d : Math.copySign(tolerance, half);
            gb = g.applyAsDouble(b);
        }
        return b;
    }

    /** The zero of the line through (x0, g0) and (x1, g1). */
    private static double secant(double x0, double g0, double x1, double g1) {
        return x0 - g0 * (x1 - x0) / (g1 - g0);
    }

    /** The zero of the inverse quadratic x(g) through three points: Lagrange's form at g = 0. */
    private static double inverseQuadratic(double x0, double g0, double x1, double g1, double x2, double g2) {
        return x0 * g1 * g2 / ((g0 - g1) * (g0 - g2)) + x1 * g0 * g2 / ((g1 - g0) * (g1 - g2)) + x2 * g0 * g1 / ((g2 - g0) * (g2 - g1));
    }

    private static boolean finite(double a, double b, double c) {
        return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c);
    }
}
