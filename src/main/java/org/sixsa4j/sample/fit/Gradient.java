package org.sixsa4j.sample.fit;

/**
 * The gradient of an {@link Objective}, for a caller that can compute it analytically (for
 * example by reverse-mode differentiation of the model). Without one, {@link BoundedQuasiNewton}
 * uses central finite differences (Nocedal &amp; Wright 2006, Numerical Optimization, 2nd ed.,
 * Sect. 8.1) at the cost of two evaluations of f per free parameter.
 *
 * <p>Implementations must be thread-safe, like the objective.
 */
@FunctionalInterface
public interface Gradient {
    /**
     * Writes ∇f(θ) to {@code out}.
     *
     * @param theta the point, read only
     * @param value f(θ), already computed, for implementations that can reuse it
     * @param out receives ∂f/∂θ_i; components of parameters fixed by the bounds are ignored
     */
    void compute(double[] theta, double value, double[] out);
}
