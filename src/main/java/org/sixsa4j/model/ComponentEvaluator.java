package org.sixsa4j.model;

/**
 * A component bound to one set of energy bins (see {@link ComponentType#bind}). Not thread-safe
 * unless an implementation says so; evaluation allocates nothing.
 */
public interface ComponentEvaluator {

    /** Number of bins. */
    int bins();

    /**
     * Writes the component's value for every bin: photons cm⁻² s⁻¹ for an additive component,
     * the factor for a multiplicative one.
     *
     * @param parameters the component's parameters in XSPEC order, from {@code offset}; read only
     * @param out written at {@code out[outOffset .. outOffset + bins() - 1]}, nothing else
     */
    void evaluate(double[] parameters, int offset, double[] out, int outOffset);
}
