package org.sixsa4j.compress;

/**
 * The per-bin standardisation of log1p counts shared by the learned compressors:
 * z_j = (ln(1 + n_j) − m_j) / s_j, with m_j the mean and s_j the unbiased standard deviation of
 * ln(1 + n_j) over the training spectra. The logarithm tames the dynamic range of counts (decades
 * between the soft and hard ends of a spectrum) and log1p keeps empty bins finite.
 *
 * <p>A bin whose training values vary by less than {@value #MIN_SCALE} (always empty, say) gets a
 * scale of 1: it then enters centred instead of being divided by a rounding error.
 */
final class LogCountScaling {

    static final double MIN_SCALE = 1e-9;

    private final double[] mean;
    private final double[] scale;

    private LogCountScaling(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Fits the means and scales to the rows of {@code counts} (spectra × bins).
     *
     * @param what names the caller in messages ("PCA", "auto-encoder")
     * @throws IllegalArgumentException if there are fewer than 2 spectra, they differ in length,
     *     or a count is negative or not finite
     */
    static LogCountScaling fit(double[][] counts, String what) {
        Spectra.requireTraining(counts, what);
        int n = counts.length;
        int bins = counts[0].length;
        double[] mean = new double[bins];
        for (double[] row : counts) {
            for (int j = 0; j < bins; j++) {
                mean[j] += Math.log1p(row[j]);
            }
        }
        for (int j = 0; j < bins; j++) {
            mean[j] /= n;
        }
        // Two passes: a constant bin then gives a spread of exactly or almost exactly 0.
        double[] scale = new double[bins];
        for (double[] row : counts) {
            for (int j = 0; j < bins; j++) {
                double d = Math.log1p(row[j]) - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < bins; j++) {
            double sd = Math.sqrt(scale[j] / (n - 1));
            scale[j] = sd < MIN_SCALE ? 1 : sd;
        }
        return new LogCountScaling(mean, scale);
    }

    /** A scaling from stored means and scales (copied), as read back from a file. */
    static LogCountScaling of(double[] mean, double[] scale) {
        if (mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("scaling needs as many means as scales, at least one; got "
                    + mean.length + " and " + scale.length);
        }
        for (double s : scale) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("scaling scales must be finite and > 0, got " + s);
            }
        }
        return new LogCountScaling(mean.clone(), scale.clone());
    }

    int bins() {
        return mean.length;
    }

    /** z_j for bin j of {@code counts}. */
    double standardize(double[] counts, int j) {
        return (Math.log1p(counts[j]) - mean[j]) / scale[j];
    }

    /** The means m_j; not copied, not to be modified. */
    double[] mean() {
        return mean;
    }

    /** The scales s_j; not copied, not to be modified. */
    double[] scale() {
        return scale;
    }
}
