package org.sixsa4j.model.components;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * A Gaussian line's flux per bin, shared by {@code gaussian} and {@code zgauss}: the flux K
 * times the normal probability of each bin, ½[erfc(a) − erfc(b)] with a, b = (edge − E_l)/(σ√2).
 * Each side of the centre uses the erfc of its own tail, so that neither tail loses digits:
 * above the centre ½[erfc(a) − erfc(b)], below it ½[erfc(−b) − erfc(−a)], and 1 − ½[erfc(−a) +
 * erfc(b)] for the bin holding the centre. Contiguous bins share one erfc per edge. Bins more
 * than 27.3 σ√2 from the centre, where erfc underflows, are 0 without computing. σ = 0 puts
 * the whole flux in the bin with lo &lt; E_l ≤ hi, as XSPEC does for a zero-width line.
 */
final class GaussianLine {
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
        double previousEdge = Double.NaN;
        double previousTail = 0;
        for (int i = 0; i < n; i++) {
            if (bins.high[i] <= start || bins.low[i] >= end) {
                continue;
            }
            double a = (bins.low[i] - centre) / width;
            double b = (bins.high[i] - centre) / width;
            // erfc(|x|) at each edge; the lower edge of a contiguous bin is the last upper edge.
            double tailA = bins.low[i] == previousEdge ? previousTail : Erfc.value(Math.abs(a));
            double tailB = Erfc.value(Math.abs(b));
            double p;
            if (a >= 0) {
                p = 0.5 * (tailA - tailB);
            } else if (b <= 0) {
                p = 0.5 * (tailB - tailA);
            } else {
                p = 1 - 0.5 * (tailA + tailB);
            }
            out[outOffset + i] = flux * p;
            previousEdge = bins.high[i];
            previousTail = tailB;
        }
    }
}
