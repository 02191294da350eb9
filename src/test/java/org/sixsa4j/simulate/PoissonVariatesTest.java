package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonVariatesTest {
    private static final long SEED = 0x5eed_2024_0601L;
    private static final int SAMPLES = 1_000_000;

    /**
     * Two-sided normal quantile for a false-failure rate of 1e-7 per assertion; the margin over
     * the 1e-6 quantile (4.89) absorbs the CLT's error in the skewed small-mean cases, so each
     * assertion fails falsely at a rate below 1e-6.
     */
    private static final double Z = 5.33;

    /** Cells are pooled until each expects this many counts, for the chi-square law to hold. */
    private static final double MIN_EXPECTED = 10;

    /** Chi-square p-value threshold: a false-failure rate of 1e-6 per assertion. */
    private static final double P_THRESHOLD = 1e-6;

    private static double[] sample(double mean, long seed, int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = PoissonVariates.sample(rng, mean);
        }
        return x;
    }

    private static double average(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Mean within Z·sqrt(μ/n) of μ; unbiased variance within Z·sqrt((μ + 2μ²)/n) of μ. */
    private static void assertMeanAndVariance(double[] x, double mean, long seed) {
        int n = x.length;
        double m = average(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double variance = ss / (n - 1);
        String where = "seed " + seed + ", mean " + mean;
        assertEquals(mean, m, Z * Math.sqrt(mean / n), where + ": sample mean");
        // Var(s²) = (μ₄ − σ⁴(n−3)/(n−1))/n with the Poisson central moment μ₄ = μ + 3μ².
        assertEquals(mean, variance, Z * Math.sqrt((mean + 2 * mean * mean) / n), where + ": sample variance");
    }

    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {0.001, 0.3, 1, 5, 9.99, 10, 10.01, 30, 100, 1e3, 1e5, 1e7})
    void sampleMeanAndVarianceMatchTheMean(double mean) {
        long seed = SEED + Double.hashCode(mean);
        assertMeanAndVariance(sample(mean, seed, SAMPLES), mean, seed);
    }

    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {1e9, 1e15, PoissonVariates.MAX_MEAN})
    void hugeMeansGiveWholeCountsWithTheRightMoments(double mean) {
        long seed = SEED + Double.hashCode(mean);
        double[] x = sample(mean, seed, 200_000);
        for (double v : x) {
            assertEquals(Math.rint(v), v, "seed " + seed + ": a count must be a whole number");
        }
        assertMeanAndVariance(x, mean, seed);
    }

    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {0.001, 0.3, 1, 5, 9.99, 10, 10.01, 30, 100, 1e3, 1e5, 1e7})
    void histogramPassesChiSquareAgainstTheExactPmf(double mean) {
        long seed = SEED ^ Double.doubleToLongBits(mean);
        double[] x = sample(mean, seed, SAMPLES);
        PoissonDistribution poisson = PoissonDistribution.of(mean);
        double n = x.length;

        // Cells [.., upper[c]] pooled from the left until each expects MIN_EXPECTED counts; the
        // last cell is open and holds the right tail. Starting where the CDF reaches 1e-12 skips
        // millions of empty values for large means; the first cell still holds all of them.
        List<Long> upper = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        int k = Math.max(0, poisson.inverseCumulativeProbability(1e-12) - 1);
        double cell = n * poisson.cumulativeProbability(k);
        while (true) {
            double tail = n * poisson.survivalProbability(k);
            if (tail < MIN_EXPECTED) {
                upper.add(Long.MAX_VALUE);
                expected.add(cell + tail);
                break;
            }
            if (cell >= MIN_EXPECTED) {
                upper.add((long) k);
                expected.add(cell);
                cell = 0;
            }
            k++;
            cell += n * poisson.probability(k);
        }
        long[] bounds = upper.stream().mapToLong(Long::longValue).toArray();
        long[] observed = new long[bounds.length];
        for (double v : x) {
            int c = Arrays.binarySearch(bounds, (long) v);
            observed[c < 0 ? -c - 1 : c]++;
        }
        double chi2 = 0;
        for (int c = 0; c < bounds.length; c++) {
            double e = expected.get(c);
            chi2 += (observed[c] - e) * (observed[c] - e) / e;
        }
        int degrees = bounds.length - 1;
        double p = ChiSquaredDistribution.of(degrees).survivalProbability(chi2);
        assertTrue(p > P_THRESHOLD, "seed " + seed + ", mean " + mean + ": chi2 = " + chi2
                + " on " + degrees + " degrees of freedom, p = " + p);
    }

    @Test
    void zeroMeanGivesZeroWithoutDrawing() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        UniformRandomProvider twin = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        assertEquals(0.0, PoissonVariates.sample(rng, 0.0));
        assertEquals(0.0, PoissonVariates.sample(rng, -0.0));
        assertEquals(twin.nextLong(), rng.nextLong(), "a zero mean must leave the stream untouched");
    }

    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {Double.NaN, -1e-300, -1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        0x1.0000000000001p52, 1e300, Double.MAX_VALUE})
    void invalidMeansAreRejectedWithTheValue(double mean) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonVariates.sample(rng, mean));
        assertTrue(e.getMessage().contains(String.valueOf(mean)), e.getMessage());
    }
}
