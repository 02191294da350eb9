package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;
import org.sixsa4j.model.absorption.AbsorptionParameters;
import org.sixsa4j.model.absorption.BinnedIsmAbsorption;
import org.sixsa4j.model.absorption.IsmAbsorption;

/**
 * XSPEC's {@code tbabs}: absorption by the interstellar medium, M(E) = exp(−nH σ_ISM(E)), with the
 * Tübingen–Boulder cross-section of Wilms, Allen &amp; McCray (2000, ApJ 542, 914): gas, 20 % of
 * the hydrogen in H₂, and grains (ρ = 1 g cm⁻³, radii 0.025–0.25 µm, n(a) ∝ a^−3.5) holding the
 * depleted fraction of each element, with the abundances of the {@code abund} setting. It
 * ignores {@code xsect}, as XSPEC's does. Per bin σ_ISM is built from each species'
 * cross-section averaged over the two bin edges (see {@link IsmAbsorption}); it is computed at
 * binding, so an evaluation is one vectorised exponential per bin.
 */
public final class Tbabs extends AbstractComponentType {
    private static final List<ParameterInfo> PARAMETERS = List.of(AbsorptionParameters.nH());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Tbabs INSTANCE = new Tbabs();

    private Tbabs() {
        super("tbabs", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "ISM absorption, Tuebingen-Boulder model (gas, grains, H2)",
                "M(E) = exp(-nH sigma_ISM(E)), sigma_ISM = gas + H2 + self-shielded grains",
                "Wilms, Allen & McCray 2000, ApJ 542, 914; XSPEC manual, tbabs");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(BinnedIsmAbsorption.bind(IsmAbsorption.defaults(), settings.abundances(), low, high));
    }

    /** tbabs bound to bins; not thread-safe. */
    private static final class Evaluator implements ComponentEvaluator {
        private final BinnedIsmAbsorption absorber;

        Evaluator(BinnedIsmAbsorption absorber) {
            this.absorber = absorber;
        }

        @Override
        public int bins() {
            return absorber.bins();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            absorber.transmission(parameters[offset], 0.0, out, outOffset);
        }
    }
}
