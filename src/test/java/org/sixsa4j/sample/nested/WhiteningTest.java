package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class WhiteningTest {
    private static final long SEED = 0x5eed_0901L;

    /** Points x = A g with g uniform on a cube, for a fixed mixing matrix A: correlated, full rank. */
    private static double[][] mixed(UniformRandomProvider rng, int n) {
        double[][] mix = {{1, 0, 0}, {0.8, 0.3, 0}, {-0.5, 0.2, 2}};
        double[][] points = new double[n][3];
        for (int i = 0; i < n; i++) {
            double[] g = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    points[i][a] += mix[a][b] * g[b];
                }
            }
        }
        return points;
    }

    /** Whitened points have zero correlation and unit variance: Σ = L Lᵀ was factorised right. */
    @Test
    void whitenedPointsHaveIdentityCovariance() {
        double[][] points = mixed(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), 500);
        Whitening w = Whitening.of(points, new int[points.length], 1);
        double[][] z = new double[points.length][3];
        for (int i = 0; i < points.length; i++) {
            w.whiten(points[i], z[i], 0);
        }
        double[][] cov = Moments.covariance(z);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                // Moments divides by n − 1, the metric by n.
                assertEquals(a == b ? 1 : 0, cov[a][b] * (points.length - 1) / points.length, 1e-10, "seed " + SEED);
            }
        }
    }

    /** Two clusters far apart: centred on their own means, their spread alone sets the metric. */
    @Test
    void clusterCentringRemovesTheSeparation() {
        double[][] points = mixed(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), 400);
        int[] label = new int[points.length];
        double[][] shifted = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            label[i] = i % 2;
            shifted[i] = points[i].clone();
            shifted[i][0] += 50 * label[i];
        }
        Whitening pooled = Whitening.of(shifted, label, 2);
        Whitening single = Whitening.of(points, new int[points.length], 1);
        double[] u = {0.3, -0.2, 0.7};
        double[] a = new double[3];
        double[] b = new double[3];
        pooled.whiten(u, a, 0);
        single.whiten(u, b, 0);
        // Each half has the same spread up to sampling, so the metrics agree to a few per cent.
        assertArrayEquals(b, a, 0.1 * (Math.abs(b[0]) + Math.abs(b[1]) + Math.abs(b[2])), "seed " + SEED);
    }

    @Test
    void unwhitenInvertsWhiten() {
        Whitening w = Whitening.ofCovariance(new double[] {4, 0, 0, 1.2, 0.5, 0, -0.4, 0.1, 2}, 3);
        double[] u = {0.1, -2, 3.5};
        double[] z = new double[3];
        double[] back = new double[3];
        w.whiten(u, z, 0);
        w.unwhiten(z, back);
        assertArrayEquals(u, back, 1e-12);
    }

    /** Points on a line have a singular covariance; the ridge keeps the metric finite and invertible. */
    @Test
    void singularCovarianceGetsARidge() {
        double[][] points = new double[50][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {0.01 * i, 0.02 * i};
        }
        Whitening w = Whitening.of(points, new int[points.length], 1);
        double[] u = {0.3, 0.1};
        double[] z = new double[2];
        double[] back = new double[2];
        w.whiten(u, z, 0);
        w.unwhiten(z, back);
        assertArrayEquals(u, back, 1e-9);
        assertTrue(Double.isFinite(z[0]) && Double.isFinite(z[1]), "z = " + z[0] + ", " + z[1]);
    }
}
