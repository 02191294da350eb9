package org.sixsa4j.model.absorption;

import org.sixsa4j.model.ParameterInfo;

/**
 * Parameters the absorption components share, with the numbers of XSPEC's model.dat (default,
 * hard minimum, soft minimum, soft maximum, hard maximum, step; a negative step is frozen).
 */
public final class AbsorptionParameters {
    private AbsorptionParameters() {
    }

    /**
     * {@code nH} in 10^22 atoms cm⁻²: 1, 0, 0, 1e5, 1e6, 0.001, as for phabs, wabs and the tbabs
     * family; it spans decades, so it is explored in log space.
     */
    public static ParameterInfo nH() {
        return ParameterInfo.of("nH", "10^22", 1.0, 0.0, 0.0, 1e5, 1e6, 1e-3).logScale();
    }
}
