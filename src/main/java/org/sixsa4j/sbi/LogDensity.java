package org.sixsa4j.sbi;

/**
 * A log-density (or log-likelihood) of a parameter vector, up to a constant; −∞ outside its
 * support. Implementations must be safe to call from several threads at once, since the
 * samplers evaluate walkers and live points in parallel.
 */
@FunctionalInterface
public interface LogDensity {
    /** The log-density at {@code theta}; {@code theta} is read, not kept or modified. */
    double value(double[] theta);
}
