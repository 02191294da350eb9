package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code zpowerlw}: a power law at redshift z, A(E) = K (E(1+z))^(−Γ) photons keV⁻¹
 * cm⁻² s⁻¹ in observed energy, with K the source-frame value at 1 keV. XSPEC computes the power
 * law on the bins moved to the source frame, [lo(1+z), hi(1+z)], and divides by 1+z for time
 * dilation (its zpowerLaw routine); the 1+z of the wider source-frame bin cancels that
 * division, leaving the density above. Since ∫ E^(−Γ) over [lo(1+z), hi(1+z)] is (1+z)^(1−Γ)
 * times the integral over [lo, hi], this is exactly {@link Powerlaw} with norm K (1+z)^(−Γ),
 * which is how it is computed here.
 * Reference: XSPEC manual, powerlaw/zpowerlw.
 */
public final class Zpowerlw extends AbstractComponentType {
    // XSPEC model.dat: PhoIndex 1. -3. -2. 9. 10. 0.01; Redshift 0. -0.999 -0.999 10. 10. -0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("PhoIndex", "", 1.0, -3.0, -2.0, 9.0, 10.0, 0.01),
            ParameterInfo.of("Redshift", "", 0, -0.999, -0.999, 10, 10, -0.01),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Zpowerlw INSTANCE = new Zpowerlw();

    private Zpowerlw() {
        super("zpowerlw", ComponentKind.ADDITIVE, PARAMETERS,
                "redshifted power law",
                "A(E) = K (E (1+z))^(-PhoIndex)",
                "XSPEC manual, powerlaw (zpowerlw)");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Powerlaw.INSTANCE.bind(low, high, settings));
    }

    /** A redshifted power law bound to bins; immutable. */
    private static final class Evaluator implements ComponentEvaluator {
        private final Powerlaw.Evaluator powerlaw;

        Evaluator(Powerlaw.Evaluator powerlaw) {
            this.powerlaw = powerlaw;
        }

        @Override
        public int bins() {
            return powerlaw.bins();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double index = parameters[offset];
            double zf = 1 + parameters[offset + 1];
            powerlaw.integrate(index, parameters[offset + 2] * Math.pow(zf, -index), out, outOffset);
        }
    }
}
