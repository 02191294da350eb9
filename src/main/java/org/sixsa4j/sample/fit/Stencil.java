package org.sixsa4j.sample.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Three points x, x + a, x + b along one coordinate, from which the parabola through f gives
 * the first and second derivatives at x (Nocedal &amp; Wright 2006, Numerical Optimization, 2nd
 * ed., Sect. 8.1; Fornberg 1988, Math. Comp. 51, 699). Central points (−h, h) are preferred: their
 * first derivative is exact to O(h²). Near a bound the one-sided pair (h, 2h) or (−h, −2h) keeps
 * that order for the first derivative and every point inside the box. The offsets are the
 * differences of representable numbers, {@code (x + h) − x}, so that rounding in x + h does not
 * enter the quotient.
 */
record Stencil(double a, double b) {

    /**
     * The stencils of step {@code h} for parameter i at x that stay in the box, best first:
     * central, forward, backward; or, if the box is narrower than 2h on each side, one
     * one-sided pair that spans the wider side.
     */
    static List<Stencil> candidates(Bounds bounds, int i, double x, double h) {
        double lo = bounds.lower(i);
        double hi = bounds.upper(i);
        List<Stencil> list = new ArrayList<>(3);
        if (x - h >= lo && x + h <= hi) {
            list.add(of(x, -h, h));
        }
        if (x + 2 * h <= hi) {
            list.add(of(x, h, 2 * h));
        }
        if (x - 2 * h >= lo) {
            list.add(of(x, -h, -2 * h));
        }
        if (list.isEmpty()) {
            double w = hi - x >= x - lo ? hi - x : lo - x;
            list.add(of(x, w / 2, w));
        }
        return list;
    }

    private static Stencil of(double x, double a, double b) {
        return new Stencil((x + a) - x, (x + b) - x);
    }

    /**
     * f′(x) from f(x), f(x + a), f(x + b). Written in the differences f(x + a) − f(x) and
     * f(x + b) − f(x), so that a function that does not change gives exactly 0 rather than the
     * rounding left by three terms of size f/h.
     */
    double first(double f0, double fa, double fb) {
        return ((fa - f0) * b / a - (fb - f0) * a / b) / (b - a);
    }

    /** f″ of the parabola through f(x), f(x + a), f(x + b), also in differences. */
    double second(double f0, double fa, double fb) {
        return 2 * ((fa - f0) / a - (fb - f0) / b) / (a - b);
    }

    /** The distance between the two outer points, b − a. */
    double width() {
        return b - a;
    }
}
