package org.sixsa4j.model;

/** How a component enters a model expression, as in XSPEC. */
public enum ComponentKind {
    /** A photon spectrum: photons cm⁻² s⁻¹ per energy bin. */
    ADDITIVE,
    /** A dimensionless factor per energy bin that multiplies what it is applied to. */
    MULTIPLICATIVE
}
