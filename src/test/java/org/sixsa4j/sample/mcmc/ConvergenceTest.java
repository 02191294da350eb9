package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Diagnostics of chains built directly, with known defects. */
class ConvergenceTest {
    private static final long SEED = 0x5eed_c0feL;
    private static final int WALKERS = 16;
    private static final int LENGTH = 4000;

    /** Two parameters of independent N(offset[k], 1) draws for walker k. */
    private static Chain whiteNoise(long seed, double[] offset) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] samples = new double[WALKERS][2 * LENGTH];
        for (int k = 0; k < WALKERS; k++) {
            for (int j = 0; j < 2 * LENGTH; j++) {
                samples[k][j] = offset[k] + gaussian.sample();
            }
        }
        return new Chain(2, 0, 1, samples, new double[WALKERS][LENGTH], new double[WALKERS], WALKERS * (LENGTH + 1L), Duration.ZERO);
    }

    /**
     * Independent draws: τ = 1 (±0.05 is over 5 standard deviations of 2√(5/64000), see
     * AutocorrelationTest), so the chain is 4000 τ long and the ESS about 64000; R̂ is within
     * 0.005 of 1 (see SplitRhatTest). False-failure rate below 1e-6.
     */
    @Test
    void independentDrawsConverge() {
        Convergence c = whiteNoise(SEED, new double[WALKERS]).convergence(List.of("x", "y"));
        assertTrue(c.converged(), "seed " + SEED + ": " + c.reason());
        for (int i = 0; i < 2; i++) {
            assertEquals(1, c.tau()[i], 0.05, "seed " + SEED);
            assertEquals(LENGTH / c.tau()[i], c.lengthInTau()[i], 1e-9);
            assertEquals(WALKERS * LENGTH / c.tau()[i], c.effectiveSampleSize()[i], 1e-6);
            assertEquals(1, c.rhat()[i], 0.005, "seed " + SEED);
        }
    }

    /** Four of sixteen walkers sit 3σ away: long enough, but R̂ flags both parameters. */
    @Test
    void aStuckGroupOfWalkersIsNotConverged() {
        double[] offset = new double[WALKERS];
        for (int k = 0; k < 4; k++) {
            offset[k] = 3;
        }
        Convergence c = whiteNoise(SEED + 1, offset).convergence(List.of("x", "y"));
        assertFalse(c.converged(), "seed " + (SEED + 1));
        assertTrue(c.reason().contains("x: R̂ = ") && c.reason().contains("y: R̂ = "), c.reason());
        assertFalse(c.reason().contains("50 τ"), c.reason());
    }

    @Test
    void aWalkerThatNeverMovedIsNotConverged() {
        Chain chain = whiteNoise(SEED + 2, new double[WALKERS]);
        double[][] samples = new double[WALKERS][];
        for (int k = 0; k < WALKERS; k++) {
            samples[k] = new double[2 * LENGTH];
            for (int t = 0; t < LENGTH; t++) {
                samples[k][2 * t] = k == 7 ? 0.25 : chain.sample(k, t, 0);
                samples[k][2 * t + 1] = chain.sample(k, t, 1);
            }
        }
        Chain stuck = new Chain(2, 0, 1, samples, new double[WALKERS][LENGTH], new double[WALKERS], 0, Duration.ZERO);
        Convergence c = stuck.convergence();
        assertFalse(c.converged());
        assertTrue(c.reason().contains("θ0: τ is undefined"), c.reason());
        assertFalse(c.reason().contains("θ1"), c.reason());
    }

    @Test
    void needsOneNamePerParameter() {
        Chain chain = whiteNoise(SEED, new double[WALKERS]);
        assertThrows(IllegalArgumentException.class, () -> chain.convergence(List.of("x")));
    }
}
