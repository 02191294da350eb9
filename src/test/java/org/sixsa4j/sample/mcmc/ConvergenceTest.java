package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Eight walkers of four steps: groups of two, first halves then last halves. */
    @Test
    void groupsPoolFirstHalvesThenLastHalves() {
        double[][] traces = new double[8][];
        for (int k = 0; k < 8; k++) {
            traces[k] = new double[] {10 * k, 10 * k + 1, 10 * k + 2, 10 * k + 3};
        }
        double[][] groups = Convergence.walkerGroups(traces);
        assertEquals(4, groups.length);
        assertArrayEquals(new double[] {0, 1, 10, 11, 2, 3, 12, 13}, groups[0]);
        assertArrayEquals(new double[] {60, 61, 70, 71, 62, 63, 72, 73}, groups[3]);
    }

    @Test
    void oddLengthsLeaveTheMiddleStepOutAndOddEnsemblesKeepOneChainPerWalker() {
        double[][] traces = {{0, 1, 2, 3, 4}, {10, 11, 12, 13, 14}, {20, 21, 22, 23, 24}};
        double[][] groups = Convergence.walkerGroups(traces);
        assertEquals(3, groups.length);
        assertArrayEquals(new double[] {10, 11, 13, 14}, groups[1]);
        double[][] six = new double[6][];
        for (int k = 0; k < 6; k++) {
            six[k] = new double[] {k, k, k, k, k};
        }
        double[][] two = Convergence.walkerGroups(six);
        assertEquals(2, two.length);
        assertArrayEquals(new double[] {3, 3, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5}, two[1]);
    }

    /**
     * 32 independent AR(1) walkers with τ = (1 + ρ)/(1 − ρ) = 40, each 60 τ long: mixed, and
     * long enough by emcee's rule. One chain per walker would give R̂ ≈ 1 + τ/L ≈ 1.017 (the
     * walker half-chains hold 30 independent draws each); the four groups hold eight times more
     * and R̂ is within 0.005 of 1, over five seeds.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void correlatedButMixedWalkersConverge(long seed) {
        int walkers = 32;
        double tau = 40;
        double rho = (tau - 1) / (tau + 1);
        int length = (int) (60 * tau);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] samples = new double[walkers][length];
        double innovation = Math.sqrt(1 - rho * rho);
        for (int k = 0; k < walkers; k++) {
            double x = gaussian.sample();
            for (int t = 0; t < length; t++) {
                samples[k][t] = x;
                x = rho * x + innovation * gaussian.sample();
            }
        }
        Chain chain = new Chain(1, 0, 1, samples, new double[walkers][length], new double[walkers], 0, Duration.ZERO);
        Convergence c = chain.convergence();
        assertEquals(1, c.rhat()[0], 0.005, "seed " + seed);
        assertTrue(SplitRhat.of(chain.traces(0)) > c.rhat()[0], "seed " + seed + ": one chain per walker should scatter more");
    }

    @Test
    void needsOneNamePerParameter() {
        Chain chain = whiteNoise(SEED, new double[WALKERS]);
        assertThrows(IllegalArgumentException.class, () -> chain.convergence(List.of("x")));
    }
}
