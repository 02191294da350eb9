package org.sixsa4j.sample;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sixsa4j.sbi.LogDensity;

/**
 * A multivariate Gaussian log-density with mean μ and covariance Σ = L Lᵀ, L lower-triangular:
 * log p = −½ |L⁻¹(θ − μ)|², by forward substitution, up to its constant. It also draws exact
 * samples, μ + L z with z standard normal, so that samplers can be checked against them.
 */
public class GaussianLikelihood implements LogDensity {
    private final double[] mean;
    private final double[][] factor;

    /** The Gaussian of mean {@code mean} and covariance {@code factor factorᵀ}. */
    public GaussianLikelihood(double[] mean, double[][] factor) {
        this.mean = mean.clone();
        this.factor = factor.clone();
    }

    /** The dimension. */
    public int dimension() {
        return mean.length;
    }

    /** Σ_ij = Σ_k L_ik L_jk. */
    public double covariance(int i, int j) {
        double sum = 0;
        for (int k = 0; k < mean.length; k++) {
            sum += factor[i][k] * factor[j][k];
        }
        return sum;
    }

    @Override
    public double value(double[] theta) {
        double[] u = new double[mean.length];
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            double r = theta[i] - mean[i];
            for (int k = 0; k < i; k++) {
                r -= factor[i][k] * u[k];
            }
            u[i] = r / factor[i][i];
            sum += u[i] * u[i];
        }
        return -0.5 * sum;
    }

    /** {@code n} independent draws, from a generator seeded with {@code seed}. */
    public double[][] draw(int n, long seed) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double[][] x = new double[n][mean.length];
        double[] e = new double[mean.length];
        for (double[] row : x) {
            for (int i = 0; i < e.length; i++) {
                e[i] = z.sample();
            }
            for (int i = 0; i < mean.length; i++) {
                row[i] = mean[i];
                for (int k = 0; k <= i; k++) {
                    row[i] += factor[i][k] * e[k];
                }
            }
        }
        return x;
    }
}
