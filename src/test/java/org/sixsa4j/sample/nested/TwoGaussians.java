package org.sixsa4j.sample.nested;

import org.sixsa4j.sbi.LogDensity;

/**
 * A mixture w N(θ; a, σ²I) + (1 − w) N(θ; b, σ²I) of two normalised isotropic Gaussians: under a
 * uniform prior on the unit cube that holds both, Z = 1 and a fraction w of the posterior lies
 * in the first mode.
 */
final class TwoGaussians implements LogDensity {
    private final double weight;
    private final double[] first;
    private final double[] second;
    private final double sigma;

    TwoGaussians(double weight, double[] first, double[] second, double sigma) {
        this.weight = weight;
        this.first = first.clone();
        this.second = second.clone();
        this.sigma = sigma;
    }

    @Override
    public double value(double[] theta) {
        double a = Math.log(weight) + logNormal(theta, first);
        double b = Math.log(1 - weight) + logNormal(theta, second);
        return LogSpace.add(a, b);
    }

    private double logNormal(double[] theta, double[] centre) {
        double q = 0;
        for (int i = 0; i < theta.length; i++) {
            double t = (theta[i] - centre[i]) / sigma;
            q += t * t;
        }
        return -0.5 * q - theta.length * (Math.log(sigma) + 0.5 * Math.log(2 * Math.PI));
    }
}
