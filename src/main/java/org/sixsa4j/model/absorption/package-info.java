/**
 * Photoelectric absorption by cold matter, the physics behind XSPEC's absorption components in
 * {@link org.sixsa4j.model.components}: the Tübingen–Boulder ISM model of Wilms, Allen &amp;
 * McCray (2000) with gas, H₂ and self-shielded grains ({@link
 * org.sixsa4j.model.absorption.IsmAbsorption}, from the species cross-sections of {@link
 * org.sixsa4j.model.absorption.IsmSpecies}), the neutral-atom fits of Verner et al. (1996)
 * ({@link org.sixsa4j.model.absorption.VernerCrossSection}, which phabs sums with {@link
 * org.sixsa4j.model.absorption.PhotoelectricCrossSection}), and the Wisconsin cross-section of
 * Morrison &amp; McCammon (1983) ({@link org.sixsa4j.model.absorption.MorrisonMcCammon}).
 *
 * <p>The atomic data ship as plain-text resources in this package, each headed by the papers it
 * comes from. Cross-sections depend only on the energy bins and the settings, so components
 * compute them once at binding and share them between threads through {@link
 * org.sixsa4j.model.absorption.CrossSectionCache}; an evaluation is then one vectorised
 * exponential per bin.
 */
package org.sixsa4j.model.absorption;
