package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code powerlaw}: A(E) = K E^(−Γ) photons keV⁻¹ cm⁻² s⁻¹, with K the flux density at
 * 1 keV. Its integral over a bin [lo, hi] is K (hi^(1−Γ) − lo^(1−Γ)) / (1−Γ), or K ln(hi/lo) at
 * Γ = 1.
 *
 * <p>The integral is computed as K lo^(1−Γ) expm1((1−Γ) ln(hi/lo)) / (1−Γ), and K ln(hi/lo) at
 * Γ = 1: accurate to a few units in the last place for every Γ and every bin width, including
 * Γ close to 1, where the textbook difference of edge powers cancels. The evaluator caches the bins' logarithms,
 * and each evaluation takes one exponential and one expm1 per bin, both from the SIMD kernels.
 */
public final class Powerlaw extends AbstractComponentType {
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("PhoIndex", "", 1.0, -3.0, -2.0, 9.0, 10.0, 0.01),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Powerlaw INSTANCE = new Powerlaw();

    private Powerlaw() {
        super("powerlaw", ComponentKind.ADDITIVE, PARAMETERS,
                "simple photon power law",
                "A(E) = K E^(-PhoIndex)",
                "XSPEC manual, powerlaw");
    }

    @Override
    public Evaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(low, high);
    }

    /** expm1(x)/x, with its limit 1 at x = 0; {@link Math#expm1} keeps full precision near 0. */
    static double expm1OverX(double x) {
        return x == 0.0 ? 1.0 : Math.expm1(x) / x;
    }

    /** A power law bound to bins; it holds a scratch array, so use one per thread. */
    public static final class Evaluator implements ComponentEvaluator {
        private final int bins;
        private final double[] logLow;
        private final double[] logRatio;
        private final double[] scratch;

        Evaluator(double[] low, double[] high) {
            if (low.length != high.length) {
                throw new IllegalArgumentException("low and high bounds differ in length");
            }
            this.bins = low.length;
            this.logLow = new double[bins];
            this.logRatio = new double[bins];
            this.scratch = new double[bins];
            for (int i = 0; i < bins; i++) {
                if (!(low[i] > 0) || !(high[i] > low[i])) {
                    throw new IllegalArgumentException("bin " + i + " is [" + low[i] + ", " + high[i] + "] keV; a power law needs 0 < lo < hi");
                }
                logLow[i] = Math.log(low[i]);
                logRatio[i] = Math.log(high[i] / low[i]);
            }
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
         * Photon flux per bin, photons cm⁻² s⁻¹, written to {@code out[offset .. offset+bins-1]};
         * nothing is allocated.
         *
         * @param photonIndex Γ ({@code powerlaw.PhoIndex})
         * @param norm K in photons keV⁻¹ cm⁻² s⁻¹ at 1 keV ({@code powerlaw.norm})
         */
        public void integrate(double photonIndex, double norm, double[] out, int offset) {
            double a = 1.0 - photonIndex;
            if (a == 0.0) {
                // Γ = 1: K ln(hi/lo).
                for (int i = 0; i < bins; i++) {
                    out[offset + i] = norm * logRatio[i];
                }
                return;
            }
            for (int i = 0; i < bins; i++) {
                out[offset + i] = a * logLow[i];
                scratch[i] = a * logRatio[i];
            }
            Kernels kernels = Kernels.get();
            kernels.exp(out, offset, out, offset, bins);
            kernels.expm1(scratch, 0, scratch, 0, bins);
            // lo^a ln(hi/lo) expm1(x)/x with x = a ln(hi/lo) is lo^a expm1(x) / a: no division per bin.
            double scale = norm / a;
            for (int i = 0; i < bins; i++) {
                out[offset + i] = scale * out[offset + i] * scratch[i];
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
