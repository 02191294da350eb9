package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code bbody}: a black body with norm proportional to its luminosity,
 * A(E) = K 8.0525 E² / ((kT)⁴ (exp(E/kT) − 1)) photons keV⁻¹ cm⁻² s⁻¹, where
 * K = L_39 / D_10² (luminosity in 10³⁹ erg s⁻¹, distance in units of 10 kpc); 8.0525 is
 * about 10³⁹ erg s⁻¹ / (4π (10 kpc)²) in keV cm⁻² s⁻¹ times 15/π⁴, the black body's
 * ∫ x³/(eˣ − 1) dx = π⁴/15 turning energy flux into photons. Integrated over each bin
 * as {@link BlackBody} explains, to 1e-8 relative. XSPEC evaluates the bin by the trapezoid
 * rule and sets it to 0 above E = 60 kT; this is the exact integral instead.
 * Reference: XSPEC manual, bbody (XSPEC's xsblbd routine for the constant).
 */
public final class Bbody extends AbstractComponentType {
    // XSPEC model.dat: kT keV 3.0 1.e-4 1.e-2 100. 200. 0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("kT", "keV", 3.0, 1e-4, 1e-2, 100, 200, 0.01).logScale(),
            ParameterInfo.norm());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Bbody INSTANCE = new Bbody();

    private Bbody() {
        super("bbody", ComponentKind.ADDITIVE, PARAMETERS,
                "black body, norm proportional to luminosity",
                "A(E) = K 8.0525 E^2 / (kT^4 (exp(E/kT) - 1)), K = L_39 / D_10^2",
                "XSPEC manual, bbody");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new BlackBody(Bins.of(low, high, name(), false), true);
    }
}
