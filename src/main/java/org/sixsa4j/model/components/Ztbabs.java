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
 * XSPEC's {@code ztbabs}: the Tübingen–Boulder ISM absorption of Wilms, Allen &amp; McCray (2000,
 * ApJ 542, 914) at redshift z, M(E) = exp(−nH σ_ISM(E (1 + z))), for gas with 20 % of its
 * hydrogen in H₂ and, unlike {@code tbabs}, no grains and hence no depletion (XSPEC's ztbabs sets
 * the grain density to 0). At z = 0 it therefore differs from tbabs, by up to 2 % in the
 * continuum and 50 % inside the O K edge structure. The cross-sections at rest are computed at
 * binding; another redshift recomputes them once when it first appears.
 */
public final class Ztbabs extends AbstractComponentType {
    private static final List<ParameterInfo> PARAMETERS = List.of(
            AbsorptionParameters.nH(),
            ParameterInfo.of("Redshift", "", 0.0, -0.999, -0.999, 10.0, 10.0, -0.01));

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Ztbabs INSTANCE = new Ztbabs();

    private Ztbabs() {
        super("ztbabs", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "redshifted ISM absorption, Tuebingen-Boulder model without grains",
                "M(E) = exp(-nH sigma_ISM(E (1 + Redshift))), sigma_ISM = gas + H2, no grains",
                "Wilms, Allen & McCray 2000, ApJ 542, 914; XSPEC manual, ztbabs");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.GRAIN_DENSITY] = 0.0;
        return new Evaluator(BinnedIsmAbsorption.bind(p, settings.abundances(), low, high));
    }

    /** ztbabs bound to bins; keeps the cross-sections of the last redshift, so not thread-safe. */
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
            absorber.transmission(parameters[offset], parameters[offset + 1], out, outOffset);
        }
    }
}
