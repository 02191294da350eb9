package org.sixsa4j.sbi;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A normalised distribution over parameter vectors that can be sampled: a prior, a prior
 * restricted to a region (by a classifier or by a flow's highest-density region), or a posterior.
 * Simulations are drawn from one of these, and importance weights divide by its density.
 */
public interface ParameterDistribution {

    /** The dimension of θ. */
    int dimension();

    /** The normalised log-density at {@code theta}; −∞ where the distribution puts no mass. */
    double logDensity(double[] theta);

    /**
     * The log-density at each row of {@code theta}; distributions that evaluate a network
     * override it to evaluate all rows in one pass.
     */
    default double[] logDensity(double[][] theta) {
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = logDensity(theta[i]);
        }
        return out;
    }

    /** {@code n} independent draws, one row each, from the stream {@code rng}. */
    double[][] sample(int n, UniformRandomProvider rng);
}
