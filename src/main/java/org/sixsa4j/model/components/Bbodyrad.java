package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code bbodyrad}: a black body with norm proportional to its surface,
 * A(E) = K 1.0344e-3 E² / (exp(E/kT) − 1) photons keV⁻¹ cm⁻² s⁻¹, where K = R_km² / D_10²
 * (source radius in km, distance in units of 10 kpc). Integrated over each bin as
 * {@link BlackBody} explains, to 1e-8 relative. XSPEC evaluates the bin by the trapezoid rule
 * and sets it to 0 above E = 60 kT; this is the exact integral instead.
 * Reference: XSPEC manual, bbodyrad (XSPEC's xsbbrd routine for the constant).
 */
public final class Bbodyrad extends AbstractComponentType {
    // XSPEC model.dat: kT keV 3. 1e-4 1e-3 100 200 .01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("kT", "keV", 3.0, 1e-4, 1e-3, 100, 200, 0.01).logScale(),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Bbodyrad INSTANCE = new Bbodyrad();

    private Bbodyrad() {
        super("bbodyrad", ComponentKind.ADDITIVE, PARAMETERS,
                "black body, norm proportional to surface area",
                "A(E) = K 1.0344e-3 E^2 / (exp(E/kT) - 1), K = R_km^2 / D_10^2",
                "XSPEC manual, bbodyrad");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new BlackBody(Bins.of(low, high, name(), false), false);
    }
}
