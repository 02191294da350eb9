package org.sixsa4j.sbi;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A prior on one parameter: its log-density, sampling, support, and the inverse of its
 * cumulative distribution (the unit-cube transform that nested samplers use). Immutable.
 */
public interface Prior {

    /** The log of the normalised density at {@code x}; −∞ outside the support. */
    double logDensity(double x);

    /** A draw, by inversion: the quantile of a uniform variate. */
    default double sample(UniformRandomProvider rng) {
        return quantile(rng.nextDouble());
    }

    /** The quantile of {@code u} in [0, 1]: the value whose cumulative probability is {@code u}. */
    double quantile(double u);

    /** The cumulative probability of {@code x}: 0 below the support, 1 above it. */
    double cdf(double x);

    /** The lowest value with positive density (−∞ for an unbounded prior). */
    double lower();

    /** The highest value with positive density (+∞ for an unbounded prior). */
    double upper();

    /** Whether {@code x} lies in the support. */
    default boolean inSupport(double x) {
        return x >= lower() && x <= upper();
    }

    /** The prior as written in a configuration: {@code uniform(0, 0.5)}. */
    String describe();
}
