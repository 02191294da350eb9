package org.sixsa4j.model;

import java.util.List;

/**
 * One XSPEC model component, such as {@code powerlaw} or {@code tbabs}: its name, kind,
 * parameters, and how to evaluate it on energy bins. Implementations are stateless singletons.
 *
 * <p>Additive components give photons cm⁻² s⁻¹ integrated over each bin; their last parameter is
 * {@code norm}. Multiplicative components give a dimensionless factor per bin. Energies are in
 * keV in the observer's frame.
 */
public interface ComponentType {

    /** XSPEC's name, lower case: {@code powerlaw}. */
    String name();

    /** Additive or multiplicative. */
    ComponentKind kind();

    /** The parameters in XSPEC's order. */
    List<ParameterInfo> parameters();

    /** One line describing the component, for listings. */
    String description();

    /** The formula, in plain text, for docs/models.md. */
    String formula();

    /** The paper or manual the definition comes from. */
    String reference();

    /**
     * An evaluator for bins [low_i, high_i] keV with the given settings. Whatever depends only on
     * the bins and the settings (cross-sections, quadrature nodes) is computed here, once. The
     * evaluator may keep scratch space: use one per thread.
     *
     * @param low lower bin bounds in keV, increasing; not modified and not retained
     * @param high upper bin bounds in keV; not modified and not retained
     */
    ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings);
}
