package org.sixsa4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;

class SummaryStatisticsTest {

    /** Eight 1 keV bins from 1 to 9 keV holding 1, 2, …, 8 counts. */
    private static final double[] LOW = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final double[] HIGH = {2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[] COUNTS = {1, 2, 3, 4, 5, 6, 7, 8};

    /**
     * Worked by hand: two geometric bands over 1–9 keV meet at √(1·9) = 3 keV, so the bins with
     * mid-energies 1.5 and 2.5 keV make C₁ = 3 and the rest C₂ = 33. The mean is 4.5, the standard
     * deviation √(42/8), the sum 36; the hardness ratio 33/(3 + 1) = 8.25, the differential ratio
     * (3 − 33)/(3 + 33 + 1) = −30/37, and the 4–6 keV window holds the bins centred at 4.5 and
     * 5.5 keV: 4 + 5 = 9.
     */
    @Test
    void handWorkedSpectrum() {
        SummaryStatistics summary = SummaryStatistics.of(LOW, HIGH, SummarySettings.defaults().withBands(2).withLineWindow(4, 6));

        assertArrayEquals(new double[] {1, 3, 9}, summary.bandEdges(), 1e-12);
        assertArrayEquals(new double[] {4.5, Math.sqrt(42.0 / 8), 36, 3, 33, 8.25, -30.0 / 37, 9}, summary.compress(COUNTS), 1e-12);
        assertEquals(List.of("mean", "std", "sum", "counts 1.000-3.000 keV", "counts 3.000-9.000 keV",
                "hardness 3.000-9.000 keV / 1.000-3.000 keV", "differential 1.000-3.000 keV / 3.000-9.000 keV",
                "line 4.000-6.000 keV"), summary.names());
        assertEquals(8, summary.inputSize());
        assertEquals(8, summary.outputSize());
    }

    /**
     * Three bands over 1–9 keV have edges 1, 9^(1/3) ≈ 2.08, 9^(2/3) ≈ 4.33, 9: the bins centred
     * at 1.5 | 2.5, 3.5 | 4.5 … 8.5 keV make bands of 1, 5 and 30 counts. Without ratios the
     * features stop after the bands; an empty spectrum gives zeros, not NaN.
     */
    @Test
    void threeBandsWithoutRatios() {
        SummaryStatistics summary = SummaryStatistics.of(LOW, HIGH,
                SummarySettings.defaults().withBands(3).withHardnessRatios(false).withDifferentialRatios(false));
        assertArrayEquals(new double[] {4.5, Math.sqrt(42.0 / 8), 36, 1, 5, 30}, summary.compress(COUNTS), 1e-12);

        SummaryStatistics ratios = SummaryStatistics.of(LOW, HIGH, SummarySettings.defaults().withBands(3));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, ratios.compress(new double[8]), 0.0);
        assertArrayEquals(new double[] {5.0 / 2, 30.0 / 6, -4.0 / 7, -25.0 / 36},
                Arrays.copyOfRange(ratios.compress(COUNTS), 6, 10), 1e-12);
    }

    /**
     * On random grids (log-spaced bins with gaps, as ignored channels leave) and random spectra:
     * every bin lands in exactly one band, so the bands add up to the sum; the ratios follow from
     * the bands; the batch gives the row-by-row values.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void bandsPartitionTheSpectrum(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int bins = 50 + rng.nextInt(200);
        double[] low = new double[bins];
        double[] high = new double[bins];
        double e = 0.2 + rng.nextDouble();
        for (int j = 0; j < bins; j++) {
            low[j] = e;
            high[j] = e * (1.005 + 0.02 * rng.nextDouble());
            e = high[j] * (rng.nextInt(10) == 0 ? 1.05 : 1);
        }
        int bands = 1 + rng.nextInt(8);
        SummaryStatistics summary = SummaryStatistics.of(low, high, SummarySettings.defaults().withBands(bands));
        double[][] spectra = new double[4][bins];
        for (double[] s : spectra) {
            for (int j = 0; j < bins; j++) {
                s[j] = rng.nextInt(50);
            }
        }
        double[][] batch = summary.compress(spectra);
        for (int i = 0; i < spectra.length; i++) {
            double[] f = summary.compress(spectra[i]);
            assertArrayEquals(f, batch[i], 0.0, "seed " + seed);
            assertEquals(3 + bands + 2 * (bands - 1), f.length, "seed " + seed);
            double bandSum = 0;
            for (int b = 0; b < bands; b++) {
                bandSum += f[3 + b];
            }
            assertEquals(f[2], bandSum, 1e-9, "seed " + seed + ": bands must add up to the sum");
            for (int b = 0; b + 1 < bands; b++) {
                double c = f[3 + b];
                double next = f[4 + b];
                assertEquals(next / (c + 1), f[3 + bands + b], 1e-12, "seed " + seed + ": hardness " + b);
                assertEquals((c - next) / (c + next + 1), f[3 + bands + bands - 1 + b], 1e-12, "seed " + seed + ": differential " + b);
            }
        }
        double[] edges = summary.bandEdges();
        assertEquals(low[0], edges[0], 0.0);
        assertEquals(high[bins - 1], edges[bands], 0.0);
    }

    /** Over an observation the bins are those the fit uses: the CCD's noticed 0.3–10 keV channels. */
    @Test
    void ofObservationUsesItsNoticedBins() {
        Observation obs = Instruments.ccd().observation(2e4).noticeOnly(0.3, 10);
        SummaryStatistics summary = SummaryStatistics.of(obs, SummarySettings.defaults());
        assertEquals(obs.bins(), summary.inputSize());
        assertEquals(3 + 20 + 2 * 19, summary.outputSize());
        double[] edges = summary.bandEdges();
        assertEquals(obs.binLowKeV(0), edges[0], 0.0);
        assertEquals(obs.binHighKeV(obs.bins() - 1), edges[20], 0.0);
    }

    @Test
    void badSettingsAndGridsAreRejectedWithTheirName() {
        String bands = assertThrows(IllegalArgumentException.class, () -> SummarySettings.defaults().withBands(0)).getMessage();
        assertTrue(bands.contains("bands"), bands);
        String window = assertThrows(IllegalArgumentException.class, () -> SummarySettings.defaults().withLineWindow(6, 6)).getMessage();
        assertTrue(window.contains("line window"), window);
        assertThrows(IllegalArgumentException.class, () -> SummarySettings.defaults().withLineWindow(Double.NaN, 6));

        String empty = assertThrows(IllegalArgumentException.class,
                () -> SummaryStatistics.of(LOW, HIGH, SummarySettings.defaults().withBands(10))).getMessage();
        assertTrue(empty.contains("holds no bin") && empty.contains("fewer bands"), empty);
        String missed = assertThrows(IllegalArgumentException.class,
                () -> SummaryStatistics.of(LOW, HIGH, SummarySettings.defaults().withBands(2).withLineWindow(10, 11))).getMessage();
        assertTrue(missed.contains("line window 1"), missed);
        assertThrows(IllegalArgumentException.class, () -> SummaryStatistics.of(LOW, new double[] {2}, SummarySettings.defaults()));
        String zero = assertThrows(IllegalArgumentException.class,
                () -> SummaryStatistics.of(new double[] {0, 1}, new double[] {1, 2}, SummarySettings.defaults().withBands(1))).getMessage();
        assertTrue(zero.contains("bin 0"), zero);
        SummaryStatistics summary = SummaryStatistics.of(LOW, HIGH, SummarySettings.defaults().withBands(2));
        assertThrows(IllegalArgumentException.class, () -> summary.compress(new double[7]));
    }
}
