package org.sixsa4j.model;

/**
 * XSPEC's {@code powerlaw}: A(E) = K E^(−Γ) photons keV⁻¹ cm⁻² s⁻¹, with K the flux density at
 * 1 keV. Its integral over a bin [lo, hi] is K (hi^(1−Γ) − lo^(1−Γ)) / (1−Γ), or K ln(hi/lo) at
 * Γ = 1. The integral is written as K lo^(1−Γ) ln(hi/lo) · expm1(x)/x with x = (1−Γ) ln(hi/lo), one
 * expression that keeps full precision through Γ = 1 where the usual form cancels.
 *
 * <p>An instance is bound to one set of bins and caches their logarithms, so evaluating a batch
 * of parameter vectors costs one exponential per bin edge. It is immutable and thread-safe.
 */
public final class PowerLaw {
    private final int bins;
    private final double[] logLow;
    private final double[] logRatio;

    private PowerLaw(double[] low, double[] high) {
        this.bins = low.length;
        this.logLow = new double[bins];
        this.logRatio = new double[bins];
        for (int i = 0; i < bins; i++) {
            if (!(low[i] > 0) || !(high[i] > low[i])) {
                throw new IllegalArgumentException("bin " + i + " is [" + low[i] + ", " + high[i] + "] keV; a power law needs 0 < lo < hi");
            }
            logLow[i] = Math.log(low[i]);
            logRatio[i] = Math.log(high[i] / low[i]);
        }
    }

    /** A power law on bins [low_i, high_i] in keV. */
    public static PowerLaw on(double[] low, double[] high) {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high bounds differ in length");
        }
        return new PowerLaw(low, high);
    }

    /** Number of bins. */
    public int bins() {
        return bins;
    }

    /**
     * Photon flux per bin, photons cm⁻² s⁻¹, written to {@code out[offset .. offset+bins-1]}.
     *
     * @param photonIndex Γ ({@code powerlaw.PhoIndex})
     * @param norm K in photons keV⁻¹ cm⁻² s⁻¹ at 1 keV ({@code powerlaw.norm})
     */
    public void integrate(double photonIndex, double norm, double[] out, int offset) {
        double a = 1.0 - photonIndex;
        for (int i = 0; i < bins; i++) {
            double x = a * logRatio[i];
            double relative = x == 0.0 ? 1.0 : Math.expm1(x) / x;
            out[offset + i] = norm * Math.exp(a * logLow[i]) * logRatio[i] * relative;
        }
    }

    /** Photon flux per bin as a new array. */
    public double[] integrate(double photonIndex, double norm) {
        double[] out = new double[bins];
        integrate(photonIndex, norm, out, 0);
        return out;
    }
}
