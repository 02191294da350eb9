package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ComponentType;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code powerlaw}: A(E) = K E^(−Γ) photons keV⁻¹ cm⁻² s⁻¹, with K the flux density at
 * 1 keV. Its integral over a bin [lo, hi] is K (hi^(1−Γ) − lo^(1−Γ)) / (1−Γ), or K ln(hi/lo) at
 * Γ = 1.
 *
 * <p>The evaluator caches the bins' logarithms. On contiguous bins, the usual case, it takes one
 * exponential per bin edge, E^(1−Γ), from the SIMD kernels. Each bin then uses the difference of
 * its edge powers when x = (1−Γ) ln(hi/lo) is not small (|x| ≥ 0.1, where cancellation costs at
 * most a factor 10 on the edge powers' 1e-15), and otherwise K lo^(1−Γ) ln(hi/lo) · expm1(x)/x
 * with expm1(x)/x from its Taylor series, which keeps full precision through Γ = 1.
 */
public final class Powerlaw implements ComponentType {
    /** The one instance. */
    public static final Powerlaw INSTANCE = new Powerlaw();

    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("PhoIndex", "", 1.0, -3.0, -2.0, 9.0, 10.0, 0.01),
            ParameterInfo.norm());

    /** Below this |x| the edge difference cancels too much and the series takes over. */
    private static final double SERIES_BELOW = 0.1;

    private Powerlaw() {
    }

    @Override
    public String name() {
        return "powerlaw";
    }

    @Override
    public ComponentKind kind() {
        return ComponentKind.ADDITIVE;
    }

    @Override
    public List<ParameterInfo> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "simple photon power law";
    }

    @Override
    public String formula() {
        return "A(E) = K E^(-PhoIndex)";
    }

    @Override
    public String reference() {
        return "XSPEC manual, powerlaw";
    }

    @Override
    public Evaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(low, high);
    }

    /**
     * expm1(x)/x. Taylor series through x⁹/10! for |x| below {@value #SERIES_BELOW} (the first
     * omitted term is under 3e-18 there), the library function above.
     */
    static double expm1OverX(double x) {
        if (Math.abs(x) < SERIES_BELOW) {
            return 1 + x * (1.0 / 2 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720
                    + x * (1.0 / 5040 + x * (1.0 / 40320 + x * (1.0 / 362880 + x / 3628800))))))));
        }
        return Math.expm1(x) / x;
    }

    /** A power law bound to bins; immutable, so it may be shared between threads. */
    public static final class Evaluator implements ComponentEvaluator {
        private final int bins;
        private final boolean contiguous;
        private final double[] logLow;
        private final double[] logRatio;
        private final double logLastHigh;

        Evaluator(double[] low, double[] high) {
            if (low.length != high.length) {
                throw new IllegalArgumentException("low and high bounds differ in length");
            }
            this.bins = low.length;
            this.logLow = new double[bins];
            this.logRatio = new double[bins];
            boolean joined = true;
            for (int i = 0; i < bins; i++) {
                if (!(low[i] > 0) || !(high[i] > low[i])) {
                    throw new IllegalArgumentException("bin " + i + " is [" + low[i] + ", " + high[i] + "] keV; a power law needs 0 < lo < hi");
                }
                logLow[i] = Math.log(low[i]);
                logRatio[i] = Math.log(high[i] / low[i]);
                joined &= i == 0 || low[i] == high[i - 1];
            }
            this.contiguous = joined;
            this.logLastHigh = bins == 0 ? 0.0 : Math.log(high[bins - 1]);
        }

        @Override
        public int bins() {
            return bins;
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            integrate(parameters[offset], parameters[offset + 1], out, outOffset);
        }

        /**
         * Photon flux per bin, photons cm⁻² s⁻¹, written to {@code out[offset .. offset+bins-1]}.
         *
         * @param photonIndex Γ ({@code powerlaw.PhoIndex})
         * @param norm K in photons keV⁻¹ cm⁻² s⁻¹ at 1 keV ({@code powerlaw.norm})
         */
        public void integrate(double photonIndex, double norm, double[] out, int offset) {
            double a = 1.0 - photonIndex;
            if (!contiguous) {
                for (int i = 0; i < bins; i++) {
                    out[offset + i] = norm * Math.exp(a * logLow[i]) * logRatio[i] * expm1OverX(a * logRatio[i]);
                }
                return;
            }
            // out[i] first holds lo_i^a, so each bin finds its upper edge's power in out[i+1]
            // until the forward sweep below overwrites out[i] with the integral.
            for (int i = 0; i < bins; i++) {
                out[offset + i] = a * logLow[i];
            }
            Kernels.get().exp(out, offset, out, offset, bins);
            double lastHigh = Math.exp(a * logLastHigh);
            for (int i = 0; i < bins; i++) {
                double pLow = out[offset + i];
                double pHigh = i + 1 < bins ? out[offset + i + 1] : lastHigh;
                double x = a * logRatio[i];
                out[offset + i] = Math.abs(x) >= SERIES_BELOW
                        ? norm * (pHigh - pLow) / a
                        : norm * pLow * logRatio[i] * expm1OverX(x);
            }
        }

        /** Photon flux per bin as a new array. */
        public double[] integrate(double photonIndex, double norm) {
            double[] out = new double[bins];
            integrate(photonIndex, norm, out, 0);
            return out;
        }
    }
}
