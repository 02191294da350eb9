package org.sixsa4j.model;

import java.util.Objects;

/**
 * The global settings that change what components compute, as XSPEC's {@code abund},
 * {@code xsect} and {@code cosmo} commands set them. The defaults are XSPEC's: angr, vern and
 * H0 = 70, q0 = 0, Ω_Λ = 0.73. Immutable; {@code with...} methods return copies.
 */
public final class ModelSettings {
    private final AbundanceTable abundances;
    private final CrossSectionTable crossSections;
    private final Cosmology cosmology;

    private ModelSettings(AbundanceTable abundances, CrossSectionTable crossSections, Cosmology cosmology) {
        this.abundances = Objects.requireNonNull(abundances);
        this.crossSections = Objects.requireNonNull(crossSections);
        this.cosmology = Objects.requireNonNull(cosmology);
    }

    /** XSPEC's defaults. */
    public static ModelSettings xspecDefaults() {
        return new ModelSettings(AbundanceTable.ANGR, CrossSectionTable.VERN, Cosmology.xspecDefault());
    }

    /** The same settings with another abundance table. */
    public ModelSettings withAbundances(AbundanceTable table) {
        return new ModelSettings(table, crossSections, cosmology);
    }

    /** The same settings with other photo-ionisation cross-sections. */
    public ModelSettings withCrossSections(CrossSectionTable table) {
        return new ModelSettings(abundances, table, cosmology);
    }

    /** The same settings with another cosmology. */
    public ModelSettings withCosmology(Cosmology c) {
        return new ModelSettings(abundances, crossSections, c);
    }

    /** {@code abund}. */
    public AbundanceTable abundances() {
        return abundances;
    }

    /** {@code xsect}. */
    public CrossSectionTable crossSections() {
        return crossSections;
    }

    /** {@code cosmo}. */
    public Cosmology cosmology() {
        return cosmology;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSettings && abundances == ((ModelSettings) o).abundances
                && crossSections == ((ModelSettings) o).crossSections
                && cosmology.toString().equals(((ModelSettings) o).cosmology.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(abundances, crossSections, cosmology.toString());
    }

    @Override
    public String toString() {
        return "abund " + abundances.xspecName() + ", xsect " + crossSections.xspecName() + ", " + cosmology;
    }
}
