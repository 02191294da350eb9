package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.LogDensity;

class SliceWalkTest {
    private static final long SEED = 0x5eed_0c01L;
    private static final double[] CENTRE = {0.5, 0.45};
    private static final double RADIUS = 0.3;
    private static final int CHAINS = 4000;

    /** log L = 0 in the disc, −1 just outside it and −∞ far out: the slice above −0.5 is the disc. */
    private static final LogDensity DISC = theta -> {
        double dx = theta[0] - CENTRE[0];
        double dy = theta[1] - CENTRE[1];
        double r = Math.sqrt(dx * dx + dy * dy);
        return r <= RADIUS ? 0 : r < 1.5 * RADIUS ? -1 : Double.NEGATIVE_INFINITY;
    };

    /**
     * Walks all started at the disc's centre must, after a few steps, end uniformly on the disc:
     * (r/R)² and the angle are then uniform on [0, 1) and [0, 2π). Both are checked by χ² tests
     * on 10 bins at a false-failure rate of 1e-6 each.
     */
    @Test
    void walksFromOnePointEndUniformOnTheSlice() {
        CubeLikelihood target = new CubeLikelihood(Gaussian.box(2, 0, 1), DISC);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        FriendsRegion metric = FriendsRegion.around(FriendsRegionTest.ring(rng, 200, CENTRE[0], CENTRE[1], RADIUS, RADIUS, 0), 30, rng);
        long[] radial = new long[10];
        long[] angular = new long[10];
        for (int c = 0; c < CHAINS; c++) {
            double[] u = CENTRE.clone();
            double[] theta = CENTRE.clone();
            SliceWalk walk = new SliceWalk(target, metric, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1 + c), -0.5);
            double logL = walk.walk(u, theta, 0, 4);
            assertEquals(0, logL, "seed " + (SEED + 1 + c) + ": the walk left the slice");
            assertEquals(DISC.value(u), logL, "seed " + (SEED + 1 + c));
            assertTrue(walk.evaluations() >= 4, "seed " + (SEED + 1 + c));
            double dx = u[0] - CENTRE[0];
            double dy = u[1] - CENTRE[1];
            radial[Math.min(9, (int) (10 * (dx * dx + dy * dy) / (RADIUS * RADIUS)))]++;
            angular[Math.min(9, (int) (10 * (Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)))]++;
        }
        double limit = ChiSquaredDistribution.of(9).inverseSurvivalProbability(1e-6);
        assertTrue(chiSquare(radial) < limit, "seed " + SEED + ": radial chi2 " + chiSquare(radial));
        assertTrue(chiSquare(angular) < limit, "seed " + SEED + ": angular chi2 " + chiSquare(angular));
    }

    private static double chiSquare(long[] counts) {
        double expected = (double) CHAINS / counts.length;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    @Test
    void notANumberCountsAsZeroLikelihood() {
        CubeLikelihood target = new CubeLikelihood(Gaussian.box(1, 0, 1), theta -> Double.NaN);
        assertEquals(Double.NEGATIVE_INFINITY, target.logL(new double[] {0.5}, new double[1]));
    }
}
