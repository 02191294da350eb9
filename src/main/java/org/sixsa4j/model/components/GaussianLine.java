package org.sixsa4j.model.components;

import java.util.Arrays;
import org.sixsa4j.internal.numeric.NormalProbability;
import org.sixsa4j.model.ComponentEvaluator;

/**
 * A Gaussian line's flux per bin, shared by {@code gaussian} and {@code zgauss}: the flux K
 * times the normal probability of each bin ({@link NormalProbability}), good to about 1e-12 in
 * every bin. Bins beyond {@link NormalProbability#UNDERFLOW} σ√2 from the centre are 0 without
 * computing. σ = 0 puts the whole flux in the bin with lo &lt; E_l ≤ hi, as XSPEC does for a
 * zero-width line.
 */
final class GaussianLine implements ComponentEvaluator {
    private final Bins bins;
    private final boolean redshifted;

    /**
     * @param redshifted whether the parameters are those of {@code zgauss} (LineE, Sigma, Redshift,
     *     norm: the line is moved to E/(1+z), σ/(1+z), with K/(1+z) photons, as XSPEC's code does)
     *     or those of {@code gaussian} (LineE, Sigma, norm)
     */
    GaussianLine(Bins bins, boolean redshifted) {
        this.bins = bins;
        this.redshifted = redshifted;
    }

    @Override
    public int bins() {
        return bins.size();
    }

    @Override
    public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
        if (redshifted) {
            double zf = 1 + parameters[offset + 2];
            integrate(parameters[offset] / zf, parameters[offset + 1] / zf, parameters[offset + 3] / zf, out, outOffset);
        } else {
            integrate(parameters[offset], parameters[offset + 1], parameters[offset + 2], out, outOffset);
        }
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
        double start = centre - NormalProbability.UNDERFLOW * width;
        double end = centre + NormalProbability.UNDERFLOW * width;
        for (int i = 0; i < n; i++) {
            if (bins.high[i] <= start || bins.low[i] >= end) {
                continue;
            }
            // b from a and the bin's own width: the rounding of (lo - E_l) then moves both edges
            // alike, instead of costing eps |E_l| / (hi - lo) of a narrow bin far from the line.
            double a = (bins.low[i] - centre) / width;
            double delta = (bins.high[i] - bins.low[i]) / width;
            double p = NormalProbability.ofStandardised(a, delta);
            out[outOffset + i] = flux * p;
        }
    }
}
