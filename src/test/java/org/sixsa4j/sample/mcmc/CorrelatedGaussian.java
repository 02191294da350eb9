package org.sixsa4j.sample.mcmc;

import org.sixsa4j.sample.GaussianLikelihood;

/** A five-parameter Gaussian with strong correlations and scales from 0.05 to 4. */
final class CorrelatedGaussian extends GaussianLikelihood {
    static final double[] MEAN = {1, -2, 3, 0.5, 100};
    private static final double[][] L = {
        {1, 0, 0, 0, 0},
        {0.9, 0.5, 0, 0, 0},
        {-2, 1, 3, 0, 0},
        {0.1, 0.2, -0.3, 0.05, 0},
        {10, -5, 2, 1, 4},
    };

    CorrelatedGaussian() {
        super(MEAN, L);
    }
}
