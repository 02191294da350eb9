package org.sixsa4j.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.Rmf;

class ObservationTest {

    /** Ten channels of 1 keV each, [0,1], [1,2], ... [9,10], numbered from 1, with a diagonal matrix. */
    static Response tenChannels() {
        EnergyGrid grid = EnergyGrid.linear(0, 10, 10);
        int[] rowStart = new int[11];
        int[] index = new int[10];
        double[] value = new double[10];
        for (int i = 0; i < 10; i++) {
            rowStart[i + 1] = i + 1;
            index[i] = i;
            value[i] = 1.0;
        }
        Rmf rmf = new Rmf(null, "MATRIX", grid.lows(), grid.highs(), 1, grid.lows(), grid.highs(),
                rowStart, index, value, false, null, null, "PI");
        return Response.of(rmf, null);
    }

    static PhaSpectrum spectrum(int[] grouping, int[] quality) {
        double[] counts = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        return PhaSpectrum.builder().counts(counts).consecutiveChannels(1).exposure(100)
                .grouping(grouping).quality(quality).build();
    }

    @Test
    void groupingStartsAtOneAndZeroAndContinuesAtMinusOne() {
        int[] grouping = {1, -1, -1, 1, 0, 1, -1, 1, -1, -1};
        Observation obs = Observation.of(spectrum(grouping, null), tenChannels(), null);
        // groups: {1,2,3} {4} {5} {6,7} {8,9,10}
        assertEquals(5, obs.groups());
        assertEquals(5, obs.bins());
        assertArrayEquals(new double[] {6, 4, 5, 13, 27}, obs.counts());
    }

    @Test
    void aGroupWithOneBadChannelIsBad() {
        int[] grouping = {1, -1, -1, 1, 0, 1, -1, 1, -1, -1};
        int[] quality = {0, 0, 0, 0, 0, 0, 2, 0, 0, 0};
        Observation obs = Observation.of(spectrum(grouping, quality), tenChannels(), null);
        assertEquals(1, obs.badGroups());
        assertArrayEquals(new double[] {6, 4, 5, 27}, obs.counts(), "the bad group {6,7} contributes nothing");
    }

    @Test
    void noticeKeepsOnlyGroupsWhollyInsideTheRange() {
        int[] grouping = {1, -1, -1, 1, 0, 1, -1, 1, -1, -1};
        Observation obs = Observation.of(spectrum(grouping, null), tenChannels(), null);
        // Group spans in keV: [0,3] [3,4] [4,5] [5,7] [7,10].
        Observation n = obs.noticeOnly(0.5, 7.0);
        assertArrayEquals(new double[] {4, 5, 13}, n.counts(), "[0,3] straddles 0.5 and [7,10] lies above 7");
        assertEquals(3.0, n.binLowKeV(0));
        assertEquals(7.0, n.binHighKeV(2));
    }

    @Test
    void ignoreRemovesEveryOverlappingGroupSoThatIgnoreOutsideEqualsNoticeInside() {
        int[] grouping = {1, -1, -1, 1, 0, 1, -1, 1, -1, -1};
        Observation obs = Observation.of(spectrum(grouping, null), tenChannels(), null);
        Observation ignored = obs.ignore(0, 3.5).ignore(6.5, 100);
        Observation noticed = obs.noticeOnly(3.5, 6.5);
        assertArrayEquals(noticed.counts(), ignored.counts());
        assertArrayEquals(new double[] {5}, noticed.counts(), "only [4,5] lies within 3.5-6.5");
    }

    @Test
    void channelRangesSelectByChannelNumber() {
        Observation obs = Observation.of(spectrum(null, null), tenChannels(), null);
        assertArrayEquals(new double[] {3, 4, 5, 6, 7}, obs.ignoreChannels(1, 2).ignoreChannels(8, 10).counts());
        Observation none = obs.ignoreChannels(1, 10);
        assertEquals(0, none.bins());
        assertArrayEquals(new double[] {2, 3}, none.noticeChannels(2, 3).counts());
    }

    @Test
    void anEmptyNoticedRangeIsAOneLineErrorNamingTheSelection() {
        Observation obs = Observation.of(spectrum(null, null), tenChannels(), null).noticeOnly(20, 30);
        InvalidInputException e = assertThrows(InvalidInputException.class, obs::requireBins);
        assertTrue(e.getMessage().contains("20.0000-30.0000 keV"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        assertThrows(InvalidInputException.class, () -> TransferOperator.of(obs));
    }

    @Test
    void channelsMustMatchTheResponse() {
        PhaSpectrum shifted = PhaSpectrum.builder().counts(new double[10]).consecutiveChannels(0).exposure(1).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Observation.of(shifted, tenChannels(), null));
        assertTrue(e.getMessage().contains("CHANNEL"), e.getMessage());
        assertTrue(e.getMessage().contains("0..9") && e.getMessage().contains("1..10"), e.getMessage());
    }

    @Test
    void backgroundRatioIsBackscalTimesExposureTimesAreascalPerChannel() {
        double[] ones = new double[10];
        java.util.Arrays.fill(ones, 1.0);
        double[] srcBackscal = ones.clone();
        srcBackscal[9] = 2.0;
        PhaSpectrum src = PhaSpectrum.builder().counts(new double[10]).consecutiveChannels(1).exposure(100)
                .backscal(srcBackscal).grouping(new int[] {1, -1, 1, 1, 1, 1, 1, 1, 1, -1}).build();
        double[] bkgAreascal = ones.clone();
        java.util.Arrays.fill(bkgAreascal, 0.5);
        double[] bkgCounts = {10, 30, 0, 0, 0, 0, 0, 0, 4, 0};
        PhaSpectrum bkg = PhaSpectrum.builder().counts(bkgCounts).consecutiveChannels(1).exposure(400)
                .backscal(ones.clone()).areascal(bkgAreascal).build();
        Observation obs = Observation.of(src, tenChannels(), bkg);
        // ratio = (1*100*1)/(1*400*0.5) = 0.5, and 1.0 in channel 10 where the source BACKSCAL is 2.
        double[] ratio = obs.channelBackgroundRatio();
        assertEquals(0.5, ratio[0], 1e-15);
        assertEquals(1.0, ratio[9], 1e-15);
        assertArrayEquals(new double[] {40, 0, 0, 0, 0, 0, 0, 4}, obs.backgroundCounts());
        assertArrayEquals(new double[] {20, 0, 0, 0, 0, 0, 0, 2}, obs.scaledBackgroundCounts(), 1e-12);
        double[] binRatio = obs.backgroundRatio();
        assertEquals(0.5, binRatio[0], 1e-15);
        assertEquals(0.5, binRatio[7], 1e-15, "count-weighted: channel 9 has all 4 counts at ratio 0.5");
        assertEquals(0.5, binRatio[1], 1e-15, "no background counts: plain mean of the channel ratios");
    }
}
