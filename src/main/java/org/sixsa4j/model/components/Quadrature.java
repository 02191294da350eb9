package org.sixsa4j.model.components;

import org.sixsa4j.model.GaussLegendre;

/**
 * Gauss–Legendre quadrature whose order follows how fast the integrand changes. The caller
 * gives r, the interval's length divided by the scale on which the integrand changes (for
 * e^(−E/kT) on a bin of width w, r = w/kT). For a function like e^(cx), the n-point rule on a
 * panel with r = 2c has relative error about c^(2n) 2^(2n) (n!)⁴ / ((2n+1) ((2n)!)³)
 * (Abramowitz &amp; Stegun 25.4.30): under 1e-8 for n = 2 up to r = 0.08, n = 3 to 0.4, n = 4 to
 * 1 and n = 5 to 1.5. Longer intervals are cut into panels of r ≤ 1.5, so accuracy does not
 * depend on the bin width and narrow bins cost two nodes. Where the scale itself changes by
 * orders of magnitude inside one interval, {@link #adaptive} bisects instead.
 */
final class Quadrature {
    /** The largest r at which two nodes are enough. */
    static final double TWO_POINT_LIMIT = 0.08;

    /** The largest r at which three nodes are enough. */
    static final double THREE_POINT_LIMIT = 0.4;

    /** The largest r of one panel. */
    private static final double PANEL_LIMIT = 1.5;

    /** A bound on the work for one interval, far above what any real grid needs. */
    private static final int MAX_PANELS = 100_000;

    /** A bound on the bisections of {@link #adaptive}: 2^-50 of the interval. */
    private static final int MAX_DEPTH = 50;

    private static final GaussLegendre[] RULES = {
        null, null, GaussLegendre.of(2), GaussLegendre.of(3), GaussLegendre.of(4), GaussLegendre.of(5)};

    /** A function of one variable; the evaluators implement it themselves so that nothing is allocated. */
    interface Integrand {
        double at(double x);
    }

    private Quadrature() {
    }

    /**
     * ∫_a^b f, or 0 when b ≤ a.
     *
     * @param r (b − a) over the scale on which f changes
     */
    static double integrate(Integrand f, double a, double b, double r) {
        if (!(b > a)) {
            return 0.0;
        }
        int panels = r <= PANEL_LIMIT ? 1 : (int) Math.min(MAX_PANELS, Math.ceil(r / PANEL_LIMIT));
        GaussLegendre rule = RULES[order(r / panels)];
        double half = 0.5 * (b - a) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = a + (2 * p + 1) * half;
            double panel = 0;
            for (int k = 0; k < rule.size(); k++) {
                panel += rule.weight(k) * f.at(mid + half * rule.node(k));
            }
            sum += panel;
        }
        return sum * half;
    }

    /**
     * ∫_a^b f by five-point Gauss–Legendre on halves of halves until each panel's two estimates
     * (one rule on the panel, one on each of its halves) agree to 1e-11 of the panel, or to
     * 1e-300, where only denormal digits are left. For integrands whose scale varies by orders
     * of magnitude inside one interval, such as a saturated absorption line, where panels of one
     * width would be too many or too few.
     */
    static double adaptive(Integrand f, double a, double b) {
        return b > a ? refine(f, a, b, fivePoint(f, a, b), 0) : 0.0;
    }

    private static double refine(Integrand f, double a, double b, double whole, int depth) {
        double m = 0.5 * (a + b);
        double left = fivePoint(f, a, m);
        double right = fivePoint(f, m, b);
        double both = left + right;
        // A panel a few ulps wide resolves nothing more: its values differ only by rounding.
        boolean unresolved = b - a <= 64 * Math.ulp(Math.abs(a) + Math.abs(b));
        if (depth >= MAX_DEPTH || unresolved || Math.abs(both - whole) <= 1e-11 * Math.abs(both) + 1e-300) {
            return both;
        }
        return refine(f, a, m, left, depth + 1) + refine(f, m, b, right, depth + 1);
    }

    private static double fivePoint(Integrand f, double a, double b) {
        GaussLegendre rule = RULES[5];
        double half = 0.5 * (b - a);
        double mid = a + half;
        double sum = 0;
        for (int k = 0; k < rule.size(); k++) {
            sum += rule.weight(k) * f.at(mid + half * rule.node(k));
        }
        return sum * half;
    }

    private static int order(double r) {
        if (r <= TWO_POINT_LIMIT) {
            return 2;
        }
        if (r <= THREE_POINT_LIMIT) {
            return 3;
        }
        return r <= 1.0 ? 4 : 5;
    }
}
