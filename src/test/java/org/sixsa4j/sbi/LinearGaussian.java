package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * sbi's linear Gaussian benchmark task: x = θ − 1 + ε with ε ~ N(0, 0.3 I), whose posterior is
 * known in closed form. Under the prior N(0, I) it is N((x + 1)/1.3, (0.3/1.3) I); under U(−2, 2)
 * in each coordinate it is N(x + 1, 0.3 I) truncated to the box.
 */
final class LinearGaussian {
    static final double NOISE_VARIANCE = 0.3;
    private static final double POSTERIOR_VARIANCE = NOISE_VARIANCE / (1 + NOISE_VARIANCE);

    final int dimension;
    final boolean uniformPrior;
    final JointPrior prior;

    private LinearGaussian(int dimension, boolean uniformPrior) {
        this.dimension = dimension;
        this.uniformPrior = uniformPrior;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            names.add("theta" + i);
        }
        Prior one = uniformPrior ? Priors.uniform(-2, 2) : Priors.normal(0, 1);
        this.prior = JointPrior.of(names, Collections.nCopies(dimension, one));
    }

    static LinearGaussian gaussianPrior(int dimension) {
        return new LinearGaussian(dimension, false);
    }

    static LinearGaussian uniformPrior(int dimension) {
        return new LinearGaussian(dimension, true);
    }

    double[] simulate(double[] theta, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = theta[i] - 1 + Math.sqrt(NOISE_VARIANCE) * normal.sample();
        }
        return x;
    }

    /** {@code n} pairs with θ from {@code proposal}. */
    Simulations simulations(ParameterDistribution proposal, int n, UniformRandomProvider rng) {
        double[][] theta = proposal.sample(n, rng);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = simulate(theta[i], rng);
        }
        return Simulations.of(theta, x);
    }

    double posteriorMean(double x) {
        return uniformPrior ? x + 1 : (x + 1) / (1 + NOISE_VARIANCE);
    }

    double posteriorSd() {
        return Math.sqrt(uniformPrior ? NOISE_VARIANCE : POSTERIOR_VARIANCE);
    }

    /** Exact posterior draws at x (by rejection from the untruncated normal under the uniform prior). */
    double[][] posteriorSamples(double[] x, int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] out = new double[n][dimension];
        for (double[] row : out) {
            for (int i = 0; i < dimension; i++) {
                double v;
                do {
                    v = posteriorMean(x[i]) + posteriorSd() * normal.sample();
                } while (uniformPrior && (v < -2 || v > 2));
                row[i] = v;
            }
        }
        return out;
    }

    /** The exact log posterior density at θ (the truncated normal's normalisation included). */
    double logPosterior(double[] theta, double[] x) {
        double sum = 0;
        double sd = posteriorSd();
        for (int i = 0; i < dimension; i++) {
            double mean = posteriorMean(x[i]);
            if (uniformPrior) {
                if (theta[i] < -2 || theta[i] > 2) {
                    return Double.NEGATIVE_INFINITY;
                }
                NormalDistribution nd = NormalDistribution.of(mean, sd);
                sum -= Math.log(nd.cumulativeProbability(2) - nd.cumulativeProbability(-2));
            }
            double z = (theta[i] - mean) / sd;
            sum += -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
        }
        return sum;
    }
}
