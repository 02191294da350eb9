package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code highecut}: a high-energy cut-off, M(E) = 1 for E ≤ E_c and
 * exp((E_c − E)/E_f) above. Each bin gets the exact average of M over it:
 * [(a − lo) + (hi − a) e^(−(a − E_c)/E_f) (1 − e^(−x))/x] / (hi − lo) with a = max(lo, E_c) and
 * x = (hi − a)/E_f, where (1 − e^(−x))/x comes from a series for small x so that no digits are
 * lost. XSPEC's xshecu routine instead averages the two bin edges and uses
 * exp(−max(E − E_c, 0.001)/E_f), so below the cut it gives exp(−0.001/E_f) rather than the 1
 * of its manual (0.99993 at the default E_f = 15 keV); this follows the manual.
 * Reference: XSPEC manual, highecut.
 */
public final class Highecut extends AbstractComponentType {
    // XSPEC model.dat: cutoffE keV 10. 1.e-4 1.e-2 1.e6 1.e6 0.01; foldE keV 15. 1.e-4 1.e-2 1.e6 1.e6 0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("cutoffE", "keV", 10, 1e-4, 1e-2, 1e6, 1e6, 0.01).logScale(),
            ParameterInfo.of("foldE", "keV", 15, 1e-4, 1e-2, 1e6, 1e6, 0.01).logScale());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Highecut INSTANCE = new Highecut();

    private Highecut() {
        super("highecut", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "high-energy exponential cutoff",
                "M(E) = 1 for E <= cutoffE; exp((cutoffE - E) / foldE) for E > cutoffE",
                "XSPEC manual, highecut");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), false));
    }

    /** A cut-off bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator {
        private final Bins bins;
        private final double[] decay;

        Evaluator(Bins bins) {
            this.bins = bins;
            this.decay = new double[bins.size()];
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double cut = parameters[offset];
            double fold = parameters[offset + 1];
            int n = bins.size();
            for (int i = 0; i < n; i++) {
                decay[i] = -Math.max(bins.low[i] - cut, 0.0) / fold;
            }
            Kernels.get().exp(decay, 0, decay, 0, n);
            for (int i = 0; i < n; i++) {
                double lo = bins.low[i];
                double hi = bins.high[i];
                if (hi <= cut) {
                    out[outOffset + i] = 1.0;
                } else {
                    double a = Math.max(lo, cut);
                    double above = (hi - a) * decay[i] * Powerlaw.expm1OverX(-(hi - a) / fold);
                    out[outOffset + i] = Math.min(1, (a - lo + above) / (hi - lo));
                }
            }
        }
    }
}
