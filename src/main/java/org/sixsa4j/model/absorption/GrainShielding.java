package org.sixsa4j.model.absorption;

import org.apache.commons.numbers.gamma.IncompleteGamma;

/**
 * The effective cross-section per hydrogen atom of the absorbing material locked in dust grains,
 * which shield their own interiors (Wilms, Allen &amp; McCray 2000, ApJ 542, 914, appendix).
 * Grains of density ρ have radii a in [a_min, a_max] with n(a) ∝ a^(−p); a grain of radius a
 * absorbs π a² (1 − e^(−s a)) with s = (4/3) ρ σ̄ / m̄, σ̄ and m̄ the mean cross-section and mass
 * of a dust atom. The number of grains per H follows from the dust mass per H, M, so
 * <pre>
 * σ_grains = ∫ n(a) π a² (1 − e^(−s a)) da
 *          = 3 M G / (4 ρ (p − 3)) · [ a_min^(3−p) (1 − e^(−s a_min)) − a_max^(3−p) (1 − e^(−s a_max))
 *                                      + s^(p−3) (γ(4−p, s a_max) − γ(4−p, s a_min)) ]
 * </pre>
 * with G = (4 − p) / (a_max^(4−p) − a_min^(4−p)) and γ the unnormalised lower incomplete gamma
 * function. With a_min = a_max = a, σ_grains = M / (ρ (4/3) π a³) · π a² (1 − e^(−σ̄ N̄)),
 * N̄ = (4/3) ρ a / m̄. Immutable.
 */
final class GrainShielding {
    private final double density;
    private final double aMin;
    private final double aMax;
    private final double index;
    /** 3 G / (4 ρ (p − 3)), the factor of M in the power-law form. */
    private final double powerLawFactor;

    /**
     * @param density ρ in g cm⁻³, positive
     * @param aMin smallest radius in cm, positive
     * @param aMax largest radius in cm, at least aMin
     * @param index p; below 4 and not 3 unless aMin = aMax
     */
    GrainShielding(double density, double aMin, double aMax, double index) {
        this.density = density;
        this.aMin = aMin;
        this.aMax = aMax;
        this.index = index;
        double g = (4 - index) / (Math.pow(aMax, 4 - index) - Math.pow(aMin, 4 - index));
        this.powerLawFactor = 3 * g / (4 * density * (index - 3));
    }

    /**
     * σ_grains in cm² per H.
     *
     * @param atomsPerH dust atoms per H atom, positive
     * @param massPerH dust mass per H atom in g
     * @param meanSigma mean cross-section of a dust atom σ̄ in cm²
     */
    double sigmaPerH(double atomsPerH, double massPerH, double meanSigma) {
        if (meanSigma == 0.0) {
            // Nothing absorbs (below every threshold); the power-law form would be 0 × ∞ there.
            return 0.0;
        }
        double meanMass = massPerH / atomsPerH;
        if (aMin == aMax) {
            double grainsPerH = massPerH / (density * 4.0 / 3.0 * Math.PI * aMin * aMin * aMin);
            double atomsThrough = 4.0 / 3.0 * density * aMin / meanMass;
            return grainsPerH * Math.PI * aMin * aMin * -Math.expm1(-meanSigma * atomsThrough);
        }
        double s = 4.0 / 3.0 * density * meanSigma / meanMass;
        double bracket = Math.pow(aMin, 3 - index) * -Math.expm1(-s * aMin)
                - Math.pow(aMax, 3 - index) * -Math.expm1(-s * aMax)
                + Math.pow(s, index - 3) * (IncompleteGamma.Lower.value(4 - index, s * aMax) - IncompleteGamma.Lower.value(4 - index, s * aMin));
        return massPerH * powerLawFactor * bracket;
    }
}
