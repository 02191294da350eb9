package org.sixsa4j.model.absorption;

/**
 * Photoabsorption of molecular hydrogen, per molecule: the piecewise fit of Yan, Sadeghpour &amp;
 * Dalgarno (1998, ApJ 496, 1044; the original coefficients, not those of the 2001 erratum, which
 * can go negative) with the 30–85 eV segment of Wilms, Allen &amp; McCray (2000, ApJ 542, 914).
 * With x = E / 15.4 eV, in barn: zero up to 15.4 eV; 1e8 (−37.895 + 99.723x − 87.227x² + 25.4x³)
 * below 18 eV; 2e7 x^−0.252 (0.071 − 0.673/x + 1.977/x² − 0.692/x³) below 30 eV;
 * 1e6 Σ c_k x^−k (k = 0..5) below 85 eV; above, 45.57 (E / 1 keV)^−3.5 Σ c_k x^(−k/2) (k = 0..6).
 * The segments do not join continuously (5.69 → 9.79 Mb at 18 eV), as in the tbabs code. The
 * coefficients are in {@code tbabs_constants.txt}.
 */
final class MolecularHydrogenCrossSection {
    private static final double THRESHOLD = TbabsConstants.value("H2_THRESHOLD");
    private static final double[] BREAKS = TbabsConstants.values("H2_BREAKS");
    private static final double NORM1 = TbabsConstants.value("H2_SEG1_NORM");
    private static final double[] POLY1 = TbabsConstants.values("H2_SEG1_POLY");
    private static final double NORM2 = TbabsConstants.value("H2_SEG2_NORM");
    private static final double XPOW2 = TbabsConstants.value("H2_SEG2_XPOW");
    private static final double[] POLY2 = TbabsConstants.values("H2_SEG2_POLY");
    private static final double NORM3 = TbabsConstants.value("H2_SEG3_NORM");
    private static final double[] POLY3 = TbabsConstants.values("H2_SEG3_POLY");
    private static final double NORM4 = TbabsConstants.value("H2_SEG4_NORM");
    private static final double[] POLY4 = TbabsConstants.values("H2_SEG4_POLY");
    private static final double BARN_CM2 = TbabsConstants.value("BARN_CM2");
    private static final double KEV = 1000.0;

    private MolecularHydrogenCrossSection() {
    }

    /** σ in cm² per molecule at {@code eV}. */
    static double sigma(double eV) {
        if (eV <= THRESHOLD) {
            return 0.0;
        }
        double x = eV / THRESHOLD;
        double barn;
        if (eV < BREAKS[0]) {
            barn = NORM1 * Polynomial.evaluate(POLY1, x);
        } else if (eV < BREAKS[1]) {
            barn = NORM2 * Math.pow(x, XPOW2) * Polynomial.evaluate(POLY2, 1 / x);
        } else if (eV < BREAKS[2]) {
            barn = NORM3 * Polynomial.evaluate(POLY3, 1 / x);
        } else {
            barn = NORM4 * Math.pow(eV / KEV, -3.5) * Polynomial.evaluate(POLY4, 1 / Math.sqrt(x));
        }
        return barn * BARN_CM2;
    }
}
