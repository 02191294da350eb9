package org.sixsa4j.model.absorption;

/**
 * Photoionisation of atomic hydrogen in the hydrogenic approximation of Band, Trzhaskovskaya,
 * Verner &amp; Yakovlev (1990, A&amp;A 237, 267), as the tbabs code uses it: with the threshold
 * E₁ = 13.599 eV and y = 2E/E₁, σ = 605 / (y^1.5 (1 + √y)⁴) Mb above E₁, zero below (6.30 Mb at
 * threshold). The constants are in {@code tbabs_constants.txt}.
 */
final class HydrogenCrossSection {
    private static final double THRESHOLD = TbabsConstants.value("H_ION_ENERGY");
    private static final double COEFFICIENT = TbabsConstants.value("H_SIGMA_COEF");
    private static final double MBARN_CM2 = TbabsConstants.value("MBARN_CM2");

    private HydrogenCrossSection() {
    }

    /** σ in cm² at {@code eV}. */
    static double sigma(double eV) {
        if (eV < THRESHOLD) {
            return 0.0;
        }
        // y = 2E/E1 with the factor 2 the tbabs code has.
        double y = 2 * eV / THRESHOLD;
        double root = 1 + Math.sqrt(y);
        return COEFFICIENT / (y * Math.sqrt(y) * root * root * root * root) * MBARN_CM2;
    }
}
