package org.sixsa4j.sample.nested;

import java.util.ArrayList;
import java.util.List;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;
import org.sixsa4j.sbi.Prior;
import org.sixsa4j.sbi.Priors;

/**
 * A normalised multivariate normal density N(θ; μ, Σ) as a likelihood, so that under a uniform
 * prior on a box that holds almost all its mass, Z = (mass in the box) / (box volume).
 */
final class Gaussian implements LogDensity {
    private final double[] mean;
    private final double[][] covariance;
    private final double[][] lower;
    private final double logNorm;

    Gaussian(double[] mean, double[][] covariance) {
        int d = mean.length;
        this.mean = mean.clone();
        this.covariance = covariance;
        this.lower = new double[d][d];
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = covariance[i][j];
                for (int k = 0; k < j; k++) {
                    s -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = i == j ? Math.sqrt(s) : s / lower[j][j];
            }
            logDet += 2 * Math.log(lower[i][i]);
        }
        this.logNorm = -0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDet;
    }

    /** Covariance σ_i σ_j ρ^|i−j|: every pair correlated, neighbours most. */
    static Gaussian correlated(double[] mean, double[] sigma, double rho) {
        int d = mean.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = sigma[i] * sigma[j] * Math.pow(rho, Math.abs(i - j));
            }
        }
        return new Gaussian(mean, c);
    }

    @Override
    public double value(double[] theta) {
        int d = mean.length;
        double[] w = new double[d];
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = theta[i] - mean[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i][k] * w[k];
            }
            w[i] = s / lower[i][i];
            q += w[i] * w[i];
        }
        return logNorm - 0.5 * q;
    }

    double[] mean() {
        return mean.clone();
    }

    double[][] covariance() {
        return covariance;
    }

    /** Uniform priors on [lo, hi] for each of {@code d} parameters x0, x1, … */
    static JointPrior box(int d, double lo, double hi) {
        List<String> names = new ArrayList<>();
        List<Prior> priors = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            names.add("x" + i);
            priors.add(Priors.uniform(lo, hi));
        }
        return JointPrior.of(names, priors);
    }
}
