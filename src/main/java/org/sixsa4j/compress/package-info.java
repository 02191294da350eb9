/**
 * Compression of count spectra into the short feature vectors that the density estimator of
 * simulation-based inference conditions on: principal components of log1p counts
 * ({@link org.sixsa4j.compress.PrincipalComponents}), the summary statistics of SIXSA's paper II
 * ({@link org.sixsa4j.compress.SummaryStatistics}) and the C-stat auto-encoder of paper III
 * ({@link org.sixsa4j.compress.SpectralAutoEncoder}), all behind
 * {@link org.sixsa4j.compress.Compressor}.
 *
 * <p>The learned compressors are fitted by static {@code fit} methods to a round's simulated
 * spectra; {@link org.sixsa4j.compress.CompressorFactory} lets the rounds refit whichever the run
 * uses, and {@link org.sixsa4j.compress.CompressorFiles} saves a fitted one so that it can be
 * applied later. The package builds on {@code nn} and {@code autodiff} for the auto-encoder and
 * reads bin energies from {@code spectrum}; it knows nothing of the inference itself.
 */
package org.sixsa4j.compress;
