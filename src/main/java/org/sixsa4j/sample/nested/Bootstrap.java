package org.sixsa4j.sample.nested;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The two radii of an MLFriends region, calibrated by bootstrapping the live points (Buchner
 * 2016, Stat. Comput. 26, 383 (RadFriends); Buchner 2019, PASP 131, 108004).
 * Each round resamples the live points with replacement; the points never drawn (about 37 %)
 * stand in for unseen points of the likelihood contour, and a radius that reaches them from the
 * points drawn is likely to reach the whole contour. Over the rounds, the largest
 * <ul>
 *   <li>distance from a left-out point to its nearest drawn one gives the friends' radius;</li>
 *   <li>Mahalanobis distance of a left-out point from the drawn points' mean, in their own
 *       covariance, gives the radius of the bounding ellipsoid.</li>
 * </ul>
 */
final class Bootstrap {
    /**
     * Points remembered per left-out point as within the running maximum of it: tried first in
     * later rounds, they are all left out with probability 0.37³ = 5 %, and only then is the
     * full scan needed.
     */
    private static final int HINTS = 3;

    private final double[] z;
    private final int n;
    private final int d;
    private final boolean[] drawn;
    private final int[] kept;
    private final int[] hints;
    private int keptCount;

    private Bootstrap(double[] z, int n, int d) {
        this.z = z;
        this.n = n;
        this.d = d;
        this.drawn = new boolean[n];
        this.kept = new int[n];
        this.hints = new int[n * HINTS];
        Arrays.fill(hints, -1);
    }

    /**
     * The radii, both in whitened units.
     *
     * @param friends the friends' radius
     * @param ellipsoid the ellipsoid's radius, in the drawn points' own metric
     */
    record Radii(double friends, double ellipsoid) {
    }

    /**
     * The radii over {@code rounds} bootstrap rounds.
     *
     * @param z the whitened points, flat: point i is {@code z[i*d .. i*d + d − 1]}
     */
    static Radii of(double[] z, int n, int d, int rounds, UniformRandomProvider rng) {
        Bootstrap bootstrap = new Bootstrap(z, n, d);
        double[] sum = new double[d];
        double[] outer = new double[d * d];
        bootstrap.moments(false, sum, outer);
        double friendsSq = 0;
        double ellipsoidSq = 0;
        for (int round = 0; round < rounds; round++) {
            bootstrap.resample(rng);
            for (int out = 0; out < n; out++) {
                if (!bootstrap.drawn[out]) {
                    friendsSq = Math.max(friendsSq, bootstrap.nearestSq(out, friendsSq));
                }
            }
            ellipsoidSq = Math.max(ellipsoidSq, bootstrap.farthestLeftOutSq(sum, outer));
        }
        return new Radii(Math.sqrt(friendsSq), Math.sqrt(ellipsoidSq));
    }

    private void resample(UniformRandomProvider rng) {
        Arrays.fill(drawn, false);
        for (int k = 0; k < n; k++) {
            drawn[rng.nextInt(n)] = true;
        }
        keptCount = 0;
        for (int i = 0; i < n; i++) {
            if (drawn[i]) {
                kept[keptCount++] = i;
            }
        }
    }

    /**
     * The squared distance from point {@code out} to the nearest kept point, or any value no larger
     * than {@code floorSq} once one is found within it: such a point cannot raise the maximum, so the
     * search stops there. Distances do not change between rounds, so the points that stopped
     * earlier searches from {@code out} are tried first; this saves most of the scanning in every
     * round but the first.
     */
    private double nearestSq(int out, double floorSq) {
        for (int h = 0; h < HINTS; h++) {
            int hint = hints[out * HINTS + h];
            if (hint >= 0 && drawn[hint]) {
                double sq = distanceSq(out, hint);
                if (sq <= floorSq) {
                    return sq;
                }
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < keptCount; k++) {
            double sq = distanceSq(out, kept[k]);
            if (sq < best) {
                best = sq;
                if (best <= floorSq) {
                    System.arraycopy(hints, out * HINTS, hints, out * HINTS + 1, HINTS - 1);
                    hints[out * HINTS] = kept[k];
                    break;
                }
            }
        }
        return best;
    }

    private double distanceSq(int i, int j) {
        double sq = 0;
        for (int a = 0; a < d; a++) {
            double t = z[i * d + a] - z[j * d + a];
            sq += t * t;
        }
        return sq;
    }

    /**
     * The largest squared Mahalanobis distance of a left-out point from the kept points. Their
     * moments are those of all points less those of the left-out ones, a third of the work.
     *
     * @param allSum Σ z over all points
     * @param allOuter Σ z zᵀ over all points, lower triangle
     */
    private double farthestLeftOutSq(double[] allSum, double[] allOuter) {
        double[] sum = new double[d];
        double[] outer = new double[d * d];
        moments(true, sum, outer);
        double[] mean = new double[d];
        for (int a = 0; a < d; a++) {
            mean[a] = (allSum[a] - sum[a]) / keptCount;
        }
        double[] covariance = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                covariance[a * d + b] = (allOuter[a * d + b] - outer[a * d + b]) / keptCount - mean[a] * mean[b];
            }
        }
        Whitening metric = Whitening.ofCovariance(covariance, d);
        double[] delta = new double[d];
        double[] white = new double[d];
        double farthest = 0;
        for (int out = 0; out < n; out++) {
            if (drawn[out]) {
                continue;
            }
            for (int a = 0; a < d; a++) {
                delta[a] = z[out * d + a] - mean[a];
            }
            metric.whiten(delta, white, 0);
            double sq = 0;
            for (double w : white) {
                sq += w * w;
            }
            farthest = Math.max(farthest, sq);
        }
        return farthest;
    }

    /** Adds Σ z and Σ z zᵀ (lower triangle) over the left-out points, or over all if not {@code leftOutOnly}. */
    private void moments(boolean leftOutOnly, double[] sum, double[] outer) {
        double[] point = new double[d];
        for (int i = 0; i < n; i++) {
            if (leftOutOnly && drawn[i]) {
                continue;
            }
            System.arraycopy(z, i * d, point, 0, d);
            for (int a = 0; a < d; a++) {
                sum[a] += point[a];
            }
            Whitening.addOuter(point, outer, 1);
        }
    }
}
