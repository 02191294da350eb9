/**
 * Fit statistics for binned X-ray spectra: the Cash statistic in XSPEC's form ({@link
 * org.sixsa4j.stat.CStat}), the W statistic with a profiled Poisson background ({@link
 * org.sixsa4j.stat.WStat}), χ² with XSPEC's weightings ({@link org.sixsa4j.stat.ChiSquare}), the full
 * Poisson log-likelihood ({@link org.sixsa4j.stat.PoissonLikelihood}) and the C-stat goodness of fit
 * of Kaastra 2017 ({@link org.sixsa4j.stat.CStatGoodness}).
 *
 * <p>The fitter, the samplers and importance sampling call these millions of times, so the
 * statistics are static methods over arrays with offsets that allocate nothing; the package
 * depends on no other part of sixsa4j.
 */
package org.sixsa4j.stat;
