package org.sixsa4j.sample.mcmc;

import org.sixsa4j.sbi.LogDensity;

/**
 * A five-parameter Gaussian with mean μ and covariance Σ = L Lᵀ, for a lower-triangular L with
 * strong correlations and scales from 0.05 to 4: log p = −½ |L⁻¹(θ − μ)|², by forward
 * substitution.
 */
final class CorrelatedGaussian implements LogDensity {
    static final double[] MEAN = {1, -2, 3, 0.5, 100};
    private static final double[][] L = {
        {1, 0, 0, 0, 0},
        {0.9, 0.5, 0, 0, 0},
        {-2, 1, 3, 0, 0},
        {0.1, 0.2, -0.3, 0.05, 0},
        {10, -5, 2, 1, 4},
    };

    /** Σ_ij = Σ_k L_ik L_jk. */
    static double covariance(int i, int j) {
        double sum = 0;
        for (int k = 0; k < L.length; k++) {
            sum += L[i][k] * L[j][k];
        }
        return sum;
    }

    @Override
    public double value(double[] theta) {
        double[] u = new double[MEAN.length];
        double sum = 0;
        for (int i = 0; i < MEAN.length; i++) {
            double r = theta[i] - MEAN[i];
            for (int k = 0; k < i; k++) {
                r -= L[i][k] * u[k];
            }
            u[i] = r / L[i][i];
            sum += u[i] * u[i];
        }
        return -0.5 * sum;
    }
}
