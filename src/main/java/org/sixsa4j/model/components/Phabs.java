package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;
import org.sixsa4j.model.absorption.AbsorptionParameters;
import org.sixsa4j.model.absorption.CrossSectionCache;
import org.sixsa4j.model.absorption.PhotoelectricCrossSection;
import org.sixsa4j.model.absorption.Transmission;

/**
 * XSPEC's {@code phabs}: photoelectric absorption M(E) = exp(−nH σ(E)) by cold gas with the
 * abundances of the {@code abund} setting and the cross-sections of the {@code xsect} setting,
 * here Verner et al. (1996, ApJ 465, 487), XSPEC's default and the only one implemented. σ sums
 * the 18 elements H to Ni of XSPEC's vphabs and is averaged over the two edges of each bin (see
 * {@link PhotoelectricCrossSection}); Thomson scattering is not included. σ is computed at
 * binding, so an evaluation is one vectorised exponential per bin.
 */
public final class Phabs extends AbstractComponentType {
    private static final List<ParameterInfo> PARAMETERS = List.of(AbsorptionParameters.nH());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Phabs INSTANCE = new Phabs();

    private Phabs() {
        super("phabs", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "photoelectric absorption (xsect vern, abund table)",
                "M(E) = exp(-nH sigma(E)), sigma = sum_Z A_Z sigma_Z(E) (Verner et al. 1996)",
                "Verner et al. 1996, ApJ 465, 487; XSPEC manual, phabs and xsect");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        AbundanceTable table = settings.abundances();
        List<Object> what = List.of(Phabs.class, table, settings.crossSections());
        return new Evaluator(CrossSectionCache.get(what, low, high, () -> PhotoelectricCrossSection.binAveraged(table, low, high)));
    }

    /** phabs bound to bins; immutable. */
    private static final class Evaluator implements ComponentEvaluator {
        private final double[] tau;

        Evaluator(double[] tau) {
            this.tau = tau;
        }

        @Override
        public int bins() {
            return tau.length;
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            Transmission.of(parameters[offset], tau, out, outOffset);
        }
    }
}
