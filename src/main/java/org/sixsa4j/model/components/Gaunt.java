package org.sixsa4j.model.components;

/**
 * The thermally averaged free–free Gaunt factor that XSPEC's {@code bremss} uses, for one ion
 * charge Z at a temperature set by {@link #temperature}. With u = E/kT and
 * γ² = Z² Ry / kT (Ry = 0.01358 keV, XSPEC's value), as in XSPEC's gaunt routine:
 * <ul>
 * <li>γ² &lt; 0.001: the Born approximation g_B = 0.5513 e^(u/2) K₀(u/2), K₀ from the polynomial
 * fits of Abramowitz &amp; Stegun 9.8.1, 9.8.5 and 9.8.6;</li>
 * <li>0.001 ≤ γ² ≤ 0.1: g_B times the quadratic-in-u corrections that Kellogg, Baldwin &amp; Koch
 * (1975, ApJ 199, 299) fitted to the Karzas &amp; Latter (1961, ApJS 6, 167) values, in six bands
 * of u, interpolated linearly between seven columns of 1000 γ², with the corrections by
 * L. Molnar and J. Hughes that XSPEC applies (four coefficients of the last column), and u
 * below 0.003 taken as 0.003 in the correction;</li>
 * <li>γ² &gt; 0.1: R. Kurucz's table in log γ² and log u, interpolated bilinearly (0 for
 * γ² ≥ 100 or u ≥ 10^1.5), as supplied to XSPEC by L. Molnar.</li>
 * </ul>
 * The factor is 0 for u &gt; 50, as in XSPEC. Not thread-safe (it holds the temperature).
 */
final class Gaunt {
    /** Rydberg energy in keV, as XSPEC writes it. */
    private static final double RYDBERG = 0.01358;
    /** √3/π rounded as in XSPEC. */
    private static final double BORN = 0.5513;
    private static final double LN10 = Math.log(10);
    private static final double LN4 = Math.log(4);

    /** Lower edges of the columns of 1000 γ² and their widths (Kellogg et al. 1975). */
    private static final double[] COLUMN_START = {1, 1.7783, 3, 5.6234, 10, 30};
    private static final double[] COLUMN_WIDTH = {0.7783, 1.2217, 2.6234, 4.3766, 20, 70};

    /** Upper edges of the bands of u, and of the columns (XSPEC's 1.773 for the first). */
    private static final double[] BAND_END = {0.03, 0.30, 1.0, 5.0, 15.0};
    private static final double[] COLUMN_END = {1.773, 3.0, 5.6234, 10, 30};

    /** The correction a0 + a1 u + a2 u² by [column m = 0..6][band n = 0..5][power]. */
    private static final double[][][] CORRECTION = {
        {{1.001, .3029, -1.323}, {1.004, .1616, -.254}, {1.017, .04757, -.01571},
         {1.036, .013, -.001}, {1.056, .0049, -.000184}, {1.121, -.0032, .00008}},
        {{1.001, .4905, -4.762}, {1.005, .2155, -.3386}, {1.017, .08357, -.03571},
         {1.046, .02041, -.001786}, {1.073, .00739, -.0003}, {1.115, .00029, .00001}},
        {{.9991, .654, -6.349}, {1.005, .2833, -.4206}, {1.03, .08057, -.02571},
         {1.055, .03257, -.003429}, {1.102, .00759, -.000234}, {1.176, -.00151, .00005}},
        {{.997, 1.029, -13.231}, {1.005, .391, -.59}, {1.035, .1266, -.04571},
         {1.069, .05149, -.005714}, {1.134, .01274, -.000445}, {1.186, .00324, -.00004}},
        {{.9962, .9569, -7.672}, {1.004, .4891, -.6852}, {1.042, .1764, -.0643},
         {1.1, .05914, -.005857}, {1.193, .01407, -.00042}, {1.306, -.00024, .00004}},
        {{.9874, 1.236, -7.143}, {.9962, .7579, -.9947}, {1.047, .326, -.12},
         {1.156, .1077, -.01007}, {1.327, .028, -.000851}, {1.485, .00548, -.00004}},
        {{.9681, 1.327, -3.175}, {.9755, 1.017, -1.116}, {1.020, .6017, -.2270},
         {1.208, .205, -.01821}, {1.525, .0605, -.001729}, {1.965, .00187, .00023}},
    };

    /** Kurucz's Gaunt factors by [log u step k = 0..11][log γ² step j = 0..6]: u = 10^((k−8)/2), γ² = 10^((j−2)/2). */
    private static final double[][] KURUCZ = {
        {5.40, 5.25, 5.00, 4.69, 4.48, 4.16, 3.85},
        {4.77, 4.63, 4.40, 4.13, 3.87, 3.52, 3.27},
        {4.15, 4.02, 3.80, 3.57, 3.27, 2.98, 2.70},
        {3.54, 3.41, 3.22, 2.97, 2.70, 2.45, 2.20},
        {2.94, 2.81, 2.65, 2.44, 2.21, 2.01, 1.81},
        {2.41, 2.32, 2.19, 2.02, 1.84, 1.67, 1.50},
        {1.95, 1.90, 1.80, 1.68, 1.52, 1.41, 1.30},
        {1.55, 1.56, 1.51, 1.42, 1.33, 1.25, 1.17},
        {1.17, 1.30, 1.32, 1.30, 1.20, 1.15, 1.11},
        {0.86, 1.00, 1.15, 1.18, 1.15, 1.11, 1.08},
        {0.59, 0.76, 0.97, 1.09, 1.13, 1.10, 1.08},
        {0.38, 0.53, 0.76, 0.96, 1.08, 1.09, 1.09},
    };

