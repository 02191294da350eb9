package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapTest {
    private static final long SEED = 0x5eed_0801L;
    private static final int ROUNDS = 30;

    /** {@code n} points of a standard normal in {@code d} dimensions, flat. */
    private static double[] normalPoints(UniformRandomProvider rng, int n, int d) {
        double[] z = new double[n * d];
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < z.length; i++) {
            z[i] = g.sample();
        }
        return z;
    }

    /**
     * The radii by the definitions, without the shortcuts: the same resampling (n draws of
     * nextInt(n) per round), then every left-out point's exact nearest kept point, and its
     * Mahalanobis distance from the kept points' mean and covariance by solving with their
     * inverse. The shortcuts must not change the result.
     */
    @ParameterizedTest(name = "dimension {0}")
    @ValueSource(ints = {1, 2, 5})
    void radiiEqualTheirDefinitions(int d) {
        int n = 120;
        double[] z = normalPoints(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + d), n, d);
        Bootstrap.Radii radii = Bootstrap.of(z, n, d, ROUNDS, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double friendsSq = 0;
        double ellipsoidSq = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean[] drawn = new boolean[n];
            for (int k = 0; k < n; k++) {
                drawn[rng.nextInt(n)] = true;
            }
            double[] mean = new double[d];
            double[][] cov = new double[d][d];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (drawn[i]) {
                    kept++;
                    for (int a = 0; a < d; a++) {
                        mean[a] += z[i * d + a];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                mean[a] /= kept;
            }
            for (int i = 0; i < n; i++) {
                if (drawn[i]) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            cov[a][b] += (z[i * d + a] - mean[a]) * (z[i * d + b] - mean[b]) / kept;
                        }
                    }
                }
            }
            double[][] inverse = invert(cov);
            for (int o = 0; o < n; o++) {
                if (drawn[o]) {
                    continue;
                }
                double nearest = Double.POSITIVE_INFINITY;
                for (int s = 0; s < n; s++) {
                    if (drawn[s]) {
                        double sq = 0;
                        for (int a = 0; a < d; a++) {
                            sq += (z[o * d + a] - z[s * d + a]) * (z[o * d + a] - z[s * d + a]);
                        }
                        nearest = Math.min(nearest, sq);
                    }
                }
                friendsSq = Math.max(friendsSq, nearest);
                double m = 0;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        m += (z[o * d + a] - mean[a]) * inverse[a][b] * (z[o * d + b] - mean[b]);
                    }
                }
                ellipsoidSq = Math.max(ellipsoidSq, m);
            }
        }
        assertEquals(Math.sqrt(friendsSq), radii.friends(), 1e-12, "seed " + SEED + ", d = " + d);
        assertEquals(Math.sqrt(ellipsoidSq), radii.ellipsoid(), 1e-9, "seed " + SEED + ", d = " + d);
    }

    /**
     * The MLFriends guarantee: the radius reaches every point from its nearest neighbour, since
     * the point of largest nearest-neighbour distance is left out of some round unless it is
     * drawn in all 30: probability 0.634³⁰ ≈ 1e-6, the false-failure rate.
     */
    @ParameterizedTest(name = "dimension {0}")
    @ValueSource(ints = {2, 5})
    void friendsRadiusReachesEveryPointFromItsNearestNeighbour(int d) {
        int n = 200;
        double[] z = normalPoints(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 10 + d), n, d);
        double radius = Bootstrap.of(z, n, d, ROUNDS, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 20 + d)).friends();
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double sq = 0;
                    for (int a = 0; a < d; a++) {
                        sq += (z[i * d + a] - z[j * d + a]) * (z[i * d + a] - z[j * d + a]);
                    }
                    nearest = Math.min(nearest, sq);
                }
            }
            largest = Math.max(largest, Math.sqrt(nearest));
        }
        assertTrue(radius >= largest, "seed " + SEED + ", d = " + d + ": radius " + radius + " < largest nearest-neighbour distance " + largest);
    }

    /** Gauss–Jordan inverse with partial pivoting. */
    private static double[][] invert(double[][] m) {
        int d = m.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, a[i], 0, d);
            a[i][d + i] = 1;
        }
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double p = a[c][c];
            for (int k = 0; k < 2 * d; k++) {
                a[c][k] /= p;
            }
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * d; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inverse = new double[d][];
        for (int i = 0; i < d; i++) {
            inverse[i] = Arrays.copyOfRange(a[i], d, 2 * d);
        }
        return inverse;
    }
}
