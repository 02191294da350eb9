package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutocorrelationTest {
    private static final long SEED = 0x5eed_ac0fL;
    private static final int WALKERS = 32;
    private static final int STEPS = 10_000;

    /** Stationary AR(1) chains x_t = ρ x_{t−1} + √(1 − ρ²) ε_t, whose τ is (1 + ρ)/(1 − ρ). */
    private static double[][] ar1(double rho, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double innovation = Math.sqrt(1 - rho * rho);
        double[][] chains = new double[WALKERS][STEPS];
        for (double[] chain : chains) {
            double x = gaussian.sample();
            for (int t = 0; t < STEPS; t++) {
                chain[t] = x;
                x = rho * x + innovation * gaussian.sample();
            }
        }
        return chains;
    }

    /** ρ̂(k) against the defining sum over lags, evaluated directly in O(n²). */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 17, 100, 128})
    void functionMatchesTheDirectSum(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + n);
        double[] x = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            // A trend plus noise, so that the lags are far from zero.
            x[t] = 0.05 * t + rng.nextDouble();
            mean += x[t] / n;
        }
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t + k < n; t++) {
                c[k] += (x[t] - mean) * (x[t + k] - mean);
            }
        }
        double[] rho = Autocorrelation.function(x);
        assertEquals(n, rho.length);
        for (int k = 0; k < n; k++) {
            assertEquals(c[k] / c[0], rho[k], 1e-12, "seed " + (SEED + n) + ", lag " + k);
        }
    }

    /**
     * With 32 × 10⁴ steps the estimator's relative standard deviation is √(2(2M + 1)/N) ≈ 3.5 %
     * at ρ = 0.9 (M ≈ 5τ = 95; Sokal 1989) and less at smaller ρ, and its bias (the
     * per-walker mean and the window cut) is below 3 %; a 20 % tolerance is more than 4.8
     * standard deviations: a false-failure rate below 2e-6 per case.
     */
    @ParameterizedTest(name = "rho = {0}")
    @CsvSource({"0.5", "0.9"})
    void recoversTheTimeOfAnAutoregressiveProcess(double rho) {
        long seed = SEED + Double.hashCode(rho);
        double expected = (1 + rho) / (1 - rho);
        double tau = Autocorrelation.integratedTime(ar1(rho, seed));
        assertEquals(expected, tau, 0.2 * expected, "seed " + seed + ", rho " + rho);
    }

    /**
     * White noise: τ = 1, and the window stops at M = 5 or 6, where M ≥ 5τ(M) first holds. τ̂ =
     * 1 + 2 Σ_{k≤M} ρ̄(k) has standard deviation 2√(M/N) ≈ 0.009 for N = 32 × 10⁴; a tolerance
     * of 0.05 is 5.5 standard deviations: a false-failure rate below 1e-7.
     */
    @Test
    void whiteNoiseHasTimeOne() {
        long seed = SEED + 7;
        double tau = Autocorrelation.integratedTime(ar1(0, seed));
        assertEquals(1, tau, 0.05, "seed " + seed);
    }

    /** The window is the first M with M ≥ c τ(M): here 6 ≥ 5 × 1.0, after 5 < 5 × 1.1. */
    @Test
    void windowIsTheFirstLagBeyondFiveTimesTau() {
        double[] tau = {1, 1.2, 1.3, 1.35, 1.2, 1.1, 1.0, 0.9, 0.8};
        assertEquals(6, Autocorrelation.sokalWindow(tau, 5));
        assertEquals(3, Autocorrelation.sokalWindow(tau, 2));
    }

    /** A chain too short for its τ gets the last lag, as emcee's auto_window does. */
    @Test
    void windowFallsBackToTheLastLag() {
        double[] tau = {1, 3, 5, 7, 9};
        assertEquals(4, Autocorrelation.sokalWindow(tau, 5));
    }

    @Test
    void constantWalkerMakesTauUndefined() {
        double[][] chains = ar1(0.5, SEED + 11);
        Arrays.fill(chains[3], 0.1);
        assertTrue(Double.isNaN(Autocorrelation.integratedTime(chains)));
    }
}
