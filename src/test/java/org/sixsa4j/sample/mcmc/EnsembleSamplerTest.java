package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.LogDensity;
import org.sixsa4j.simulate.RandomStreams;

class EnsembleSamplerTest {
    private static final long SEED = 0x5eed_e75eL;
    private static final int DIMENSION = CorrelatedGaussian.MEAN.length;
    private static final int WALKERS = EnsembleSampler.defaultWalkers(DIMENSION);

    /** Normal quantile for a two-sided false-failure rate of 6e-7 per assertion (20 assertions: 1.2e-5). */
    private static final double Z = 5;

    /** Walkers in a tight ball away from the mode, so that the burn-in has work to do. */
    private static double[][] starts(LogDensity density, int walkers, long seed) {
        double[] centre = CorrelatedGaussian.MEAN.clone();
        centre[0] += 2;
        centre[4] -= 10;
        double[] scale = {1e-3, 1e-3, 1e-3, 1e-3, 1e-3};
        return WalkerStarts.ball(density, centre, scale, walkers, RandomStreams.of(seed).stream(walkers));
    }

    private static Chain run(LogDensity density, EnsembleSettings settings, int walkers) {
        return new EnsembleSampler(settings).run(density, starts(density, walkers, settings.seed()), ProgressListener.NONE);
    }

    private static EnsembleSettings.Builder settings(long seed, int steps) {
        return EnsembleSettings.builder().steps(steps).seed(seed);
    }

    /**
     * Each estimate E[f] is the mean over all kept samples, and its Monte-Carlo standard error comes
     * from the ensemble-average series f̄_t = (1/W) Σ_k f(X_k(t)) as Goodman &amp; Weare (2010)
     * define it: MCSE = sd(f̄) √(τ_f̄ / n). Being one series, it carries the correlations between
     * walkers that per-walker errors would miss. Means are f = θ_i; covariances f = (θ_i − μ_i)(θ_j −
     * μ_j) with the true μ, whose expectation is Σ_ij.
     */
    @Test
    void samplesACorrelatedGaussian() {
        EnsembleSettings s = settings(SEED, 12_000).burnIn(2_000).build();
        Chain chain = run(new CorrelatedGaussian(), s, WALKERS);
        String where = "seed " + SEED;
        assertEquals(10_000, chain.length(), where);
        for (int i = 0; i < DIMENSION; i++) {
            final int p = i;
            assertWithinErrors(chain, theta -> theta[p], CorrelatedGaussian.MEAN[i], where + ", mean of θ" + i);
            for (int j = 0; j <= i; j++) {
                final int q = j;
                double[] mu = CorrelatedGaussian.MEAN;
                assertWithinErrors(chain, theta -> (theta[p] - mu[p]) * (theta[q] - mu[q]), new CorrelatedGaussian().covariance(i, j),
                        where + ", Σ_" + i + j);
            }
        }
        double acceptance = chain.meanAcceptanceFraction();
        assertTrue(acceptance > 0.2 && acceptance < 0.6, where + ": acceptance fraction " + acceptance);
        Convergence convergence = chain.convergence();
        assertTrue(convergence.converged(), where + ": " + convergence.reason());
    }

