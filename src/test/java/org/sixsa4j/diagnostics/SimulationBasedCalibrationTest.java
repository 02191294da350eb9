package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationBasedCalibrationTest {
    private static final int RUNS = 500;
    /** L + 1 = 100 ranks, which 20 bins divide evenly, as Talts et al. advise. */
    private static final int SAMPLES = 99;

    @Test
    void ranksCountTheSamplesBelowTheTruth() {
        double[][] truth = {{0.5, 10}, {2.5, -1}};
        double[][][] samples = {
            {{0, 11}, {1, 9}, {0.4, 10}},
            {{3, -2}, {2, 0}, {2.4, -1}},
        };
        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(truth, samples);
        assertArrayEquals(new int[] {2, 2}, sbc.ranks(0));
        // A sample equal to the truth is not below it.
        assertArrayEquals(new int[] {1, 1}, sbc.ranks(1));
        assertEquals(2, sbc.runs());
        assertEquals(2, sbc.parameters());
        assertEquals(3, sbc.samplesPerRun());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anExactPosteriorPasses(long seed) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, 1, 0, seed);
        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(runs.truth(), runs.samples());
        for (int j = 0; j < 2; j++) {
            // The p-value is conservative (at most uniform) for calibrated ranks: each assertion
            // fails by chance with probability below 0.001.
            assertTrue(sbc.ksPValue(j) > 0.001, "seed " + seed + ", parameter " + j + ": p = " + sbc.ksPValue(j));
        }
    }

    @ParameterizedTest(name = "seed {0}: width {1}, shift {2}")
    @CsvSource({"1, 0.5, 0", "2, 0.5, 0", "3, 1, 1", "4, 2, 0"})
    void aMiscalibratedPosteriorFails(long seed, double width, double shift) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, width, shift, seed);
        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(runs.truth(), runs.samples());
        for (int j = 0; j < 2; j++) {
            // The statistic tends to 0.16 for widths 0.5 and 2 and to 0.38 for the shift, against 0.87/√500
            // = 0.039 typical of a calibrated posterior: p ≈ 1e-11 at 0.16, and below 1e-3 down to 0.087.
            assertTrue(sbc.ksPValue(j) < 1e-3, "seed " + seed + ", parameter " + j + ": p = " + sbc.ksPValue(j));
        }
    }

    @Test
    void aPosteriorTooNarrowGivesAUShapedHistogram() {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 1, 0.5, 0, 5);
        int[] histogram = SimulationBasedCalibration.of(runs.truth(), runs.samples()).rankHistogram(0, 10);
        assertEquals(RUNS, Arrays.stream(histogram).sum());
        // The rank fraction of a posterior half as wide is Φ(2z): the two end bins expect
        // 2Φ(Φ⁻¹(0.1)/2) = 0.52 of the runs (260 ± 11, against 100 calibrated) and the two middle
        // ones 0.10 (50 ± 7, against 100). Both bounds are over 3.5σ away: false failure below 1e-3.
        assertTrue(histogram[0] + histogram[9] > 200, Arrays.toString(histogram));
        assertTrue(histogram[4] + histogram[5] < 75, Arrays.toString(histogram));
    }

    @Test
    void theHistogramBinsRanksByEqualWidths() {
        // L = 3: ranks 0 … 3 in 2 bins, {0, 1} and {2, 3}.
        double[][] truth = {{0}, {1.5}, {2.5}, {9}, {9}};
        double[][][] samples = new double[5][][];
        Arrays.fill(samples, new double[][] {{1}, {2}, {3}});
        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(truth, samples);
        assertArrayEquals(new int[] {0, 1, 2, 3, 3}, sbc.ranks(0));
        assertArrayEquals(new int[] {2, 3}, sbc.rankHistogram(0, 2));
        assertArrayEquals(new int[] {1, 1, 1, 2}, sbc.rankHistogram(0, 4));
        assertThrows(IllegalArgumentException.class, () -> sbc.rankHistogram(0, 5));
    }

    @Test
    void theStatisticIsTheLargestGapToTheDiscreteUniform() {
        // L = 1, ranks {0, 0, 0, 1}: #{≤ 0}/4 = 0.75 against 0.5.
        double[][] truth = {{0}, {0}, {0}, {2}};
        double[][][] samples = new double[4][][];
        Arrays.fill(samples, new double[][] {{1}});
        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(truth, samples);
        assertEquals(0.25, sbc.ksStatistic(0), 1e-15);
        assertEquals(KolmogorovSmirnov.oneSamplePValue(0.25, 4), sbc.ksPValue(0), 0);
    }

    @Test
    void samplesProducedRunByRunGiveTheSameResult() {
        ConjugateGaussian runs = ConjugateGaussian.draw(100, SAMPLES, 3, 1, 0, 6);
        SimulationBasedCalibration inMemory = SimulationBasedCalibration.of(runs.truth(), runs.samples());
        SimulationBasedCalibration streamed = SimulationBasedCalibration.of(runs.truth(), i -> runs.samples()[i]);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(inMemory.ranks(j), streamed.ranks(j));
            assertEquals(inMemory.ksPValue(j), streamed.ksPValue(j), 0);
        }
    }

    @Test
    void badShapesAreRejectedWithTheRunNamed() {
        double[][] truth = {{0, 0}, {0, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationBasedCalibration.of(truth, new double[][][] {{{1, 1}}, {{1, 1}, {2, 2}}}));
        assertTrue(e.getMessage().contains("run 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SimulationBasedCalibration.of(truth, new double[][][] {{{1, 1}}, {{1}}}));
        assertTrue(e.getMessage().contains("run 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SimulationBasedCalibration.of(truth, new double[][][] {{{1, Double.NaN}}, {{1, 1}}}));
        assertTrue(e.getMessage().contains("run 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulationBasedCalibration.of(truth, new double[][][] {{{1, 1}}}));
    }
}
