/**
 * Maximum-likelihood fitting in a box, XSPEC's {@code fit} and {@code error}: the reference against
 * which the simulation-based posteriors are checked. {@link org.sixsa4j.sample.fit.Fitter} minimises
 * a statistic ({@link org.sixsa4j.sample.fit.Objective}: C-stat, W-stat, −2 ln L, or χ² as {@link
 * org.sixsa4j.sample.fit.Residuals}) from several starts drawn from the prior, with a projected
 * BFGS method ({@link org.sixsa4j.sample.fit.BoundedQuasiNewton}) or bounded Levenberg–Marquardt
 * ({@link org.sixsa4j.sample.fit.LevenbergMarquardt}); it gives the covariance 2H⁻¹ at the best
 * fit ({@link org.sixsa4j.sample.fit.Covariance}) and profile confidence intervals ({@link
 * org.sixsa4j.sample.fit.ConfidenceInterval}). Derivatives are by finite differences unless an
 * analytic {@link org.sixsa4j.sample.fit.Gradient} is given.
 *
 * <p>The objective is a pure function of the parameters, so starts and interval searches run in
 * parallel with results that do not depend on the thread count. The dense linear algebra (a few
 * free parameters) is done on plain arrays here.
 */
package org.sixsa4j.sample.fit;