    private static void assertWithinErrors(Chain chain, ToDoubleFunction<double[]> f, double expected, String what) {
        int n = chain.length();
        double[] average = new double[n];
        double[] theta = new double[chain.dimension()];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < chain.walkers(); k++) {
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = chain.sample(k, t, i);
                }
                average[t] += f.applyAsDouble(theta) / chain.walkers();
            }
        }
        double mean = 0;
        for (double v : average) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : average) {
            ss += (v - mean) * (v - mean);
        }
        double tau = Autocorrelation.integratedTime(new double[][] {average});
        double mcse = Math.sqrt(ss / (n - 1) * tau / n);
        assertEquals(expected, mean, Z * mcse, what + " (MCSE " + mcse + ", τ " + tau + ")");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3})
    void sameSeedGivesTheSameChainOnAnyNumberOfThreads(int threads) {
        LogDensity density = new CorrelatedGaussian();
        Chain one = run(density, settings(SEED, 300).build(), 12);
        Chain many = run(density, settings(SEED, 300).threads(threads).build(), 12);
        assertArrayEquals(one.flat(), many.flat(), "seed " + SEED);
        assertArrayEquals(one.acceptanceFraction(), many.acceptanceFraction(), "seed " + SEED);
        for (int k = 0; k < 12; k++) {
            for (int t = 0; t < one.length(); t++) {
                assertEquals(one.logProbability(k, t), many.logProbability(k, t));
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentChains() {
        LogDensity density = new CorrelatedGaussian();
        double[][] starts = starts(density, 12, SEED);
        double[][] a = new EnsembleSampler(settings(SEED, 50).build()).run(density, starts, ProgressListener.NONE).flat();
        double[][] b = new EnsembleSampler(settings(SEED + 1, 50).build()).run(density, starts, ProgressListener.NONE).flat();
        assertFalse(Arrays.deepEquals(a, b), "seeds " + SEED + " and " + (SEED + 1));
    }

    /** The kept step m of a thinned run is step burnIn + m·thin + thin − 1 of the full run. */
    @Test
    void burnInAndThinningKeepTheDocumentedSteps() {
        LogDensity density = new CorrelatedGaussian();
        Chain full = run(density, settings(SEED, 40).build(), 12);
        Chain thinned = run(density, settings(SEED, 40).burnIn(5).thin(3).build(), 12);
        assertEquals(11, thinned.length());
        for (int m = 0; m < thinned.length(); m++) {
            for (int k = 0; k < 12; k++) {
                for (int i = 0; i < DIMENSION; i++) {
                    assertEquals(full.sample(k, 5 + 3 * m + 2, i), thinned.sample(k, m, i), "step " + m + ", walker " + k);
                }
            }
        }
    }

    @Test
    void countsEvaluationsAndReportsProgress() {
        AtomicLong calls = new AtomicLong();
        CorrelatedGaussian gaussian = new CorrelatedGaussian();
        LogDensity counted = theta -> {
            calls.incrementAndGet();
            return gaussian.value(theta);
        };
        double[][] starts = starts(gaussian, 12, SEED);
        List<int[]> progress = new ArrayList<>();
        Chain chain = new EnsembleSampler(settings(SEED, 25).threads(2).build())
                .run(counted, starts, (done, total) -> progress.add(new int[] {done, total}));
        assertEquals(calls.get(), chain.evaluations());
        assertEquals(12 * 26, chain.evaluations());
        assertEquals(25, progress.size());
        for (int t = 0; t < 25; t++) {
            assertArrayEquals(new int[] {t + 1, 25}, progress.get(t));
        }
    }

    /** A short run must not be called converged, and must say why. */
    @Test
    void refusesToCallAShortChainConverged() {
        Chain chain = run(new CorrelatedGaussian(), settings(SEED, 200).build(), WALKERS);
        Convergence convergence = chain.convergence(List.of("a", "b", "c", "d", "e"));
        assertFalse(convergence.converged(), "seed " + SEED);
        assertTrue(convergence.reason().contains("50 τ"), convergence.reason());
        assertTrue(convergence.reason().startsWith("not converged: a:"), convergence.reason());
    }

    /** NaN is −∞: the same run with NaN or −∞ outside the unit square gives the same chain, inside it. */
    @Test
    void nanIsReadAsMinusInfinity() {
        double[][] starts = WalkerStarts.ball(theta -> 0, new double[] {0.5, 0.5}, new double[] {0.1, 0.1}, 8,
                RandomStreams.of(SEED).stream(8));
        EnsembleSettings s = settings(SEED, 500).build();
        Chain withNan = new EnsembleSampler(s).run(theta -> inUnitSquare(theta) ? 0 : Double.NaN, starts, ProgressListener.NONE);
        Chain withInf = new EnsembleSampler(s).run(theta -> inUnitSquare(theta) ? 0 : Double.NEGATIVE_INFINITY, starts,
                ProgressListener.NONE);
        assertArrayEquals(withInf.flat(), withNan.flat(), "seed " + SEED);
        for (double[] theta : withNan.flat()) {
            assertTrue(inUnitSquare(theta), Arrays.toString(theta));
        }
    }

    private static boolean inUnitSquare(double[] theta) {
        return theta[0] >= 0 && theta[0] <= 1 && theta[1] >= 0 && theta[1] <= 1;
    }

    /**
     * The walkers start 10 ball radii below the +∞ region and diffuse over the flat density into
     * it; on several threads the error crosses from a pool thread to the caller.
     */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void plusInfinityIsAnError(int threads) {
        double[][] starts = starts(new CorrelatedGaussian(), 12, SEED);
        EnsembleSampler sampler = new EnsembleSampler(settings(SEED, 500).threads(threads).build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sampler.run(theta -> theta[0] > CorrelatedGaussian.MEAN[0] + 2.01 ? Double.POSITIVE_INFINITY : 0, starts,
                        ProgressListener.NONE));
        assertTrue(e.getMessage().contains("+∞"), e.getMessage());
    }

    @Test
    void startsWhereTheDensityIsMinusInfinityOrNanAreRejected() {
        LogDensity density = new CorrelatedGaussian();
        EnsembleSampler sampler = new EnsembleSampler(settings(SEED, 10).build());
        double[][] starts = starts(density, 12, SEED);
        starts[3][4] = 1e6;
        LogDensity bounded = theta -> theta[4] > 1e5 ? Double.NEGATIVE_INFINITY : density.value(theta);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sampler.run(bounded, starts, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("walker 3") && e.getMessage().contains("−∞"), e.getMessage());
        LogDensity nan = theta -> theta[4] > 1e5 ? Double.NaN : density.value(theta);
        e = assertThrows(IllegalArgumentException.class, () -> sampler.run(nan, starts, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("walker 3"), e.getMessage());
    }

    @Test
    void rejectsEnsemblesThatCannotMove() {
        LogDensity density = new CorrelatedGaussian();
        EnsembleSampler sampler = new EnsembleSampler(settings(SEED, 10).build());
        assertThrows(IllegalArgumentException.class, () -> sampler.run(density, starts(density, 11, SEED), ProgressListener.NONE),
                "odd number of walkers");
        assertThrows(IllegalArgumentException.class, () -> sampler.run(density, starts(density, 8, SEED), ProgressListener.NONE),
                "fewer than 2d walkers");
        double[][] same = new double[12][];
        for (int k = 0; k < 12; k++) {
            same[k] = CorrelatedGaussian.MEAN.clone();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sampler.run(density, same, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("parameter 0"), e.getMessage());
        // θ4 = θ0 + θ1 for every walker: the ensemble spans only four dimensions.
        double[][] flat = starts(density, 12, SEED);
        for (double[] theta : flat) {
            theta[4] = theta[0] + theta[1];
        }
        e = assertThrows(IllegalArgumentException.class, () -> sampler.run(density, flat, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("parameter 4"), e.getMessage());
    }
}
