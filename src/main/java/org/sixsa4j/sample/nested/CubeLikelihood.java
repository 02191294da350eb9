package org.sixsa4j.sample.nested;

import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;

/**
 * The log-likelihood as a function of the unit-cube coordinates: θ = F⁻¹(u) through the prior's
 * quantiles, then log L(θ). A NaN from the likelihood counts as −∞, so that a model that fails at
 * an extreme parameter only shrinks the region instead of poisoning the evidence. Immutable and
 * thread-safe when the likelihood is.
 */
final class CubeLikelihood {
    private final JointPrior prior;
    private final LogDensity logLikelihood;

    CubeLikelihood(JointPrior prior, LogDensity logLikelihood) {
        this.prior = prior;
        this.logLikelihood = logLikelihood;
    }

    int dimension() {
        return prior.dimension();
    }

    /** log L at unit-cube point {@code u}; writes the parameters to {@code theta}. */
    double logL(double[] u, double[] theta) {
        prior.fromUnitCube(u, theta);
        double value = logLikelihood.value(theta);
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    }
}
