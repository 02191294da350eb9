package org.sixsa4j.compress;

/**
 * Builds a compressor from a round's simulated spectra, so that the inference rounds can refit
 * whichever compressor the run uses without knowing its kind: principal components and the
 * auto-encoder learn from the spectra, summary statistics ignore them.
 *
 * <p>For example {@code counts -> PrincipalComponents.fit(counts, PcaSettings.defaults())} or
 * {@code counts -> SpectralAutoEncoder.fit(counts, settings.withSeed(round))}.
 */
@FunctionalInterface
public interface CompressorFactory {

    /**
     * A compressor fitted to the rows of {@code counts} (spectra × bins).
     *
     * @throws IllegalArgumentException if there are too few spectra or they differ in length
     */
    Compressor fit(double[][] counts);
}
