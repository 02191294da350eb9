package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sixsa4j.cli.InstrumentCommandTest.number;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.SharedData;
import org.sixsa4j.ogip.BadOgipFiles;

/** {@code sixsa info} on good files: the numbers it prints against the data README and the files' own layout. */
class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void pnSpectrumInTheFittedBand() {
        // data/README: 4096 channels, 11 526 counts, 1116 bad channels, 20 266 s, and XSPEC notices
        // 104 grouped bins in 0.5-10 keV.
        Path pha = SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits");
        Cli.Result r = Cli.run("info", pha.toString(), "--notice", "0.5-10");
        assertEquals(0, r.status(), r.transcript());
        assertEquals("", r.err(), r.transcript());
        assertEquals(104, number(r.out(), "bins in 0\\.5-10 keV\\s+(\\d+)"), r.transcript());
        assertEquals(1116, number(r.out(), "bad channels\\s+(\\d+)"), r.transcript());
        assertEquals(4096, number(r.out(), "channels\\s+(\\d+)"), r.transcript());
        assertEquals(11526, number(r.out(), "counts\\s+(\\d+)"), r.transcript());
        assertEquals(20266, number(r.out(), "exposure\\s+(\\d+)"), r.transcript());
    }

    @Test
    void pnResponse() {
        // data/README: 2067 input energies from 0.05 to 16.005 keV.
        Path rmf = SharedData.file("ogip/xmm-pn-ngc7793/PN.rmf");
        Cli.Result r = Cli.run("info", rmf.toString());
        assertEquals(0, r.status(), r.transcript());
        assertEquals(2067, number(r.out(), "input energies\\s+(\\d+)"), r.transcript());
        assertRange(r, "input energies\\s+\\d+, ", 0.05, 16.005);
    }

    @Test
    void smallSpectrumCountsTheBinsInsideTheRange() {
        // small.pha: 1 keV channels from 0.5 keV holding 3, 7, 12, 9, 5, 2, 1, 0 counts. Inside
        // 1.5-4.5 keV lie channels 2-4 whole: 3 bins of 7 + 12 + 9 = 28 counts.
        Cli.Result r = Cli.run("info", BadFiles.committed(BadFiles.GOOD_PHA).toString(), "--notice", "1.5-4.5");
        assertEquals(0, r.status(), r.transcript());
        assertEquals(3, number(r.out(), "bins in 1\\.5-4\\.5 keV\\s+(\\d+)"), r.transcript());
        assertEquals(28, number(r.out(), "keV, (\\d+) counts\\)"), r.transcript());
        assertEquals(39, number(r.out(), "counts\\s+(\\d+)"), r.transcript());
    }

    @Test
    void brokenResponseLinkIsHarmlessWhenAResponseIsGiven() {
        // The link is reported, but --rmf replaces it, so nothing needs it.
        Cli.Result r = Cli.run("info", BadFiles.committed("broken-respfile.pha").toString(),
                "--rmf", BadFiles.committed(BadFiles.GOOD_RMF).toString());
        assertEquals(0, r.status(), r.transcript());
        assertTrue(r.out().contains("missing.rmf (cannot be followed"), r.transcript());
        assertEquals(8, number(r.out(), "groups\\s+(\\d+)"), r.transcript());
    }

    @Test
    void responseAndEffectiveAreaOfTheCcd() {
        // Instruments.ccd: 480 channels of 25 eV from 0.1 keV, input bins of 10 eV over 0.1-15 keV.
        assertEquals(0, Cli.run("instrument", "--preset", "ccd", "--out", dir.toString()).status());
        Cli.Result rmf = Cli.run("info", dir.resolve("ccd.rmf").toString());
        assertEquals(0, rmf.status(), rmf.transcript());
        assertEquals(1490, number(rmf.out(), "input energies\\s+(\\d+)"), rmf.transcript());
        assertEquals(480, number(rmf.out(), "channels\\s+(\\d+)"), rmf.transcript());
        assertTrue(rmf.out().contains("(PI 1..480)"), rmf.transcript());
        assertRange(rmf, "channels\\s+480 \\(PI 1..480\\), ", 0.1, 12.1);
        assertRange(rmf, "input energies\\s+1490, ", 0.1, 15);
        Cli.Result arf = Cli.run("info", dir.resolve("ccd.arf").toString());
        assertEquals(0, arf.status(), arf.transcript());
        assertEquals(1490, number(arf.out(), "energies\\s+(\\d+)"), arf.transcript());
        assertRange(arf, "energies\\s+1490, ", 0.1, 15);
    }

    /** The {@code LO-HI keV} range printed after {@code prefix}, however many digits it has. */
    private static void assertRange(Cli.Result r, String prefix, double low, double high) {
        Matcher m = Pattern.compile(prefix + "([0-9.]+)-([0-9.]+) keV").matcher(r.out());
        assertTrue(m.find(), "no /" + prefix + "LO-HI keV/ in\n" + r.transcript());
        assertEquals(low, Double.parseDouble(m.group(1)), 1e-5 * high, r.transcript());
        assertEquals(high, Double.parseDouble(m.group(2)), 1e-5 * high, r.transcript());
    }

    @Test
    void rowOfATypeIIFile() {
        BadOgipFiles.Case twoRows = BadOgipFiles.writeAll(dir).stream()
                .filter(c -> c.name().equals("several-spectra.pha")).findFirst().orElseThrow();
        for (String row : List.of("0", "1")) {
            Cli.Result r = Cli.run("info", twoRows.file().toString(), "--row", row);
            assertEquals(0, r.status(), r.transcript());
            assertTrue(r.out().contains("[SPECTRUM] row " + row + ":"), r.transcript());
            // Each row holds the corpus's four channels with 4 + 2 + 3 + 1 counts.
            assertEquals(10, number(r.out(), "counts\\s+(\\d+)"), r.transcript());
        }
    }
}
