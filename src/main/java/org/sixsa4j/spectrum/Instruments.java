package org.sixsa4j.spectrum;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.sixsa4j.internal.numeric.NormalProbability;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.Rmf;

/**
 * Builders of OGIP responses for instruments that are not at hand: Gaussian redistribution
 * matrices and effective-area curves, and the two synthetic instruments embedded for the demo
 * and the tests.
 *
 * <p>A Gaussian matrix gives the probability that a photon of energy E (the centre of its input
 * bin) is recorded in channel [lo, hi]: ½[erfc((lo − E)/(σ√2)) − erfc((hi − E)/(σ√2))]
 * ({@link NormalProbability}) with
 * σ = FWHM(E) / (2√(2 ln 2)). Channels farther than {@value #SIGMAS} σ from E are left out: the
 * probability beyond is 2.6e-12.
 */
public final class Instruments {
    /** Half-width of the kept band of channels, in standard deviations. */
    public static final double SIGMAS = 7.0;

    /** FWHM = SIGMA_TO_FWHM × σ for a Gaussian. */
    private static final double SIGMA_TO_FWHM = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    private Instruments() {
    }

    /**
     * A Gaussian redistribution matrix.
     *
     * @param input the input energy grid (ENERG_LO/ENERG_HI)
     * @param channels the channel bounds (EBOUNDS), increasing
     * @param firstChannel the number of the first channel (1 by OGIP custom)
     * @param fwhmKeV the full width at half maximum in keV as a function of energy in keV
     */
    public static Rmf gaussianRmf(EnergyGrid input, EnergyGrid channels, int firstChannel, DoubleUnaryOperator fwhmKeV) {
        int ne = input.size();
        int nc = channels.size();
        double[] lo = channels.lows();
        double[] hi = channels.highs();
        int[] rowStart = new int[ne + 1];
        int[] index = new int[Math.max(16, ne * 8)];
        double[] value = new double[index.length];
        int n = 0;
        for (int e = 0; e < ne; e++) {
            double energy = input.centre(e);
            double sigma = fwhmKeV.applyAsDouble(energy) / SIGMA_TO_FWHM;
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("FWHM at " + energy + " keV is " + sigma * SIGMA_TO_FWHM + " keV; it must be positive");
            }
            int c = firstAbove(hi, energy - SIGMAS * sigma);
            double scale = 1.0 / (sigma * Math.sqrt(2.0));
            for (; c < nc && lo[c] <= energy + SIGMAS * sigma; c++) {
                double p = NormalProbability.ofStandardised((lo[c] - energy) * scale, (hi[c] - lo[c]) * scale);
                if (p > 0) {
                    if (n == index.length) {
                        index = Arrays.copyOf(index, 2 * n);
                        value = Arrays.copyOf(value, 2 * n);
                    }
                    index[n] = c;
                    value[n++] = p;
                }
            }
            rowStart[e + 1] = n;
        }
        return new Rmf(null, "MATRIX", input.lows(), input.highs(), firstChannel, lo, hi, rowStart,
                Arrays.copyOf(index, n), Arrays.copyOf(value, n), false, null, null, "PI");
    }

    /** The first index whose upper bound exceeds {@code x}. */
    private static int firstAbove(double[] upper, double x) {
        int k = Arrays.binarySearch(upper, x);
        return k >= 0 ? k + 1 : -k - 1;
    }

    /** An ARF from an effective-area curve in cm², evaluated at the centre of each bin. */
    public static Arf arf(EnergyGrid input, DoubleUnaryOperator areaCm2) {
        double[] area = new double[input.size()];
        for (int e = 0; e < area.length; e++) {
            area[e] = areaCm2.applyAsDouble(input.centre(e));
            if (!(area[e] >= 0) || !Double.isFinite(area[e])) {
                throw new IllegalArgumentException("effective area at " + input.centre(e) + " keV is " + area[e]);
            }
        }
        return new Arf(null, input.lows(), input.highs(), area, null, null);
    }

    /**
     * An ARF interpolated linearly in energy from a table of (energy keV, area cm²), constant
     * beyond the first and last points.
     */
    public static Arf arfFromTable(EnergyGrid input, double[] energyKeV, double[] areaCm2) {
        if (energyKeV.length != areaCm2.length || energyKeV.length == 0) {
            throw new IllegalArgumentException("the area table needs matching, non-empty columns");
        }
        for (int i = 1; i < energyKeV.length; i++) {
            if (!(energyKeV[i] > energyKeV[i - 1])) {
                throw new IllegalArgumentException("area table energies must increase: row " + i);
            }
        }
        return arf(input, energy -> interpolate(energyKeV, areaCm2, energy));
    }

    private static double interpolate(double[] x, double[] y, double at) {
        if (at <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (at >= x[last]) {
            return y[last];
        }
        int k = Arrays.binarySearch(x, at);
        if (k >= 0) {
            return y[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double t = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    /**
     * A CCD-like instrument: 25 eV channels from 0.1 to 12.1 keV, resolution
     * FWHM(E) = √(0.05² + 0.12² E/6) keV (130 eV at 6 keV, the Fano-limited √E growth of a CCD
     * over a 50 eV read-noise floor), a smooth effective area peaking near 450 cm² at 1.5 keV,
     * and 10 eV input bins from 0.1 to 15 keV. Noticed over 0.3–10 keV it has 388 channels.
     */
    public static SyntheticInstrument ccd() {
        EnergyGrid input = EnergyGrid.linear(0.1, 15.0, 1490);
        EnergyGrid channels = EnergyGrid.linear(0.1, 12.1, 480);
        Rmf rmf = gaussianRmf(input, channels, 1, e -> Math.sqrt(0.05 * 0.05 + 0.12 * 0.12 * e / 6.0));
        Arf arf = arf(input, e -> 30.0 + 420.0 * Math.exp(-0.5 * square(Math.log(e / 1.5) / 0.9)));
        return new SyntheticInstrument("ccd", "CCD-like: 130 eV FWHM at 6 keV, 480 channels of 25 eV", rmf, arf, 0.3, 10.0);
    }

    /**
     * An X-IFU-like microcalorimeter: 0.5 eV channels from 0.2 to 12 keV (23 600 channels),
     * constant 2.5 eV FWHM, the same grid for input energies, and a smooth effective area
     * peaking near 1500 cm² at 1.2 keV. Noticed over 0.3–12 keV.
     */
    public static SyntheticInstrument xifu() {
        EnergyGrid grid = EnergyGrid.linear(0.2, 12.0, 23600);
        Rmf rmf = gaussianRmf(grid, grid, 1, e -> 0.0025);
        Arf arf = arf(grid, e -> 1500.0 * Math.exp(-0.5 * square(Math.log(e / 1.2))));
        return new SyntheticInstrument("xifu", "X-IFU-like: 2.5 eV FWHM, 23 600 channels of 0.5 eV", rmf, arf, 0.3, 12.0);
    }

    private static double square(double x) {
        return x * x;
    }
}
