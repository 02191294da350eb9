package org.sixsa4j.model.components;

/**
 * The three-point Gauss–Legendre rule laid on every bin once, at bind time: nodes at the
 * centre and at ± √(3/5) half-widths, weights 5/9, 8/9 and 5/9 of the half-width, in energy or
 * in log energy. Exact for quintics, it keeps the relative error under 1e-8 up to
 * r = {@value Quadrature#THREE_POINT_LIMIT} (see {@link Quadrature}); components whose
 * evaluation speed matters use it, with SIMD exponentials, for the bins too wide for
 * {@link GaussPairs}.
 */
final class GaussTriples {
    private static final double NODE = Math.sqrt(0.6);

    /** Lower, middle and upper node energies, keV. */
    final double[] first;
    final double[] middle;
    final double[] last;
    /** Natural logarithms of the node energies (log-energy rule only). */
    final double[] logFirst;
    final double[] logMiddle;
    final double[] logLast;
    /** Half the bin width in the integration variable: keV, or ln keV for the log rule. */
    final double[] half;

    private GaussTriples(int n, boolean logarithmic) {
        first = new double[n];
        middle = new double[n];
        last = new double[n];
        half = new double[n];
        logFirst = logarithmic ? new double[n] : null;
        logMiddle = logarithmic ? new double[n] : null;
        logLast = logarithmic ? new double[n] : null;
    }

    /** The weighted sum half (5 f1 + 8 f2 + 5 f3) / 9 of bin i. */
    double sum(int i, double f1, double f2, double f3) {
        return half[i] * (5 * (f1 + f3) + 8 * f2) / 9;
    }

    /** Nodes equally placed in energy. */
    static GaussTriples linear(Bins bins) {
        GaussTriples g = new GaussTriples(bins.size(), false);
        for (int i = 0; i < bins.size(); i++) {
            double mid = 0.5 * (bins.low[i] + bins.high[i]);
            g.half[i] = 0.5 * (bins.high[i] - bins.low[i]);
            g.first[i] = mid - NODE * g.half[i];
            g.middle[i] = mid;
            g.last[i] = mid + NODE * g.half[i];
        }
        return g;
    }

    /** Nodes equally placed in u = ln E; the integrand carries the Jacobian E. Needs low &gt; 0. */
    static GaussTriples logarithmic(Bins bins) {
        GaussTriples g = new GaussTriples(bins.size(), true);
        for (int i = 0; i < bins.size(); i++) {
            double lo = Math.log(bins.low[i]);
            double hi = Math.log(bins.high[i]);
            double mid = 0.5 * (lo + hi);
            g.half[i] = 0.5 * (hi - lo);
            g.logFirst[i] = mid - NODE * g.half[i];
            g.logMiddle[i] = mid;
            g.logLast[i] = mid + NODE * g.half[i];
            g.first[i] = Math.exp(g.logFirst[i]);
            g.middle[i] = Math.exp(mid);
            g.last[i] = Math.exp(g.logLast[i]);
        }
        return g;
    }
}
