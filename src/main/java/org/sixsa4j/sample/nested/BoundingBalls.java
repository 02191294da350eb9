package org.sixsa4j.sample.nested;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.shape.UnitBallSampler;

/**
 * Balls in the whitened metric of an MLFriends region, each centred on the mean of a cluster of
 * live points: either enclosing the cluster's friends' balls, so that drawing from them and keeping
 * what lies in the union is an exact way to draw from the union, or the bootstrapped bounding
 * ellipsoid (a ball in whitened coordinates) that Buchner 2019 (PASP 131, 108004)
 * intersects with the union to trim the excess of the friends' balls around a convex contour.
 * For a compact mode either is far smaller than the N overlapping friends' balls together, so
 * proposals from it are wasted less often. Immutable.
 */
final class BoundingBalls {
    private final int d;
    private final double[][] centres;
    private final double[] radii;
    private final double[] radiiSq;
    private final double[] cumulative;
    private final double logVolume;

    private BoundingBalls(int d, double[][] centres, double[] radii, double[] logVolumes) {
        this.d = d;
        this.centres = centres;
        this.radii = radii;
        this.radiiSq = new double[radii.length];
        this.cumulative = new double[radii.length];
        this.logVolume = LogSpace.sum(logVolumes, 0, radii.length);
        double sum = 0;
        for (int c = 0; c < radii.length; c++) {
            radiiSq[c] = radii[c] * radii[c];
            sum += Math.exp(logVolumes[c] - logVolume);
            cumulative[c] = sum;
        }
    }

    /**
     * One ball per cluster of whitened points {@code z} (flat: point i is
     * {@code z[i*d .. i*d + d − 1]}), at the cluster's mean, of radius the larger of
     * {@code minRadius} and the distance to its farthest point plus {@code margin}.
     */
    static BoundingBalls enclose(double[] z, int d, Clusters clusters, double margin, double minRadius) {
        int k = clusters.count();
        int[] label = clusters.label();
        double[][] centres = new double[k][d];
        int[] size = new int[k];
        for (int i = 0; i < label.length; i++) {
            size[label[i]]++;
            for (int a = 0; a < d; a++) {
                centres[label[i]][a] += z[i * d + a];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < d; a++) {
                centres[c][a] /= size[c];
            }
        }
        double[] farthestSq = new double[k];
        for (int i = 0; i < label.length; i++) {
            double sq = 0;
            for (int a = 0; a < d; a++) {
                double t = z[i * d + a] - centres[label[i]][a];
                sq += t * t;
            }
            farthestSq[label[i]] = Math.max(farthestSq[label[i]], sq);
        }
        double[] radii = new double[k];
        double[] logVolumes = new double[k];
        for (int c = 0; c < k; c++) {
            radii[c] = Math.max(minRadius, Math.sqrt(farthestSq[c]) + margin);
            logVolumes[c] = d * Math.log(radii[c]);
        }
        return new BoundingBalls(d, centres, radii, logVolumes);
    }

    /** The number of balls. */
    int count() {
        return radii.length;
    }

    /** log of the summed volumes, in units of the unit ball's volume. */
    double logVolume() {
        return logVolume;
    }

    /** Writes to {@code z} a draw from the mixture of the balls, each weighted by its volume. */
    void draw(UniformRandomProvider rng, UnitBallSampler ball, double[] z) {
        int c = 0;
        double pick = rng.nextDouble();
        while (c < radii.length - 1 && pick >= cumulative[c]) {
            c++;
        }
        double[] b = ball.sample();
        for (int a = 0; a < d; a++) {
            z[a] = centres[c][a] + radii[c] * b[a];
        }
    }

    /** The number of balls that contain {@code z}. */
    int covering(double[] z) {
        int count = 0;
        for (int c = 0; c < radii.length; c++) {
            double sq = 0;
            for (int a = 0; a < d; a++) {
                double t = z[a] - centres[c][a];
                sq += t * t;
            }
            if (sq <= radiiSq[c]) {
                count++;
            }
        }
        return count;
    }
}
