package org.sixsa4j.compress;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A two-parameter family of Poisson spectra for the auto-encoder tests: power laws
 * μ_j = 10^a · 1000 · ΔE_j · E_j^(−Γ) on 100 bins log-spaced over 0.3–10 keV, with the photon
 * index Γ uniform on [1, 3] and the log normalisation a uniform on [−0.5, 0.5]. Bins hold from
 * about 0.1 to 1000 expected counts, so the family spans the Gaussian and the Poisson regimes,
 * with empty bins at the hard end of steep spectra.
 *
 * @param counts Poisson counts, spectra × bins
 * @param expected the expected counts μ, spectra × bins
 * @param parameters (Γ, a) of each spectrum
 */
record PowerLawSpectra(double[][] counts, double[][] expected, double[][] parameters) {

    static final int BINS = 100;
    static final double LOW_KEV = 0.3;
    static final double HIGH_KEV = 10;

    static PowerLawSpectra draw(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] counts = new double[n][BINS];
        double[][] expected = new double[n][BINS];
        double[][] parameters = new double[n][];
        for (int i = 0; i < n; i++) {
            double index = 1 + 2 * rng.nextDouble();
            double logNorm = rng.nextDouble() - 0.5;
            parameters[i] = new double[] {index, logNorm};
            for (int j = 0; j < BINS; j++) {
                double low = edge(j);
                double high = edge(j + 1);
                double mid = Math.sqrt(low * high);
                double mu = Math.pow(10, logNorm) * 1000 * (high - low) * Math.pow(mid, -index);
                expected[i][j] = mu;
                counts[i][j] = PoissonSampler.of(rng, mu).sample();
            }
        }
        return new PowerLawSpectra(counts, expected, parameters);
    }

    /** Edge {@code j} of the log-spaced grid, in keV. */
    static double edge(int j) {
        return LOW_KEV * Math.pow(HIGH_KEV / LOW_KEV, (double) j / BINS);
    }
}
