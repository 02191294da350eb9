package org.sixsa4j.model.absorption;

/**
 * The interstellar photoelectric absorption cross-section per hydrogen atom of Morrison &amp;
 * McCammon (1983, ApJ 270, 119), Table 2: on 14 energy ranges from 0.03 to 10 keV,
 * σ(E) = (c₀ + c₁E + c₂E²) E⁻³ × 1e-24 cm² with E in keV, for gas of fixed composition (mostly
 * the abundances of Anders &amp; Ebihara 1982) and no grains. The coefficients are in the
 * resource {@code morrison_mccammon_1983.txt}.
 *
 * <p>Outside the paper's range this follows XSPEC's {@code wabs}, as its source comments say:
 * above 10 keV the cross-section falls as E⁻³ from its value at 10 keV, below 0.03 keV it rises
 * as E⁻³ from its value at 0.03 keV, and below 0.0136 keV (the H ionisation edge) there is no
 * absorption. (Above 10 keV this was checked against XSPEC's tabulation to its float32
 * precision; below 0.03 keV XSPEC's code rounds the continuation's coefficient to 33.6 where the
 * continuous value used here is 33.608.)
 *
 * <p>Segments are numbered 0 (below 0.03 keV) to 15 (above 10 keV); a boundary energy belongs to
 * the segment above it.
 */
public final class MorrisonMcCammon {
    /** Number of segments: the paper's 14 ranges and the two continuations. */
    public static final int SEGMENTS = 16;

    /** No absorption below this energy, keV. */
    private static final double CUTOFF = 0.0136;
    private static final double BARN_CM2 = TbabsConstants.value("BARN_CM2");

    /** Segment boundaries 0.03 … 10 keV. */
    private static final double[] BOUNDARIES;
    /** c₀, c₁, c₂ per segment; the continuations have c₁ = c₂ = 0. */
    private static final double[][] COEFFICIENTS = new double[SEGMENTS][];

    static {
        double[][] rows = AtomicDataFile.numbers("morrison_mccammon_1983.txt", 5);
        if (rows.length != SEGMENTS - 2) {
            throw new IllegalStateException("morrison_mccammon_1983.txt holds " + rows.length + " ranges, expected " + (SEGMENTS - 2));
        }
        BOUNDARIES = new double[rows.length + 1];
        for (int r = 0; r < rows.length; r++) {
            if (r > 0 && rows[r][0] != rows[r - 1][1]) {
                throw new IllegalStateException("morrison_mccammon_1983.txt: range " + (r + 1) + " does not start where range " + r + " ends");
            }
            BOUNDARIES[r] = rows[r][0];
            COEFFICIENTS[r + 1] = new double[] {rows[r][2], rows[r][3], rows[r][4]};
        }
        BOUNDARIES[rows.length] = rows[rows.length - 1][1];
        COEFFICIENTS[0] = new double[] {numerator(1, BOUNDARIES[0]), 0, 0};
        COEFFICIENTS[SEGMENTS - 1] = new double[] {numerator(SEGMENTS - 2, BOUNDARIES[rows.length]), 0, 0};
    }

    private MorrisonMcCammon() {
    }

    /** σ(E) in cm² per H at {@code keV}. */
    public static double crossSection(double keV) {
        return crossSection(segment(keV), keV);
    }

    /** The segment holding {@code keV}: the number of boundaries at or below it. */
    public static int segment(double keV) {
        int s = 0;
        while (s < BOUNDARIES.length && BOUNDARIES[s] <= keV) {
            s++;
        }
        return s;
    }

    /** σ(E) in cm² per H with the law of segment {@code segment}, wherever E lies. */
    public static double crossSection(int segment, double keV) {
        if (keV < CUTOFF) {
            return 0.0;
        }
        return numerator(segment, keV) / (keV * keV * keV) * BARN_CM2;
    }

    /** The boundary between segments {@code i} and {@code i + 1}, keV, for i = 0..14. */
    public static double boundary(int i) {
        return BOUNDARIES[i];
    }

    private static double numerator(int segment, double keV) {
        double[] c = COEFFICIENTS[segment];
        return c[0] + keV * (c[1] + keV * c[2]);
    }
}
