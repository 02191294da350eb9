package org.sixsa4j.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sixsa4j.ogip.Rmf;

class InstrumentsTest {

    @Test
    void gaussianRowsHaveUnitSumTheRightMeanAndTheRightWidth() {
        EnergyGrid input = EnergyGrid.linear(1.0, 9.0, 400);
        EnergyGrid channels = EnergyGrid.linear(0.5, 9.5, 900);
        double w = 0.01;
        Rmf rmf = Instruments.gaussianRmf(input, channels, 1, e -> 0.05 + 0.01 * e);
        double sigmaToFwhm = 2 * Math.sqrt(2 * Math.log(2));
        int[] rowStart = rmf.rowStart();
        int[] index = rmf.channelIndex();
        double[] value = rmf.values();
        for (int e = 0; e < input.size(); e++) {
            double energy = input.centre(e);
            double sigma = (0.05 + 0.01 * energy) / sigmaToFwhm;
            double sum = 0;
            double mean = 0;
            double second = 0;
            for (int k = rowStart[e]; k < rowStart[e + 1]; k++) {
                double c = channels.centre(index[k]);
                sum += value[k];
                mean += value[k] * c;
                second += value[k] * c * c;
            }
            mean /= sum;
            double variance = second / sum - mean * mean;
            assertEquals(1.0, sum, 1e-10, "row " + e);
            assertEquals(energy, mean, 1e-9, "row " + e);
            // Binning a Gaussian into channels of width w adds w²/12 to its variance (Sheppard's correction).
            assertEquals(sigma * sigma + w * w / 12, variance, 1e-6 * sigma * sigma, "row " + e);
        }
    }

    @Test
    void ccdNoticedOver03To10KeVHasAFewHundredChannelsAnd130EvAt6KeV() {
        SyntheticInstrument ccd = Instruments.ccd();
        Observation obs = ccd.observation(1e4);
        assertEquals(388, obs.bins(), "(10 - 0.3) keV / 25 eV");
        // The row for the 6 keV input bin: the width of its channel distribution is the FWHM.
        Rmf rmf = ccd.rmf();
        int e = (int) ((6.0 - 0.1) / 0.01);
        double sum = 0;
        double mean = 0;
        double second = 0;
        EnergyGrid channels = EnergyGrid.of(rmf.channelLow(), rmf.channelHigh());
        for (int c = 0; c < rmf.channels(); c++) {
            double p = rmf.get(e, c);
            sum += p;
            mean += p * channels.centre(c);
            second += p * channels.centre(c) * channels.centre(c);
        }
        double sigma = Math.sqrt(second / sum - Math.pow(mean / sum, 2) - 0.025 * 0.025 / 12);
        assertEquals(0.130, sigma * 2 * Math.sqrt(2 * Math.log(2)), 0.001);
    }

    @Test
    void xifuHasTensOfThousandsOfChannelsAndATransferOperatorWellBelow64MiB() {
        SyntheticInstrument xifu = Instruments.xifu();
        assertEquals(23600, xifu.rmf().channels());
        Observation obs = xifu.observation(1e4);
        TransferOperator op = TransferOperator.of(obs);
        assertEquals(23400, op.bins(), "0.3-12 keV in 0.5 eV channels");
        assertTrue(op.memoryBytes() < 64L << 20, op.memoryBytes() + " bytes");
    }
}
