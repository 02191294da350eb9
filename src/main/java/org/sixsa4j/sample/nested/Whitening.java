package org.sixsa4j.sample.nested;

/**
 * The linear metric of an MLFriends region: z = L⁻¹ u, where Σ = L Lᵀ is the Cholesky
 * factorisation of the (cluster-centred) covariance of the live points in the unit cube (Buchner
 * 2019, PASP 131, 108004). Distances in z are Mahalanobis distances, so one radius suits
 * every direction of an elongated or correlated contour. Only the shape matters: the region's
 * radius is calibrated in z by bootstrapping; Σ is normalised all the same, so that one whitened
 * unit is about one standard deviation of the live points, the scale of the slice walks. Immutable.
 */
final class Whitening {
    /** Relative ridge first added to a singular covariance; raised tenfold until it factorises. */
    private static final double FIRST_RIDGE = 1e-12;

    private final int dimension;
    /** The lower-triangular factor L, row-major. */
    private final double[] lower;

    private Whitening(int dimension, double[] lower) {
        this.dimension = dimension;
        this.lower = lower;
    }

    /**
     * The metric of the covariance of {@code points}, each centred on the mean of its cluster, so
     * that the separation between modes does not stretch the metric of each mode.
     *
     * @param cluster the cluster index of each point, in [0, clusters)
     */
    static Whitening of(double[][] points, int[] cluster, int clusters) {
        int d = points[0].length;
        double[][] mean = new double[clusters][d];
        int[] size = new int[clusters];
        for (int i = 0; i < points.length; i++) {
            size[cluster[i]]++;
            for (int a = 0; a < d; a++) {
                mean[cluster[i]][a] += points[i][a];
            }
        }
        for (int c = 0; c < clusters; c++) {
            for (int a = 0; a < d; a++) {
                mean[c][a] /= size[c];
            }
        }
        double[] covariance = new double[d * d];
        double[] delta = new double[d];
        for (int i = 0; i < points.length; i++) {
            for (int a = 0; a < d; a++) {
                delta[a] = points[i][a] - mean[cluster[i]][a];
            }
            addOuter(delta, covariance, 1.0 / points.length);
        }
        return ofCovariance(covariance, d);
    }

    /** Adds weight·δ δᵀ to the lower triangle of {@code covariance} (row-major, d × d). */
    static void addOuter(double[] delta, double[] covariance, double weight) {
        int d = delta.length;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                covariance[a * d + b] += weight * delta[a] * delta[b];
            }
        }
    }

    /**
     * The metric of a covariance given by its lower triangle (row-major, d × d; the upper triangle
     * is ignored). A singular covariance (live points on a plane, or all equal) gets a ridge
     * proportional to its mean variance, raised until the factorisation succeeds.
     */
    static Whitening ofCovariance(double[] covariance, int d) {
        double trace = 0;
        for (int a = 0; a < d; a++) {
            trace += covariance[a * d + a];
        }
        double scale = trace > 0 ? trace / d : 1;
        double[] lower = cholesky(covariance, d, 0);
        for (double ridge = FIRST_RIDGE; lower == null; ridge *= 10) {
            lower = cholesky(covariance, d, ridge * scale);
        }
        return new Whitening(d, lower);
    }

    /** L with L Lᵀ = Σ + ridge·I, or null when a pivot is not positive. */
    private static double[] cholesky(double[] covariance, int d, double ridge) {
        double[] l = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double s = covariance[a * d + b] + (a == b ? ridge : 0);
                for (int k = 0; k < b; k++) {
                    s -= l[a * d + k] * l[b * d + k];
                }
                if (a == b) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[a * d + a] = Math.sqrt(s);
                } else {
                    l[a * d + b] = s / l[b * d + b];
                }
            }
        }
        return l;
    }

    int dimension() {
        return dimension;
    }

    /** Writes z = L⁻¹ u to {@code z[offset .. offset + d − 1]} (forward substitution). */
    void whiten(double[] u, double[] z, int offset) {
        int d = dimension;
        for (int a = 0; a < d; a++) {
            double s = u[a];
            for (int k = 0; k < a; k++) {
                s -= lower[a * d + k] * z[offset + k];
            }
            z[offset + a] = s / lower[a * d + a];
        }
    }

    /** Writes u = L z; {@code z} and {@code u} must be distinct arrays. */
    void unwhiten(double[] z, double[] u) {
        int d = dimension;
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int k = 0; k <= a; k++) {
                s += lower[a * d + k] * z[k];
            }
            u[a] = s;
        }
    }
}
