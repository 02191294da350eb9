package org.sixsa4j.model.components;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * A Gaussian line's flux per bin, shared by {@code gaussian} and {@code zgauss}: the flux K
 * times the normal probability of each bin, ½[erfc(a) − erfc(b)] with a, b = (edge − E_l)/(σ√2).
 * Each side of the centre uses the erfc of its own tail, so that neither tail loses digits:
 * above the centre ½[erfc(a) − erfc(b)], below it ½[erfc(−b) − erfc(−a)], and 1 − ½[erfc(−a) +
 * erfc(b)] for the bin holding the centre. A bin so narrow that the two values nearly cancel
 * is integrated directly instead (see {@link #NARROW}), so every bin is good to about 1e-12.
 * Bins more than 27.3 σ√2 from the centre, where erfc underflows, are 0 without computing.
 * σ = 0 puts the whole flux in the bin with lo &lt; E_l ≤ hi, as XSPEC does for a zero-width
 * line.
 */
final class GaussianLine {
    /**
     * Below this r = Δ (1 + 2 max(|a|, |b|)) two erfc values are too close to subtract (their
     * difference keeps only r of their digits) and the three-point Gauss rule, exact to
     * (r/2)⁶/31500 ≈ 5e-15, is used instead.
     */
    private static final double NARROW = 0.05;
    private static final double NODE = Math.sqrt(0.6);

    /** erfc(27.3) ≈ 1e-326 is 0 in double precision. */
    private static final double UNDERFLOW = 27.3;

    private final Bins bins;

    GaussianLine(Bins bins) {
        this.bins = bins;
    }

    /** Writes flux × P(bin) to out[outOffset ..], every bin. */
    void integrate(double centre, double sigma, double flux, double[] out, int outOffset) {
        int n = bins.size();
        Arrays.fill(out, outOffset, outOffset + n, 0.0);
        if (flux == 0) {
            return;
        }
        if (!(sigma > 0)) {
            for (int i = 0; i < n; i++) {
                if (bins.low[i] < centre && centre <= bins.high[i]) {
                    out[outOffset + i] = flux;
                    break;
                }
            }
            return;
        }
        double width = sigma * Math.sqrt(2);
        double start = centre - UNDERFLOW * width;
        double end = centre + UNDERFLOW * width;
        for (int i = 0; i < n; i++) {
            if (bins.high[i] <= start || bins.low[i] >= end) {
                continue;
            }
            // b from a and the bin's own width: the rounding of (lo - E_l) then moves both edges
            // alike, instead of costing eps |E_l| / (hi - lo) of a narrow bin far from the line.
            double a = (bins.low[i] - centre) / width;
            double delta = (bins.high[i] - bins.low[i]) / width;
            double b = a + delta;
            double p;
            if (delta * (1 + 2 * Math.max(Math.abs(a), Math.abs(b))) <= NARROW) {
                p = narrow(a, delta);
            } else if (a >= 0) {
                p = 0.5 * (Erfc.value(a) - Erfc.value(b));
            } else if (b <= 0) {
                p = 0.5 * (Erfc.value(-b) - Erfc.value(-a));
            } else {
                p = 1 - 0.5 * (Erfc.value(-a) + Erfc.value(b));
            }
            out[outOffset + i] = flux * p;
        }
    }

    /**
     * (1/√π) ∫ exp(−t²) dt over [a, a + delta] by the three-point Gauss–Legendre rule. The width
     * is delta itself, not (a + delta) − a, which would keep only delta/ulp(a) of its digits.
     */
    private static double narrow(double a, double delta) {
        double half = 0.5 * delta;
        double mid = a + half;
        double t0 = mid - NODE * half;
        double t2 = mid + NODE * half;
        double sum = 5 * Math.exp(-t0 * t0) + 8 * Math.exp(-mid * mid) + 5 * Math.exp(-t2 * t2);
        return sum * half / 9 / Math.sqrt(Math.PI);
    }
}
