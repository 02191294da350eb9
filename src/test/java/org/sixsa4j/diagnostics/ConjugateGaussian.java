package org.sixsa4j.diagnostics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * An exactly known posterior for calibration tests: θ ~ N(0, I<sub>d</sub>), x = θ + N(0, σ²
 * I<sub>d</sub>), so the posterior is N(x/(1 + σ²), s² I<sub>d</sub>) with s² = σ²/(1 + σ²). The
 * "approximate" posterior q of each run is N(x/(1 + σ²) + shift·s, (width·s)² I<sub>d</sub>): width 1
 * and shift 0 make it exact, width 0.5 too narrow, shift 1 biased by one posterior standard deviation.
 */
record ConjugateGaussian(double[][] truth, double[][][] samples, double[] logQAtTruth, double[][] logQOfSamples) {
    static final double NOISE_VARIANCE = 0.5;

    static ConjugateGaussian draw(int runs, int samplesPerRun, int d, double width, double shift, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double s = Math.sqrt(NOISE_VARIANCE / (1 + NOISE_VARIANCE));
        double[][] truth = new double[runs][d];
        double[][][] samples = new double[runs][samplesPerRun][d];
        double[] logQAtTruth = new double[runs];
        double[][] logQOfSamples = new double[runs][samplesPerRun];
        for (int i = 0; i < runs; i++) {
            double[] centre = new double[d];
            for (int j = 0; j < d; j++) {
                truth[i][j] = z.sample();
                double x = truth[i][j] + Math.sqrt(NOISE_VARIANCE) * z.sample();
                centre[j] = x / (1 + NOISE_VARIANCE) + shift * s;
            }
            double sd = width * s;
            for (int l = 0; l < samplesPerRun; l++) {
                for (int j = 0; j < d; j++) {
                    samples[i][l][j] = centre[j] + sd * z.sample();
                }
                logQOfSamples[i][l] = logDensity(samples[i][l], centre, sd);
            }
            logQAtTruth[i] = logDensity(truth[i], centre, sd);
        }
        return new ConjugateGaussian(truth, samples, logQAtTruth, logQOfSamples);
    }

    /** log N(θ; centre, sd² I) up to a constant, which the coverage does not need. */
    private static double logDensity(double[] theta, double[] centre, double sd) {
        double sum = 0;
        for (int j = 0; j < theta.length; j++) {
            double u = (theta[j] - centre[j]) / sd;
            sum += u * u;
        }
        return -0.5 * sum;
    }
}
