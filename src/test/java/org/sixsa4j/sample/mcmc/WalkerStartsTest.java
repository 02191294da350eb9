package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;
import org.sixsa4j.sbi.Priors;

class WalkerStartsTest {
    private static final long SEED = 0x5eed_57a7L;

    /** Normal quantile for a two-sided false-failure rate of 6e-7 per assertion. */
    private static final double Z = 5;

    /**
     * 4000 points of N(c, s²) per coordinate: the mean is within Z s/√n of c, and the variance
     * within Z s² √(2/n) of s² (the normal approximation to the χ² law is good at n = 4000).
     */
    @Test
    void ballIsGaussianAroundTheCentre() {
        double[] centre = {3, -1e4};
        double[] scale = {0.5, 20};
        int n = 4000;
        double[][] starts = WalkerStarts.ball(theta -> 0, centre, scale, n, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));
        for (int i = 0; i < 2; i++) {
            double mean = 0;
            for (double[] theta : starts) {
                mean += theta[i] / n;
            }
            double ss = 0;
            for (double[] theta : starts) {
                ss += (theta[i] - centre[i]) * (theta[i] - centre[i]);
            }
            double s2 = scale[i] * scale[i];
            assertEquals(centre[i], mean, Z * scale[i] / Math.sqrt(n), "seed " + SEED + ", mean " + i);
            assertEquals(s2, ss / n, Z * s2 * Math.sqrt(2.0 / n), "seed " + SEED + ", variance " + i);
        }
    }

    @Test
    void ballRedrawsPointsOutsideTheSupport() {
        LogDensity halfPlane = theta -> theta[0] >= 0 ? 0 : Double.NEGATIVE_INFINITY;
        double[][] starts = WalkerStarts.ball(halfPlane, new double[] {0, 0}, new double[] {1, 1}, 200,
                RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));
        for (double[] theta : starts) {
            assertTrue(theta[0] >= 0, "seed " + SEED + ": " + theta[0]);
        }
    }

    @Test
    void sameGeneratorSeedGivesTheSameStarts() {
        double[] centre = {1, 2, 3};
        double[] scale = {0.1, 0.1, 0.1};
        double[][] a = WalkerStarts.ball(theta -> 0, centre, scale, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));
        double[][] b = WalkerStarts.ball(theta -> 0, centre, scale, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));
        assertArrayEquals(a, b);
    }

    @Test
    void fromPriorKeepsDrawsWhereThePosteriorIsFinite() {
        JointPrior prior = JointPrior.of(List.of("a", "b"), List.of(Priors.uniform(0, 1), Priors.logUniform(1, 100)));
        LogDensity posterior = theta -> theta[0] > 0.5 ? Double.NaN : prior.logDensity(theta);
        double[][] starts = WalkerStarts.fromPrior(prior, posterior, 100, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED));
        assertEquals(100, starts.length);
        for (double[] theta : starts) {
            assertTrue(theta[0] >= 0 && theta[0] <= 0.5 && theta[1] >= 1 && theta[1] <= 100, "seed " + SEED + ": a " + theta[0]
                    + ", b " + theta[1]);
        }
    }

    @Test
    void givesUpWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WalkerStarts.ball(
                theta -> Double.NEGATIVE_INFINITY, new double[] {5}, new double[] {1}, 4, RandomSource.XO_RO_SHI_RO_128_PP.create(SEED)));
        assertTrue(e.getMessage().contains("walker 0") && e.getMessage().contains("1000 draws") && e.getMessage().contains("[5.0]"),
                e.getMessage());
    }

    @Test
    void rejectsBadBalls() {
        assertThrows(IllegalArgumentException.class, () -> WalkerStarts.ball(theta -> 0, new double[] {0, 0}, new double[] {1}, 4,
                RandomSource.XO_RO_SHI_RO_128_PP.create(SEED)));
        assertThrows(IllegalArgumentException.class, () -> WalkerStarts.ball(theta -> 0, new double[] {0}, new double[] {0}, 4,
                RandomSource.XO_RO_SHI_RO_128_PP.create(SEED)));
        assertThrows(IllegalArgumentException.class, () -> WalkerStarts.ball(theta -> 0, new double[] {0}, new double[] {1}, 0,
                RandomSource.XO_RO_SHI_RO_128_PP.create(SEED)));
    }
}