    /** Where the factor, or its derivative, jumps: u of the band edges, the Born branches and the cut-off. */
    private static final double[] BORN_BREAKS = {4, 50};
    private static final double[] BAND_BREAKS = {0.003, 0.03, 0.3, 1, 4, 5, 15, 50};
    private static final double[] KURUCZ_BREAKS = kuruczBreaks();

    private enum Regime { BORN, BANDS, KURUCZ }

    private final double chargeSquared;
    private Regime regime;
    /** Column and interpolation weight in 1000 γ² (bands regime). */
    private int column;
    private double weight;
    /** Row and interpolation weight in log γ² (Kurucz regime), or row −1 for a zero factor. */
    private int row;
    private double rowWeight;

    Gaunt(int charge) {
        this.chargeSquared = (double) charge * charge;
    }

    /** Sets kT in keV (&gt; 0). */
    void temperature(double kT) {
        double gamma2 = chargeSquared * RYDBERG / kT;
        if (gamma2 > 0.1) {
            regime = Regime.KURUCZ;
            double position = 2 * Math.log10(gamma2) + 3;
            row = (int) position;
            rowWeight = (Math.log10(gamma2) - (row - 3) / 2.0) / 0.5;
            row = row >= 7 ? -1 : row - 1;
        } else if (gamma2 < 0.001) {
            regime = Regime.BORN;
        } else {
            regime = Regime.BANDS;
            double g = 1000 * gamma2;
            column = 0;
            while (column < COLUMN_END.length && g > COLUMN_END[column]) {
                column++;
            }
            weight = (g - COLUMN_START[column]) / COLUMN_WIDTH[column];
        }
    }

    /** The u at which this factor has a jump or a kink. */
    double[] breaks() {
        switch (regime) {
            case KURUCZ:
                return KURUCZ_BREAKS;
            case BANDS:
                return BAND_BREAKS;
            default:
                return BORN_BREAKS;
        }
    }

    /**
     * The Gaunt factor at u = E/kT.
     *
     * @param logU ln u
     * @param born {@link #born} at u
     */
    double value(double u, double logU, double born) {
        if (!(u <= 50) || u <= 0) {
            return 0.0;
        }
        switch (regime) {
            case BORN:
                return born;
            case BANDS:
                return bands(u) * born;
            default:
                return kurucz(logU / LN10);
        }
    }

    private double bands(double u) {
        double v = Math.max(u, 0.003);
        int band = 0;
        while (band < BAND_END.length && v > BAND_END[band]) {
            band++;
        }
        double[] a = CORRECTION[column][band];
        double[] b = CORRECTION[column + 1][band];
        return (1 - weight) * (a[0] + v * (a[1] + v * a[2])) + weight * (b[0] + v * (b[1] + v * b[2]));
    }

    private double kurucz(double log10U) {
        if (row < 0) {
            return 0.0;
        }
        double position = 2 * log10U + 9;
        // Fortran INT truncates toward zero; below u = 1e-4 the first column is extrapolated.
        int k = Math.max((int) position, 1);
        if (k >= 12) {
            return 0.0;
        }
        double s = (log10U - (k - 9) / 2.0) / 0.5;
        double[] lowU = KURUCZ[k - 1];
        double[] highU = KURUCZ[k];
        return (1 - rowWeight) * (1 - s) * lowU[row] + rowWeight * (1 - s) * lowU[row + 1]
                + rowWeight * s * highU[row + 1] + (1 - rowWeight) * s * highU[row];
    }

    /**
     * The Born approximation 0.5513 e^(u/2) K₀(u/2).
     *
     * @param logU ln u
     * @param expMinusU e^(−u), from which e^(u/2) = 1/√(e^(−u)) is taken for u ≤ 4
     */
    static double born(double u, double logU, double expMinusU) {
        double quarter = 0.25 * u;
        if (quarter <= 1) {
            double t = 0.5 * u / 3.75;
            double t2 = t * t;
            double i0 = 1 + t2 * (3.5156229 + t2 * (3.0899424 + t2 * (1.2067492 + t2 * (0.2659732 + t2 * (0.0360768 + t2 * 0.0045813)))));
            double q = quarter * quarter;
            double k0 = -(logU - LN4) * i0 - 0.57721566
                    + q * (0.42278420 + q * (0.23069756 + q * (0.03488590 + q * (0.00262698 + q * (0.00010750 + q * 0.0000074)))));
            return BORN * k0 / Math.sqrt(expMinusU);
        }
        double w = 1 / quarter;
        double k0Scaled = 1.25331414 + w * (-0.07832358 + w * (0.02189568 + w * (-0.01062446
                + w * (0.00587872 + w * (-0.00251540 + w * 0.00053208)))));
        return BORN * k0Scaled / Math.sqrt(0.5 * u);
    }

    private static double[] kuruczBreaks() {
        double[] b = new double[12];
        for (int k = 1; k <= 12; k++) {
            b[k - 1] = Math.pow(10, (k - 9) / 2.0);
        }
        double[] all = new double[b.length + 2];
        System.arraycopy(b, 0, all, 0, b.length);
        all[b.length] = 4;
        all[b.length + 1] = 50;
        java.util.Arrays.sort(all);
        return all;
    }
}
