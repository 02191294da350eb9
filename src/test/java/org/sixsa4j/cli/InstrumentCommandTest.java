package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.SharedData;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.SyntheticInstrument;

/** {@code sixsa instrument}: synthetic responses written as OGIP files. */
class InstrumentCommandTest {
    /** FWHM = 2 sqrt(2 ln 2) σ for a Gaussian. */
    private static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    @TempDir
    Path dir;

    @Test
    void presetCcdReadsBackAsTheEmbeddedInstrument() {
        Cli.Result r = Cli.run("instrument", "--preset", "ccd", "--out", dir.toString());
        assertEquals(0, r.status(), r.transcript());
        SyntheticInstrument ccd = Instruments.ccd();
        assertEquals(ccd.rmf(), RmfFile.read(dir.resolve("ccd.rmf")));
        assertEquals(ccd.arf(), ArfFile.read(dir.resolve("ccd.arf")));
    }

    @Test
    void resolutionGrowsAsTheSquareRootOfEnergy() {
        // 0.13 keV at 6 keV growing as sqrt(E/6): 0.065 keV at 1.5 keV. The spread of a row over
        // channels of width w is the Gaussian's variance plus w²/12 (Sheppard's correction).
        Cli.Result r = Cli.run("instrument", "--fwhm", "0.13@6", "--grid", "0.1:12.1:0.025", "--area", "400",
                "--name", "mine", "--out", dir.toString());
        assertEquals(0, r.status(), r.transcript());
        Rmf rmf = RmfFile.read(dir.resolve("mine.rmf"));
        assertEquals(480, rmf.channels(), "(12.1 - 0.1) / 0.025 channels");
        assertEquals(480, rmf.energies(), "the channel grid is also the input grid without --energies");
        assertEquals(1, rmf.firstChannel());
        for (double energy : new double[] {1.5, 6.0}) {
            int e = (int) Math.round((energy - 0.1) / 0.025 - 0.5);
            double expectedFwhm = 0.13 * Math.sqrt(energy / 6);
            double measured = FWHM_PER_SIGMA * Math.sqrt(channelVariance(rmf, e) - 0.025 * 0.025 / 12);
            assertEquals(expectedFwhm, measured, 0.01 * expectedFwhm, "FWHM at " + energy + " keV");
        }
        Arf arf = ArfFile.read(dir.resolve("mine.arf"));
        assertEquals(480, arf.size());
        for (double a : arf.specresp()) {
            assertEquals(400, a, 1e-9);
        }
    }

    /** The variance of the channel centres in keV, weighted by row {@code e} of the matrix. */
    private static double channelVariance(Rmf rmf, int e) {
        double sum = 0;
        double mean = 0;
        double square = 0;
        for (int c = 0; c < rmf.channels(); c++) {
            double p = rmf.get(e, c);
            double x = 0.5 * (rmf.channelLow()[c] + rmf.channelHigh()[c]);
            sum += p;
            mean += p * x;
            square += p * x * x;
        }
        mean /= sum;
        return square / sum - mean * mean;
    }

    @Test
    void rebuiltXifuResponseGivesTheBinsXspecNotices() {
        // data/README: the missing RMF of spectrum_opt.pha is a 4 eV FWHM Gaussian on the ARF's
        // energy grid, and with it XSPEC notices 2961 grouped bins in 0.3-12 keV.
        Path arf = SharedData.file("ogip/xifu-sim/athena_xifu_13_rows_no_filter.arf");
        Path pha = SharedData.file("ogip/xifu-sim/spectrum_opt.pha");
        Cli.Result made = Cli.run("instrument", "--fwhm", "0.004", "--grid-from", arf.toString(), "--name", "x", "--out", dir.toString());
        assertEquals(0, made.status(), made.transcript());
        Cli.Result r = Cli.run("info", pha.toString(), "--rmf", dir.resolve("x.rmf").toString(), "--notice", "0.3-12");
        assertEquals(0, r.status(), r.transcript());
        assertEquals(2961, number(r.out(), "bins in 0\\.3-12 keV\\s+(\\d+)"), r.transcript());
        assertEquals(19362, number(r.out(), "channels\\s+(\\d+)"), r.transcript());
    }

    static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no /" + regex + "/ in\n" + text);
        return Long.parseLong(m.group(1));
    }
}
