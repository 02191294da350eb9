/**
 * Markov chain Monte Carlo with the affine-invariant ensemble sampler of Goodman &amp; Weare (2010,
 * Comm. App. Math. Comp. Sci. 5, 65), as emcee (Foreman-Mackey et al. 2013, PASP 125, 306) and
 * XSPEC's {@code chain type gw} run it: one of the exact references against which the
 * simulation-based posteriors are checked.
 *
 * <p>{@link org.sixsa4j.sample.mcmc.EnsembleSampler} runs walkers from starting points ({@link
 * org.sixsa4j.sample.mcmc.WalkerStarts}) and returns a {@link org.sixsa4j.sample.mcmc.Chain}, whose
 * {@link org.sixsa4j.sample.mcmc.Convergence} reports the integrated autocorrelation time ({@link
 * org.sixsa4j.sample.mcmc.Autocorrelation}) and the rank-normalised split-R̂ ({@link
 * org.sixsa4j.sample.mcmc.SplitRhat}) and refuses to call a chain converged that is shorter than
 * 50 τ. Runs are deterministic for a seed, whatever the number of threads.
 */
package org.sixsa4j.sample.mcmc;
