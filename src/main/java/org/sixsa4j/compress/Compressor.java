package org.sixsa4j.compress;

import java.util.List;

/**
 * Maps a count spectrum to a short vector of features, the input of the density estimator in
 * SIXSA's pipeline: principal components, summary statistics (Dupourqué &amp; Barret 2025, paper
 * II) or the latent vector of an auto-encoder (Barret &amp; Dupourqué 2026, paper III).
 *
 * <p>A spectrum is the counts of the bins the fit uses (for an observation, its noticed and
 * grouped bins), in the order the simulator writes them. A compressor is a pure function of
 * them once built: the same spectrum gives the same features, bit for bit, on every call and
 * whatever the thread count.
 */
public interface Compressor {

    /** The number of bins of a spectrum. */
    int inputSize();

    /** The number of features. */
    int outputSize();

    /** A short name for each feature, in output order, for plots and reports. */
    List<String> names();

    /**
     * The features of one spectrum.
     *
     * @param counts {@link #inputSize()} counts, ≥ 0
     * @throws IllegalArgumentException if {@code counts} has the wrong length
     */
    double[] compress(double[] counts);

    /** The features of each row of {@code counts}; the same values as row-by-row calls. */
    default double[][] compress(double[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = compress(counts[i]);
        }
        return out;
    }
}
