/**
 * Prior restriction, the first stage of SIXSA (Barret &amp; Dupourqué 2024, A&amp;A): a classifier
 * on the parameters θ learns which part of the prior gives plausible simulations, and the prior
 * is then sampled by rejection through it, so that later rounds spend no simulations on spectra
 * with absurd count totals or hopeless fits. The method is sbi's {@code RestrictionEstimator}
 * (Deistler et al. 2022, "Energy-efficient network activity from disparate circuit parameters",
 * PNAS 119(44)), with its training defaults.
 *
 * <p>The package knows nothing of spectra: a {@link org.sixsa4j.sbi.restriction.ValidityCriterion}
 * turns a batch of θ into valid/invalid labels, and the spectral pipeline supplies one that
 * simulates and measures (total counts, C-stat against the observation) through a
 * {@link org.sixsa4j.sbi.restriction.BatchStatistic}.
 *
 * <ul>
 *   <li>{@link org.sixsa4j.sbi.restriction.RestrictionClassifier}: the trained classifier and its
 *       calibrated decision threshold;
 *   <li>{@link org.sixsa4j.sbi.restriction.ClassifierRestrictedPrior}: the restricted prior, a
 *       normalised {@link org.sixsa4j.sbi.ParameterDistribution};
 *   <li>{@link org.sixsa4j.sbi.restriction.PriorRestriction}: the multi-round driver.
 * </ul>
 */
package org.sixsa4j.sbi.restriction;
