package org.sixsa4j.model.components;

/**
 * The two-point Gauss–Legendre rule laid on every bin once, at bind time: nodes at the bin's
 * centre ± half-width/√3 with weight half-width each, in energy or in log energy. It is exact
 * for cubics, and its relative error on a function that changes on a scale s is about
 * (w/2s)⁴/270 for a bin of width w (Abramowitz &amp; Stegun 25.4.30); components use it where
 * w/s ≤ {@link Quadrature#TWO_POINT_LIMIT} and integrate the other bins adaptively.
 */
final class GaussPairs {
    private static final double NODE = 1 / Math.sqrt(3);

    /** Lower and upper node energies, keV. */
    final double[] first;
    final double[] second;
    /** Natural logarithms of the node energies (log-energy rule only). */
    final double[] logFirst;
    final double[] logSecond;
    /** Half the bin width in the integration variable: keV, or ln keV for the log rule. */
    final double[] half;

    private GaussPairs(int n, boolean logarithmic) {
        first = new double[n];
        second = new double[n];
        half = new double[n];
        logFirst = logarithmic ? new double[n] : null;
        logSecond = logarithmic ? new double[n] : null;
    }

    /** Nodes equally placed in energy: ∫ f dE ≈ half (f(first) + f(second)). */
    static GaussPairs linear(Bins bins) {
        GaussPairs g = new GaussPairs(bins.size(), false);
        for (int i = 0; i < bins.size(); i++) {
            double mid = 0.5 * (bins.low[i] + bins.high[i]);
            g.half[i] = 0.5 * (bins.high[i] - bins.low[i]);
            g.first[i] = mid - NODE * g.half[i];
            g.second[i] = mid + NODE * g.half[i];
        }
        return g;
    }

    /**
     * Nodes equally placed in u = ln E, for integrands that are smooth in log energy:
     * ∫ f dE = ∫ f(E) E du ≈ half (f(first) first + f(second) second). Needs low &gt; 0.
     */
    static GaussPairs logarithmic(Bins bins) {
        GaussPairs g = new GaussPairs(bins.size(), true);
        for (int i = 0; i < bins.size(); i++) {
            double lo = Math.log(bins.low[i]);
            double hi = Math.log(bins.high[i]);
            double mid = 0.5 * (lo + hi);
            g.half[i] = 0.5 * (hi - lo);
            g.logFirst[i] = mid - NODE * g.half[i];
            g.logSecond[i] = mid + NODE * g.half[i];
            g.first[i] = Math.exp(g.logFirst[i]);
            g.second[i] = Math.exp(g.logSecond[i]);
        }
        return g;
    }
}
