package org.sixsa4j.compress;

/** Checks of the spectra handed to compressors, with messages that name the spectrum and bin at fault. */
final class Spectra {

    private Spectra() {
    }

    /**
     * Checks that {@code counts} holds at least 2 spectra of the same length, with finite counts ≥ 0.
     *
     * @param what names the compressor in messages ("PCA", "auto-encoder")
     * @throws IllegalArgumentException naming the first spectrum and bin at fault
     */
    static void requireTraining(double[][] counts, String what) {
        if (counts.length < 2) {
            throw new IllegalArgumentException(what + " needs at least 2 training spectra, got " + counts.length);
        }
        int bins = counts[0].length;
        if (bins == 0) {
            throw new IllegalArgumentException(what + " needs spectra of at least one bin");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != bins) {
                throw new IllegalArgumentException(what + ": spectrum " + i + " has " + counts[i].length
                        + " bins, spectrum 0 has " + bins);
            }
            for (int j = 0; j < bins; j++) {
                double c = counts[i][j];
                if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(what + ": spectrum " + i + " bin " + j + " holds " + c
                            + "; counts must be finite and >= 0");
                }
            }
        }
    }

    /** Checks that a spectrum to compress has the compressor's number of bins. */
    static void requireLength(double[] counts, int bins, String what) {
        if (counts.length != bins) {
            throw new IllegalArgumentException(what + " takes spectra of " + bins + " bins, got " + counts.length);
        }
    }
}
