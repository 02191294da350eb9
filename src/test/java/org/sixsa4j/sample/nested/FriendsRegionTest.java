package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.shape.UnitBallSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FriendsRegionTest {
    private static final long SEED = 0x5eed_0701L;
    private static final int GRID = 10;
    private static final int DRAWS = 20_000;

    /**
     * {@code n} points uniform in the ring a² ≤ x² + y² ≤ 1 scaled by (sx, sy) and centred on
     * c, clipped to the unit square; a = 0 gives a filled ellipse.
     */
    static double[][] ring(UniformRandomProvider rng, int n, double cx, double cy, double sx, double sy, double a) {
        double[][] points = new double[n][];
        for (int i = 0; i < n;) {
            double x = 2 * rng.nextDouble() - 1;
            double y = 2 * rng.nextDouble() - 1;
            double[] p = {cx + sx * x, cy + sy * y};
            double r2 = x * x + y * y;
            if (r2 <= 1 && r2 >= a * a && UnitCube.containsOpen(p)) {
                points[i++] = p;
            }
        }
        return points;
    }

    /**
     * A ring cut by the edge y = 0 around a small core: two clusters, the core's enclosing ball
     * lying inside the ring's, so that draws there must be thinned by the overlap count.
     */
    static double[][] ringAndCore(UniformRandomProvider rng) {
        double[][] outer = ring(rng, 250, 0.45, 0.38, 0.4, 0.4, 0.75);
        double[][] core = ring(rng, 100, 0.45, 0.38, 0.06, 0.06, 0);
        double[][] all = new double[350][];
        System.arraycopy(outer, 0, all, 0, 250);
        System.arraycopy(core, 0, all, 250, 100);
        return all;
    }

    @Test
    void separatedBlobsFormTwoClustersAndOneBlobOne() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        FriendsRegion two = FriendsRegion.around(ringAndCore(rng), 30, rng);
        assertEquals(2, two.clusters().count(), "seed " + SEED);
        int[] label = two.clusters().label();
        for (int i = 0; i < 350; i++) {
            assertEquals(i < 250 ? label[0] : label[250], label[i], "seed " + SEED + ": point " + i);
        }
        FriendsRegion one = FriendsRegion.around(ring(rng, 300, 0.5, 0.5, 0.2, 0.05, 0), 30, rng);
        assertEquals(1, one.clusters().count(), "seed " + SEED);
        // A compact convex blob: the bootstrapped ellipsoid is the smallest proposal.
        assertEquals(FriendsRegion.Proposal.ELLIPSOID, one.proposal(), "seed " + SEED);
    }

    /** The region holds every live point and nothing far from them. */
    @Test
    void containsTheLivePointsAndNotTheFarCorner() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[][] points = ringAndCore(rng);
        FriendsRegion region = FriendsRegion.around(points, 30, rng);
        for (double[] p : points) {
            assertTrue(region.contains(p), "seed " + SEED);
        }
        assertFalse(region.contains(new double[] {0.95, 0.95}), "seed " + SEED);
        assertFalse(region.contains(new double[] {0.45, 0.55}), "seed " + SEED + ": the gap between core and ring");
    }

    /**
     * Each proposal must draw uniformly from region ∩ cube. The reference is the plainest exact
     * sampler: uniform points of the square kept when the region contains them. The two samples'
     * counts on a 10 × 10 grid are compared by a χ² test of homogeneity at a false-failure rate of
     * 1e-6.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(FriendsRegion.Proposal.class)
    void drawsAreUniformOnTheRegion(FriendsRegion.Proposal proposal) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[][] points = proposal == FriendsRegion.Proposal.ELLIPSOID
                ? ring(rng, 300, 0.4, 0.1, 0.3, 0.12, 0)
                : ringAndCore(rng);
        FriendsRegion region = FriendsRegion.around(points, 30, rng).withProposal(proposal);

        long[] drawn = new long[GRID * GRID];
        UnitBallSampler ball = UnitBallSampler.of(rng, 2);
        double[] z = new double[2];
        double[] u = new double[2];
        for (int k = 0; k < DRAWS; k++) {
            assertTrue(region.sample(rng, ball, z, u), "seed " + SEED);
            assertTrue(UnitCube.containsOpen(u) && region.contains(u), "seed " + SEED + ": a draw outside the region");
            drawn[cell(u)]++;
        }
        long[] reference = new long[GRID * GRID];
        for (int k = 0; k < DRAWS;) {
            u[0] = rng.nextDouble();
            u[1] = rng.nextDouble();
            if (region.contains(u)) {
                reference[cell(u)]++;
                k++;
            }
        }
        double chi2 = 0;
        int cells = 0;
        for (int c = 0; c < drawn.length; c++) {
            long total = drawn[c] + reference[c];
            if (total > 0) {
                // Equal sample sizes: each count's expectation is half the cell's total.
                double expected = total / 2.0;
                chi2 += (drawn[c] - expected) * (drawn[c] - expected) / expected + (reference[c] - expected) * (reference[c] - expected) / expected;
                cells++;
            }
        }
        double limit = ChiSquaredDistribution.of(cells - 1).inverseSurvivalProbability(1e-6);
        assertTrue(chi2 < limit, "seed " + SEED + ", " + proposal + ": chi2 " + chi2 + " over " + cells + " cells, limit " + limit);
    }

    private static int cell(double[] u) {
        return (int) (u[0] * GRID) * GRID + (int) (u[1] * GRID);
    }
}
