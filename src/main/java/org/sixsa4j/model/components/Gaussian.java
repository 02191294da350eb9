package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code gaussian}: a Gaussian line,
 * A(E) = K / (σ √(2π)) exp(−(E − E_l)² / (2σ²)) photons keV⁻¹ cm⁻² s⁻¹, with K the total
 * photons cm⁻² s⁻¹ in the line. Each bin gets K times the line's probability in it, from erfc
 * (see {@link GaussianLine}), exact to rounding; XSPEC instead stops the line where the flux
 * left is below LINECRITLEVEL (1e-8) and adds the remainder to the last bin. With σ = 0 the
 * line is a delta function: all of K goes to the bin with lo &lt; E_l ≤ hi.
 * Reference: XSPEC manual, gaussian.
 */
public final class Gaussian extends AbstractComponentType {
    // XSPEC model.dat: LineE keV 6.5 0. 0. 1.e6 1.e6 0.05; Sigma keV 0.1 0. 0. 10. 20. 0.05
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("LineE", "keV", 6.5, 0, 0, 1e6, 1e6, 0.05),
            ParameterInfo.of("Sigma", "keV", 0.1, 0, 0, 10, 20, 0.05),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Gaussian INSTANCE = new Gaussian();

    private Gaussian() {
        super("gaussian", ComponentKind.ADDITIVE, PARAMETERS,
                "gaussian line profile",
                "A(E) = K / (Sigma sqrt(2 pi)) exp(-(E - LineE)^2 / (2 Sigma^2)); Sigma = 0: all of K in the bin holding LineE",
                "XSPEC manual, gaussian");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new GaussianLine(Bins.of(low, high, name(), false), false);
    }
}
