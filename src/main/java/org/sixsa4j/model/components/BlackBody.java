package org.sixsa4j.model.components;

import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.ComponentEvaluator;

/**
 * The bin integrals of a black-body photon spectrum C E² / (e^(E/kT) − 1), shared by
 * {@code bbody} and {@code bbodyrad}, which differ only in C. With x = E/kT the integral over a
 * bin is C (kT)³ ∫ x² / (eˣ − 1) dx. The integrand changes on the scale kT, so a bin of width
 * w has r = w/kT: bins with r ≤ {@value Quadrature#TWO_POINT_LIMIT} (every bin of the XMM-pn
 * grid once kT ≥ 0.19 keV) take the two-point rule, with both exponentials per bin from the
 * SIMD kernels, bins up to r = {@value Quadrature#THREE_POINT_LIMIT} the three-point rule (the
 * pn grid down to kT = 0.04 keV), and wider ones are integrated adaptively, ending 50 e-folds
 * past max(x_lo, 1), where the rest is below 1e-18 of the bin. The integrand is written
 * E² q / (1 − q) with q = e^(−x), which neither overflows nor, for x ≥ 1e-6, loses more than
 * 1e-10 to the subtraction; smaller x use expm1. Not thread-safe: it keeps scratch space.
 */
final class BlackBody implements ComponentEvaluator, Quadrature.Integrand {
    /** Below this x the subtraction 1 − e^(−x) would cost more than 1e-10, so expm1 takes over. */
    private static final double SMALL_X = 1e-6;

    /** The integrand beyond x_lo (or 1) + this many e-folds is negligible. */
    private static final double TAIL = 50;

    private final Bins bins;
    private final GaussPairs pairs;
    private final boolean luminosityNorm;
    /** half-width × node energy², the two-point weights of E². */
    private final double[] weighted0;
    private final double[] weighted1;
    private final GaussTriples triples;
    /** Scratch: e^(−E/kT) at the nodes of each bin. */
    private final double[] lower;
    private final double[] upper;
    private final double[] third;
    /** The widest bin, keV: when it passes the two-point test, every bin does. */
    private final double widest;

    /**
     * @param luminosityNorm true for {@code bbody} (norm L39/D10², C = 8.0525 norm/(kT)⁴),
     *                       false for {@code bbodyrad} (norm R_km²/D10², C = 1.0344e-3 norm)
     */
    BlackBody(Bins bins, boolean luminosityNorm) {
        this.bins = bins;
        this.pairs = GaussPairs.linear(bins);
        this.luminosityNorm = luminosityNorm;
        int n = bins.size();
        this.weighted0 = new double[n];
        this.weighted1 = new double[n];
        this.triples = GaussTriples.linear(bins);
        this.lower = new double[n];
        this.upper = new double[n];
        this.third = new double[n];
        for (int i = 0; i < n; i++) {
            weighted0[i] = pairs.half[i] * pairs.first[i] * pairs.first[i];
            weighted1[i] = pairs.half[i] * pairs.second[i] * pairs.second[i];
        }
        double w = 0;
        for (int i = 0; i < bins.size(); i++) {
            w = Math.max(w, bins.high[i] - bins.low[i]);
        }
        this.widest = w;
    }

    @Override
    public int bins() {
        return bins.size();
    }

    @Override
    public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
        double kT = parameters[offset];
        double norm = parameters[offset + 1];
        int n = bins.size();
        if (!(kT > 0) || norm == 0) {
            java.util.Arrays.fill(out, outOffset, outOffset + n, 0.0);
            return;
        }
        double c = luminosityNorm ? norm * 8.0525 / (kT * kT * kT * kT) : norm * 1.0344e-3;
        double invKT = 1 / kT;
        double[] e0 = pairs.first;
        double[] e1 = pairs.second;
        for (int i = 0; i < n; i++) {
            lower[i] = -e0[i] * invKT;
            upper[i] = -e1[i] * invKT;
        }
        Kernels kernels = Kernels.get();
        kernels.exp(lower, 0, lower, 0, n);
        kernels.exp(upper, 0, upper, 0, n);
        for (int i = 0; i < n; i++) {
            double q0 = lower[i];
            double q1 = upper[i];
            double p0 = 1 - q0;
            double p1 = 1 - q1;
            // One division per bin: a q0/(1-q0) + b q1/(1-q1) over a common denominator.
            out[outOffset + i] = c * (weighted0[i] * q0 * p1 + weighted1[i] * q1 * p0) / (p0 * p1);
        }
        if (widest * invKT > Quadrature.TWO_POINT_LIMIT || pairs.first[0] * invKT < SMALL_X) {
            refine(kT, c, out, outOffset);
        }
    }

    /**
     * Replaces the bins that the two-point rule does not resolve: by the three-point rule, with
     * SIMD exponentials over the range of bins that need it, up to r = 0.4, and adaptively
     * beyond that or where x is below {@link #SMALL_X}.
     */
    private void refine(double kT, double c, double[] out, int outOffset) {
        int n = bins.size();
        double invKT = 1 / kT;
        int from = n;
        int to = 0;
        for (int i = 0; i < n; i++) {
            double r = (bins.high[i] - bins.low[i]) * invKT;
            if (r > Quadrature.TWO_POINT_LIMIT && r <= Quadrature.THREE_POINT_LIMIT) {
                from = Math.min(from, i);
                to = i + 1;
            }
        }
        if (from < to) {
            for (int i = from; i < to; i++) {
                lower[i] = -triples.first[i] * invKT;
                upper[i] = -triples.middle[i] * invKT;
                third[i] = -triples.last[i] * invKT;
            }
            Kernels kernels = Kernels.get();
            kernels.exp(lower, from, lower, from, to - from);
            kernels.exp(upper, from, upper, from, to - from);
            kernels.exp(third, from, third, from, to - from);
            for (int i = from; i < to; i++) {
                double r = (bins.high[i] - bins.low[i]) * invKT;
                if (r > Quadrature.TWO_POINT_LIMIT && r <= Quadrature.THREE_POINT_LIMIT) {
                    out[outOffset + i] = c * triples.sum(i, planck(triples.first[i], lower[i]),
                            planck(triples.middle[i], upper[i]), planck(triples.last[i], third[i]));
                }
            }
        }
        double kT3 = kT * kT * kT;
        for (int i = 0; i < n; i++) {
            double xLo = bins.low[i] * invKT;
            double xHi = bins.high[i] * invKT;
            if (xHi - xLo > Quadrature.THREE_POINT_LIMIT || pairs.first[i] * invKT < SMALL_X) {
                double end = Math.min(xHi, Math.max(xLo, 1) + TAIL);
                out[outOffset + i] = c * kT3 * Quadrature.integrate(this, xLo, end, end - xLo);
            }
        }
    }

    /** E² / (e^(E/kT) − 1) from q = e^(−E/kT). */
    private static double planck(double e, double q) {
        return e * e * q / (1 - q);
    }

    /** x² / (eˣ − 1), the black body in units of kT. */
    @Override
    public double at(double x) {
        if (x < SMALL_X) {
            return x * x / Math.expm1(x);
        }
        double q = Math.exp(-x);
        return x * x * q / (1 - q);
    }
}
