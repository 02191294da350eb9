package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code lorentz}: a Lorentzian line of full width at half maximum W,
 * A(E) = K W / (π − 2 arctan(−2E_l/W)) / ((E − E_l)² + (W/2)²) photons keV⁻¹ cm⁻² s⁻¹. The
 * denominator makes K the flux at E &gt; 0 only, as XSPEC defines it, since negative
 * energies are unphysical. The bin integral is exact:
 * K [arctan(b) − arctan(a)] / (π/2 + arctan(2E_l/W)) with a, b = 2(edge − E_l)/W, and for a bin
 * on one side of the line the difference is taken as arctan((b − a)/(1 + ab)), which keeps the
 * far wings' digits. W = 0 is a delta function (all of K in the bin with lo &lt; E_l ≤ hi).
 * XSPEC stops the wings where the flux left is below LINECRITLEVEL; this does not.
 * Reference: XSPEC manual, lorentz.
 */
public final class Lorentz extends AbstractComponentType {
    // XSPEC model.dat: LineE keV 6.5 0. 0. 1.e6 1.e6 0.05; Width keV 0.1 0. 0. 10. 20. 0.05
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("LineE", "keV", 6.5, 0, 0, 1e6, 1e6, 0.05),
            ParameterInfo.of("Width", "keV", 0.1, 0, 0, 10, 20, 0.05),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Lorentz INSTANCE = new Lorentz();

    private Lorentz() {
        super("lorentz", ComponentKind.ADDITIVE, PARAMETERS,
                "lorentzian line profile",
                "A(E) = K Width / (pi - 2 arctan(-2 LineE / Width)) / ((E - LineE)^2 + (Width/2)^2)",
                "XSPEC manual, lorentz");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), false));
    }

    /** A Lorentzian line bound to bins; immutable. */
    private static final class Evaluator implements ComponentEvaluator {
        private final Bins bins;

        Evaluator(Bins bins) {
            this.bins = bins;
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double centre = parameters[offset];
            double halfWidth = 0.5 * parameters[offset + 1];
            double flux = parameters[offset + 2];
            int n = bins.size();
            if (!(halfWidth > 0)) {
                for (int i = 0; i < n; i++) {
                    boolean holds = bins.low[i] < centre && centre <= bins.high[i];
                    out[outOffset + i] = holds ? flux : 0.0;
                }
                return;
            }
            double scale = flux / (0.5 * Math.PI + Math.atan(centre / halfWidth));
            for (int i = 0; i < n; i++) {
                double a = (bins.low[i] - centre) / halfWidth;
                double b = (bins.high[i] - centre) / halfWidth;
                double d = 1 + a * b;
                // d is not finite only when a width near underflow sends an edge to infinity;
                // the plain difference is then exact.
                double angle = (a >= 0 || b <= 0) && d < Double.POSITIVE_INFINITY
                        ? Math.atan((bins.high[i] - bins.low[i]) / halfWidth / d)
                        : Math.atan(b) - Math.atan(a);
                out[outOffset + i] = scale * angle;
            }
        }
    }
}
