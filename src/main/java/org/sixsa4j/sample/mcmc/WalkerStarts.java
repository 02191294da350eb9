package org.sixsa4j.sample.mcmc;

import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;

/**
 * Starting points for an ensemble's walkers, as emcee's documentation and XSPEC's {@code chain}
 * make them (Foreman-Mackey et al. 2013, PASP 125, 306): a small Gaussian ball around a point
 * such as the best fit, or independent draws from the prior. A draw where the log-density is −∞
 * (or NaN) is replaced by a fresh one, up to {@value #MAX_TRIES} draws per walker.
 *
 * <p>The generator is used on the calling thread in a fixed order, so the starts are reproducible;
 * it should be independent of the sampler's streams, for example stream {@code walkers} of
 * {@code RandomStreams.of(seed)}, the first one the sampler leaves unused.
 */
public final class WalkerStarts {
    /** Draws per walker before giving up. */
    public static final int MAX_TRIES = 1000;

    private WalkerStarts() {
    }

    /**
     * Walker k starts at centre + scale ∘ ε, with ε standard normal.
     *
     * @throws IllegalArgumentException if the lengths differ, a scale is not positive and finite,
     *     or some walker finds no point with a finite log-density in {@value #MAX_TRIES} draws
     */
    public static double[][] ball(LogDensity logPosterior, double[] centre, double[] scale, int walkers, UniformRandomProvider rng) {
        if (centre.length != scale.length) {
            throw new IllegalArgumentException("ball centre has " + centre.length + " parameters, scale " + scale.length);
        }
        for (double s : scale) {
            if (!(s > 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("ball scale must be positive and finite in every parameter, got " + Arrays.toString(scale));
            }
        }
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        return draw(logPosterior, walkers, () -> {
            double[] theta = new double[centre.length];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = centre[i] + scale[i] * gaussian.sample();
            }
            return theta;
        }, "a ball of scale " + Arrays.toString(scale) + " around " + Arrays.toString(centre)
                + "; check that the centre lies inside the posterior's support");
    }

    /**
     * Each walker starts at a draw from the prior; draws where the posterior is −∞ (a likelihood
     * that cannot be computed there) are redrawn.
     *
     * @throws IllegalArgumentException if some walker finds no point with a finite log-density in
     *     {@value #MAX_TRIES} draws
     */
    public static double[][] fromPrior(JointPrior prior, LogDensity logPosterior, int walkers, UniformRandomProvider rng) {
        return draw(logPosterior, walkers, () -> prior.sample(rng), "the prior on " + prior.names()
                + "; the posterior is −∞ almost everywhere the prior puts mass");
    }

    private static double[][] draw(LogDensity logPosterior, int walkers, Supplier<double[]> candidate, String where) {
        if (walkers < 1) {
            throw new IllegalArgumentException("walkers must be >= 1, got " + walkers);
        }
        double[][] starts = new double[walkers][];
        for (int k = 0; k < walkers; k++) {
            for (int tries = 0; starts[k] == null; tries++) {
                if (tries == MAX_TRIES) {
                    throw new IllegalArgumentException("no start with a finite log-density for walker " + k + " in " + MAX_TRIES
                            + " draws from " + where);
                }
                double[] theta = candidate.get();
                if (Ensemble.evaluate(logPosterior, theta) > Double.NEGATIVE_INFINITY) {
                    starts[k] = theta;
                }
            }
        }
        return starts;
    }
}
