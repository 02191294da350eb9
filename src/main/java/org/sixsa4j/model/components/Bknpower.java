package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code bknpower}: a broken power law, A(E) = K E^(−Γ1) for E ≤ E_b and
 * K E_b^(Γ2−Γ1) E^(−Γ2) above, continuous at the break; K in photons keV⁻¹ cm⁻² s⁻¹ at 1 keV.
 * Bins on either side are {@link Powerlaw}'s exact integrals; the bin holding the break is
 * split there, each part integrated as lo^(1−Γ) ln(hi/lo) expm1(x)/x with x = (1−Γ) ln(hi/lo),
 * which stays exact through Γ = 1. As E_b → 0 with Γ1 &gt; Γ2 the spectrum above the break
 * grows without bound, and at E_b = 0 it is infinite, as in XSPEC.
 * Reference: XSPEC manual, bknpower.
 */
public final class Bknpower extends AbstractComponentType {
    // XSPEC model.dat: PhoIndx1 1. -3. -2. 9. 10. 0.01; BreakE keV 5. 0. 1.e-2 1.e6 1.e6 0.01;
    // PhoIndx2 2. -3. -2. 9. 10. 0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("PhoIndx1", "", 1.0, -3.0, -2.0, 9.0, 10.0, 0.01),
            ParameterInfo.of("BreakE", "keV", 5.0, 0, 1e-2, 1e6, 1e6, 0.01),
            ParameterInfo.of("PhoIndx2", "", 2.0, -3.0, -2.0, 9.0, 10.0, 0.01),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Bknpower INSTANCE = new Bknpower();

    private Bknpower() {
        super("bknpower", ComponentKind.ADDITIVE, PARAMETERS,
                "broken power law",
                "A(E) = K E^(-PhoIndx1) for E <= BreakE; K BreakE^(PhoIndx2 - PhoIndx1) E^(-PhoIndx2) above",
                "XSPEC manual, bknpower");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        Powerlaw.Evaluator powerlaw = Powerlaw.INSTANCE.bind(low, high, settings);
        return new Evaluator(powerlaw, Bins.of(low, high, name(), true));
    }

    /** ∫_a^b E^(−Γ) dE for 0 &lt; a ≤ b, exact through Γ = 1. */
    private static double integral(double a, double b, double index) {
        double logRatio = Math.log(b / a);
        return Math.pow(a, 1 - index) * logRatio * Powerlaw.expm1OverX((1 - index) * logRatio);
    }

    /** A broken power law bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator {
        private final Powerlaw.Evaluator powerlaw;
        private final Bins bins;
        private final double[] above;

        Evaluator(Powerlaw.Evaluator powerlaw, Bins bins) {
            this.powerlaw = powerlaw;
            this.bins = bins;
            this.above = new double[bins.size()];
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double index1 = parameters[offset];
            double breakE = parameters[offset + 1];
            double index2 = parameters[offset + 2];
            double norm = parameters[offset + 3];
            int n = bins.size();
            if (norm == 0) {
                java.util.Arrays.fill(out, outOffset, outOffset + n, 0.0);
                return;
            }
            powerlaw.integrate(index1, norm, out, outOffset);
            if (n == 0 || bins.high[n - 1] <= breakE) {
                return;
            }
            // pow, not exp(log): E_b = 0 then gives 0, 1 or infinity as the limit does.
            double join = Math.pow(breakE, index2 - index1);
            powerlaw.integrate(index2, norm * join, above, 0);
            for (int i = 0; i < n; i++) {
                if (bins.low[i] >= breakE) {
                    out[outOffset + i] = above[i];
                } else if (bins.high[i] > breakE) {
                    out[outOffset + i] = norm * (integral(bins.low[i], breakE, index1)
                            + join * integral(breakE, bins.high[i], index2));
                }
            }
        }
    }
}
