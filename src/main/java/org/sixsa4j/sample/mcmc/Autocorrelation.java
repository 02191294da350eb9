package org.sixsa4j.sample.mcmc;

import java.util.Arrays;

/**
 * The integrated autocorrelation time τ of an ensemble's chains, estimated as emcee does
 * (Foreman-Mackey et al. 2013, PASP 125, 306; emcee's {@code autocorr.integrated_time}): the
 * normalised autocorrelation function ρ̂(k) of each walker's chain is averaged over walkers, and
 * τ(M) = 1 + 2 Σ<sub>k=1..M</sub> ρ̄(k) is read at Sokal's automatic window, the smallest M with
 * M ≥ c τ(M) (Sokal 1989, "Monte Carlo methods in statistical mechanics", lecture notes; c = 5
 * as Goodman &amp; Weare 2010 and emcee use). Summing the noisy tail of ρ̄ would add variance
 * without information, and a window of a few τ loses only e<sup>−c</sup> of an exponential
 * autocorrelation. An estimate is trustworthy only when the chain is many τ long (emcee asks for
 * 50); {@link Convergence} enforces that.
 *
 * <p>τ is in units of the series' own steps (kept steps when the chain was thinned).
 */
public final class Autocorrelation {
    /** Sokal's window factor c. */
    public static final double WINDOW_FACTOR = 5;

    private Autocorrelation() {
    }

    /**
     * The normalised autocorrelation ρ̂(k) = ĉ(k)/ĉ(0), k = 0..n−1, with ĉ(k) = (1/n)
     * Σ<sub>t&lt;n−k</sub> (x<sub>t</sub> − x̄)(x<sub>t+k</sub> − x̄), computed by FFT in O(n log n);
     * NaN throughout for a constant series.
     */
    public static double[] function(double[] series) {
        return function(series, new Fft(paddedLength(series.length)));
    }

    /**
     * τ of the walkers' chains of one parameter, with c = {@value #WINDOW_FACTOR}.
     *
     * @param chains [walker][step], all of one length n ≥ 1
     * @return τ; NaN when some walker's chain is constant (a walker that never moved)
     */
    public static double integratedTime(double[][] chains) {
        return integratedTime(chains, WINDOW_FACTOR);
    }

    /** τ as {@link #integratedTime(double[][])} with window factor c. */
    public static double integratedTime(double[][] chains, double c) {
        int n = chains[0].length;
        Fft fft = new Fft(paddedLength(n));
        double[] mean = new double[n];
        for (double[] chain : chains) {
            if (chain.length != n) {
                throw new IllegalArgumentException("chains of lengths " + n + " and " + chain.length);
            }
            double[] rho = function(chain, fft);
            for (int k = 0; k < n; k++) {
                mean[k] += rho[k] / chains.length;
            }
        }
        double[] tau = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += mean[k];
            tau[k] = 2 * sum - 1;
        }
        return Double.isNaN(tau[0]) ? Double.NaN : tau[sokalWindow(tau, c)];
    }

    /**
     * The smallest M with M ≥ c·τ(M), or the last lag when τ stays above M/c throughout (then the
     * chain is too short for τ, and τ is underestimated).
     *
     * @param tau τ(M) for M = 0, 1, ...
     */
    static int sokalWindow(double[] tau, double c) {
        for (int m = 0; m < tau.length; m++) {
            if (m >= c * tau[m]) {
                return m;
            }
        }
        return tau.length - 1;
    }

    /**
     * Zero-padding to at least 2n makes the FFT's circular correlation equal the linear one for
     * every lag below n; a power of two keeps the transform radix-2.
     */
    private static int paddedLength(int n) {
        return Integer.highestOneBit(Math.max(1, 2 * n - 1)) << 1;
    }

    private static double[] function(double[] series, Fft fft) {
        int n = series.length;
        double[] rho = new double[n];
        if (isConstant(series)) {
            // Tested directly: the rounding of the mean would leave a tiny non-zero ĉ(0) and a meaningless ρ̂.
            Arrays.fill(rho, Double.NaN);
            return rho;
        }
        double mean = 0;
        for (double x : series) {
            mean += x;
        }
        mean /= n;
        double[] re = new double[fft.size()];
        double[] im = new double[fft.size()];
        for (int t = 0; t < n; t++) {
            re[t] = series[t] - mean;
        }
        fft.transform(re, im);
        for (int m = 0; m < re.length; m++) {
            re[m] = re[m] * re[m] + im[m] * im[m];
        }
        Arrays.fill(im, 0);
        // The power spectrum is real and even, so its forward transform is real and equals the
        // inverse transform times the length: that factor cancels in ĉ(k)/ĉ(0).
        fft.transform(re, im);
        for (int k = 0; k < n; k++) {
            rho[k] = re[k] / re[0];
        }
        return rho;
    }

    private static boolean isConstant(double[] series) {
        for (double x : series) {
            if (x != series[0]) {
                return false;
            }
        }
        return true;
    }
}
