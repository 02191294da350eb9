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
 * XSPEC's {@code tbpcf}: partial covering by Tübingen–Boulder ISM absorption (Wilms, Allen &amp;
 * McCray 2000, ApJ 542, 914) at redshift z, M(E) = 1 − pcf + pcf · exp(−nH σ_ISM(E (1 + z))).
 * The absorber is that of {@code tbabs}: gas, 20 % of the hydrogen in H₂ and grains with the
 * default depletions, as XSPEC's tbpcf leaves every other tbvarabs parameter at its default.
 */
public final class Tbpcf extends AbstractComponentType {
    // Redshift limits as in XSPEC's model.dat for the tbnew family: hard -1..10, soft 0..10.
    private static final List<ParameterInfo> PARAMETERS = List.of(
            AbsorptionParameters.nH(),
            ParameterInfo.of("pcf", "", 0.5, 0.0, 0.0, 1.0, 1.0, 0.01),
            ParameterInfo.of("Redshift", "", 0.0, -1.0, 0.0, 10.0, 10.0, -0.01));

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Tbpcf INSTANCE = new Tbpcf();

    private Tbpcf() {
        super("tbpcf", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "partial covering ISM absorption, Tuebingen-Boulder model",
                "M(E) = 1 - pcf + pcf exp(-nH sigma_ISM(E (1 + Redshift)))",
                "Wilms, Allen & McCray 2000, ApJ 542, 914; XSPEC manual, tbpcf");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(BinnedIsmAbsorption.bind(IsmAbsorption.defaults(), settings.abundances(), low, high));
    }

    /** tbpcf bound to bins; keeps the cross-sections of the last redshift, so not thread-safe. */
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
            double covered = parameters[offset + 1];
            absorber.transmission(parameters[offset], parameters[offset + 2], out, outOffset);
            // 1 - pcf + pcf T rather than 1 + pcf (T - 1): exact at pcf = 1 even where T underflows.
            for (int i = outOffset; i < outOffset + absorber.bins(); i++) {
                out[i] = 1 - covered + covered * out[i];
            }
        }
    }
}
