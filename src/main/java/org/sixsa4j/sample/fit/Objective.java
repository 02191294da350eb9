package org.sixsa4j.sample.fit;

/**
 * The function a fit minimises: a fit statistic such as the C-stat, the W-stat or χ², or −2 ln L,
 * of a parameter vector. The errors assume this scale: one unit of f is one unit of −2 ln L, so
 * that the covariance is 2 H⁻¹ and Δf = 1 marks a 68 % interval on one parameter (Cash 1979,
 * ApJ 228, 939; Avni 1976, ApJ 210, 642).
 *
 * <p>Implementations must be safe to call from several threads at once (multi-start and the
 * interval searches run in parallel) and return +∞ or NaN where the model cannot be evaluated;
 * the minimisers treat such points as infeasible and step back from them.
 */
@FunctionalInterface
public interface Objective {
    /** f at {@code theta}; {@code theta} is read, not kept or modified. */
    double value(double[] theta);
}
