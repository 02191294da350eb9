package org.sixsa4j.compress;

/**
 * Builds a compressor from a round's simulated spectra, so that the inference rounds can refit
 * whichever compressor the run uses without knowing its kind: principal components and the
 * auto-encoder learn from the spectra (paper III retrains its auto-encoder each round), summary
 * statistics ignore them.
 */
@FunctionalInterface
public interface CompressorFactory {

    /**
     * A compressor fitted to the rows of {@code counts} (spectra × bins).
     *
     * @throws IllegalArgumentException if there are too few spectra or they differ in length
     */
    Compressor fit(double[][] counts);

    /** Principal components fitted afresh to each round's spectra. */
    static CompressorFactory pca(PcaSettings settings) {
        return counts -> PrincipalComponents.fit(counts, settings);
    }

    /** An auto-encoder trained afresh on each round's spectra, from the same seed. */
    static CompressorFactory autoEncoder(AutoEncoderSettings settings) {
        return counts -> SpectralAutoEncoder.fit(counts, settings);
    }

    /** The same compressor whatever the spectra: summary statistics, or one trained earlier and read back. */
    static CompressorFactory fixed(Compressor compressor) {
        return counts -> compressor;
    }
}
