package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code zgauss}: a Gaussian line at redshift z, with E_l, σ and K (photons cm⁻² s⁻¹
 * in the line) in the source frame. As XSPEC's xszgau routine does, the line's probability is
 * taken over the bins moved to the source frame, [lo(1+z), hi(1+z)], and the flux divided by
 * 1+z for time dilation: the observed line holds K/(1+z) photons cm⁻² s⁻¹ at E_l/(1+z) with
 * width σ/(1+z), and its density in observed energy is
 * A(E) = K / (σ √(2π)) exp(−(E(1+z) − E_l)² / (2σ²)). (The manual writes an extra 1/(1+z) in
 * front, which would put K/(1+z)² in the line; the routine does not.) Each bin is exact, as
 * for {@link Gaussian}; σ = 0 is a delta function.
 * Reference: XSPEC manual, gaussian/zgauss.
 */
public final class Zgauss extends AbstractComponentType {
    // XSPEC model.dat: LineE keV 6.5 0. 0. 1.e6 1.e6 0.05; Sigma keV 0.1 0. 0. 10. 20. 0.05;
    // Redshift 0. -0.999 -0.999 10. 10. -0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("LineE", "keV", 6.5, 0, 0, 1e6, 1e6, 0.05),
            ParameterInfo.of("Sigma", "keV", 0.1, 0, 0, 10, 20, 0.05),
            ParameterInfo.of("Redshift", "", 0, -0.999, -0.999, 10, 10, -0.01),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Zgauss INSTANCE = new Zgauss();

    private Zgauss() {
        super("zgauss", ComponentKind.ADDITIVE, PARAMETERS,
                "redshifted gaussian line profile",
                "A(E) = K / (Sigma sqrt(2 pi)) exp(-(E (1+z) - LineE)^2 / (2 Sigma^2)), K/(1+z) photons in the observed line",
                "XSPEC manual, gaussian (zgauss)");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new GaussianLine(Bins.of(low, high, name(), false), true);
    }
}
