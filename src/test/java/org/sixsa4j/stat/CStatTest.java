package org.sixsa4j.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CStatTest {

    @Test
    void binMatchesTheDefinitionAtHandPoints() {
        // 2 (m − d + d ln(d/m)) written out by hand
        assertEquals(2 * (2 - 3 + 3 * Math.log(1.5)), CStat.bin(3, 2), 1e-15);
        assertEquals(2 * (7.5 - 5 + 5 * Math.log(5 / 7.5)), CStat.bin(5, 7.5), 1e-15);
        // d = 0 drops the logarithm: 2m
        assertEquals(2 * 4.25, CStat.bin(0, 4.25));
    }

    @Test
    void zeroModelIsInfiniteUnlessTheBinIsEmpty() {
        assertEquals(Double.POSITIVE_INFINITY, CStat.bin(1, 0));
        assertEquals(Double.POSITIVE_INFINITY, CStat.value(new double[] {0, 2}, new double[] {1, 0}));
        assertEquals(0, CStat.bin(0, 0));
    }

    @Test
    void aNaNModelGivesNaNRatherThanHanging() {
        assertTrue(Double.isNaN(CStat.bin(3, Double.NaN)));
    }

    /**
     * Large, nearly equal d and m, where the direct formula cancels. The expected values were
     * computed with mpmath at 40 significant digits from 2 (m − d + d ln(d/m)) on the same doubles.
     */
    @Test
    void accurateWhenCountsAndModelAreLargeAndClose() {
        assertEquals(0.8998200404902824293753, CStat.bin(1e7, 1e7 + 3000), 1e-15 * 0.9);
        assertEquals(2.025000220725024243556e-8, CStat.bin(12345678, 12345677.5), 1e-15 * 2.03e-8);
        assertEquals(0.009999999333333383333329, CStat.bin(1e12, 1e12 * (1 + 1e-7)), 1e-15 * 0.01);
        assertEquals(0.4327906486489862918681, CStat.bin(3, 2), 1e-15);
        assertEquals(5.216608098422191721862, CStat.bin(0.5, 1e-3), 1e-15 * 5.2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void nonNegativeAndZeroExactlyAtTheData(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int trial = 0; trial < 2000; trial++) {
            double d = RandomCounts.draw(rng);
            double m = Math.exp(rng.nextDouble(-12, 17));
            assertTrue(CStat.bin(d, m) >= 0, "seed " + seed + ": C(" + d + ", " + m + ") < 0");
            assertEquals(0.0, CStat.bin(d, d), "seed " + seed + ": C(d, d) for d = " + d);
            // the next doubles around d are not d: C must be strictly positive there
            if (d > 0) {
                assertTrue(CStat.bin(d, Math.nextUp(d)) > 0, "seed " + seed + ", d = " + d);
            }
        }
    }

    /**
     * Each bin's term is convex in m with its minimum at m = d, so moving every m_i along the
     * straight line towards d_i never increases C.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void movingTheModelTowardTheDataNeverIncreasesC(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 64;
        double[] d = new double[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = RandomCounts.draw(rng);
            start[i] = Math.exp(rng.nextDouble(-5, 8));
        }
        double[] m = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 20; step++) {
            double t = step / 20.0;
            for (int i = 0; i < n; i++) {
                m[i] = (1 - t) * start[i] + t * d[i];
            }
            double c = CStat.value(d, m);
            assertTrue(c <= previous, "seed " + seed + ": C rose from " + previous + " to " + c + " at t = " + t);
            previous = c;
        }
        assertEquals(0.0, previous, "seed " + seed + ": C at m = d");
    }

    /**
     * For a model {@code s · shape}, {@code dC/ds = 2 Σ (shape − d/s)} vanishes at the closed-form
     * best normalisation {@code s* = Σd / Σshape}; C must fall monotonically as s approaches s*
     * from either side.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void scalingTheNormalisationTowardItsBestFitNeverIncreasesC(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 48;
        double[] shape = new double[n];
        double[] d = new double[n];
        double sumShape = 0;
        double sumD = 0;
        for (int i = 0; i < n; i++) {
            shape[i] = Math.exp(rng.nextDouble(-3, 3));
            d[i] = PoissonSampler.of(rng, 2.5 * shape[i]).sample();
            sumShape += shape[i];
            sumD += d[i];
        }
        double best = sumD / sumShape;
        double[] m = new double[n];
        for (double side : new double[] {0.05, 20}) {
            double previous = Double.POSITIVE_INFINITY;
            for (int step = 0; step <= 40; step++) {
                // geometric path from side·s* to s*
                double s = best * Math.pow(side, 1 - step / 40.0);
                for (int i = 0; i < n; i++) {
                    m[i] = s * shape[i];
                }
                double c = CStat.value(d, m);
                assertTrue(c <= previous, "seed " + seed + ": C rose to " + c + " at s/s* = " + s / best);
                previous = c;
            }
            double atBest = previous;
            for (double nudge : new double[] {1 - 1e-4, 1 + 1e-4}) {
                for (int i = 0; i < n; i++) {
                    m[i] = best * nudge * shape[i];
                }
                assertTrue(CStat.value(d, m) > atBest, "seed " + seed + ": s* is not the minimum");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void offsetsSelectTheSameBinsAndContributionsAddUp(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 30;
        double[] d = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = RandomCounts.draw(rng);
            m[i] = Math.exp(rng.nextDouble(-4, 6));
        }
        // embed the data at offset 3 and the model at offset 7 of larger arrays with garbage around
        double[] dBig = new double[n + 10];
        double[] mBig = new double[n + 12];
        java.util.Arrays.fill(dBig, -1);
        java.util.Arrays.fill(mBig, Double.NaN);
        System.arraycopy(d, 0, dBig, 3, n);
        System.arraycopy(m, 0, mBig, 7, n);
        double whole = CStat.value(d, m);
        assertEquals(whole, CStat.value(dBig, 3, mBig, 7, n), "seed " + seed);

        double[] out = new double[n + 2];
        CStat.contributions(dBig, 3, mBig, 7, n, out, 2);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(CStat.bin(d[i], m[i]), out[2 + i], "seed " + seed + ", bin " + i);
            sum += out[2 + i];
        }
        assertEquals(whole, sum, 1e-12 * whole, "seed " + seed);
    }
}
