package org.sixsa4j.model.absorption;

/**
 * Photoionisation of neutral helium: the fit of Yan, Sadeghpour &amp; Dalgarno (1998, ApJ 496,
 * 1044), σ₀ = P(x) · 733e-6 · (E / 1 keV)^(−3.5) Mb with x = √(24.58 eV / E) and P a sixth-order
 * polynomial, times the Fano profiles F_j = (X_j − q_j)² / (1 + X_j²) of the four autoionisation
 * resonances near 60 eV, X_j = 2 (ε − ε_j) / Γ_j, ε the energy in Rydberg and
 * ε_j = 3 − 1/ν_j² + 1.807317 (q from Fernley, Taylor &amp; Seaton 1987; ν, Γ from Oza 1986).
 * Zero below 24.58 eV. The constants are in {@code tbabs_constants.txt}.
 */
final class HeliumCrossSection {
    private static final double THRESHOLD = TbabsConstants.value("HE_THRESHOLD");
    private static final double NORM = TbabsConstants.value("HE_NORM");
    private static final double[] POLY = TbabsConstants.values("HE_POLY");
    private static final double[] Q = TbabsConstants.values("HE_FANO_Q");
    private static final double[] GAMMA = TbabsConstants.values("HE_FANO_GAMMA");
    private static final double RYDBERG = TbabsConstants.value("HE_FANO_RYDBERG");
    private static final double[] RESONANCE = resonances();
    private static final double MBARN_CM2 = TbabsConstants.value("MBARN_CM2");
    private static final double KEV = 1000.0;

    private HeliumCrossSection() {
    }

    private static double[] resonances() {
        double[] nu = TbabsConstants.values("HE_FANO_NU");
        double a = TbabsConstants.value("HE_FANO_EPS_A");
        double b = TbabsConstants.value("HE_FANO_EPS_B");
        double[] eps = new double[nu.length];
        for (int j = 0; j < nu.length; j++) {
            eps[j] = a - 1 / (nu[j] * nu[j]) + b;
        }
        return eps;
    }

    /** σ in cm² at {@code eV}. */
    static double sigma(double eV) {
        if (eV < THRESHOLD) {
            return 0.0;
        }
        double x = Math.sqrt(THRESHOLD / eV);
        double sigma = Polynomial.evaluate(POLY, x) * NORM * Math.pow(eV / KEV, -3.5);
        double epsilon = eV / RYDBERG;
        for (int j = 0; j < Q.length; j++) {
            double xj = 2 * (epsilon - RESONANCE[j]) / GAMMA[j];
            sigma *= (xj - Q[j]) * (xj - Q[j]) / (1 + xj * xj);
        }
        return sigma * MBARN_CM2;
    }
}
