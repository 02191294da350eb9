package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.SharedData;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.OgipLinks;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;

/** {@code sixsa simulate}: fakeit through an embedded instrument and through a real template. */
class SimulateCommandTest {
    private static final double EXPOSURE = 1e4;
    private static final double NORM = 1e-3;

    @TempDir
    Path dir;

    private Cli.Result simulate(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--instrument", "ccd", "--exposure", "1e4",
                "-p", "PhoIndex=2", "-p", "norm=1e-3", "--spectra", "3", "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.transcript());
        return r;
    }

    /** The three numbered spectra that {@code --spectra 3 --out DIR/f.pha} writes. */
    private static List<PhaSpectrum> read(Path folder) {
        return List.of(1, 2, 3).stream().map(i -> PhaFile.read(folder.resolve(String.format("f_%05d.pha", i)))).toList();
    }

    @Test
    void threeSpectraOfAPowerLawThroughTheCcd() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Cli.Result r = simulate(a.resolve("f.pha"), "--seed", "5");
        try (var files = Files.list(a)) {
            assertEquals(List.of("ccd.arf", "ccd.rmf", "f_00001.pha", "f_00002.pha", "f_00003.pha"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<PhaSpectrum> spectra = read(a);
        for (PhaSpectrum s : spectra) {
            assertTrue(s.poissonErrors());
            assertEquals(EXPOSURE, s.exposure());
            for (double c : s.counts()) {
                assertTrue(c >= 0 && c == Math.rint(c), "counts must be whole and >= 0, got " + c);
            }
        }

        // The expected counts per spectrum, summed here straight from the written files: for
        // PhoIndex 2 the photon flux in [lo, hi] is norm (1/lo - 1/hi), seen through the area
        // and spread over channels by the matrix row, whose sum is what reaches the detector.
        Rmf rmf = RmfFile.read(a.resolve("ccd.rmf"));
        Arf arf = ArfFile.read(a.resolve("ccd.arf"));
        double expected = 0;
        for (int e = 0; e < rmf.energies(); e++) {
            double flux = NORM * (1 / rmf.energyLow()[e] - 1 / rmf.energyHigh()[e]);
            expected += EXPOSURE * flux * arf.area(e) * rmf.rowSum(e);
        }
        double printed = printedExpectation(r.out());
        assertEquals(expected, printed, 0.05 + 1e-6 * expected, "printed expected counts");

        // The total of three spectra is Poisson with mean 3 x expected; |total - mean| beyond
        // 5 sigma happens with probability 5.7e-7 per seed.
        double total = spectra.stream().mapToDouble(PhaSpectrum::totalCounts).sum();
        assertEquals(3 * expected, total, 5 * Math.sqrt(3 * expected), "total counts of 3 spectra");

        // One random stream per spectrum: the thread count changes nothing, the seed everything.
        Path b = Files.createDirectories(dir.resolve("b"));
        simulate(b.resolve("f.pha"), "--seed", "5", "--threads", "2");
        Path c = Files.createDirectories(dir.resolve("c"));
        simulate(c.resolve("f.pha"), "--seed", "6");
        List<PhaSpectrum> twoThreads = read(b);
        List<PhaSpectrum> otherSeed = read(c);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(spectra.get(i).counts(), twoThreads.get(i).counts(), "spectrum " + i + " on 2 threads");
            assertFalse(Arrays.equals(spectra.get(i).counts(), otherSeed.get(i).counts()), "spectrum " + i + " with seed 6");
        }
        assertFalse(Arrays.equals(spectra.get(0).counts(), spectra.get(1).counts()), "two spectra of one run");
    }

    private static double printedExpectation(String out) {
        Matcher m = Pattern.compile("([0-9.]+) expected counts per spectrum").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void groupMakesBinsOfNChannelsKeepingEveryCount() throws IOException {
        Path a = Files.createDirectories(dir.resolve("grouped"));
        simulate(a.resolve("f.pha"), "--seed", "5");
        Path b = Files.createDirectories(dir.resolve("by7"));
        simulate(b.resolve("f.pha"), "--seed", "5", "--group", "7");
        PhaSpectrum ungrouped = read(a).get(0);
        PhaSpectrum grouped = read(b).get(0);
        assertArrayEquals(ungrouped.counts(), grouped.counts(), "grouping marks bins; the channels keep their counts");
        int[] g = grouped.grouping();
        for (int c = 0; c < g.length; c++) {
            assertEquals(c % 7 == 0 ? 1 : -1, g[c], "GROUPING of channel index " + c);
        }
        // 480 CCD channels of 25 eV from 0.1 keV make 68 bins of 7 and a last one of 4. A bin is
        // noticed when its whole span lies in 0.3-10 keV: bin k spans 0.1 + 0.175 k to
        // 0.1 + 0.175 (k + 1) keV, so bins 2 (from 0.45 keV) to 55 (up to 9.9 keV), 54 of them.
        Observation all = ObservationLoader.of(b.resolve("f_00001.pha")).load();
        assertEquals(69, all.groups());
        assertEquals(54, all.noticeOnly(0.3, 10).bins());
    }

    @Test
    void pnTemplateKeepsItsGroupingQualityScalingAndLinks() throws IOException {
        Path template = SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits");
        Path folder = dir.resolve("sims");
        Path out = folder.resolve("pn.pha");
        Cli.Result r = Cli.run("simulate", "--pha", template.toString(), "-p", "PhoIndex=2", "-p", "norm=1e-4", "--out", out.toString());
        assertEquals(0, r.status(), r.transcript());

        PhaSpectrum t = PhaFile.read(template);
        PhaSpectrum s = PhaFile.read(out);
        assertArrayEquals(t.grouping(), s.grouping(), "GROUPING");
        assertArrayEquals(t.quality(), s.quality(), "QUALITY");
        assertEquals(1116, s.badChannels(), "bad channels (data/README)");
        assertArrayEquals(t.backscal(), s.backscal(), "BACKSCAL");
        assertEquals(20266, s.exposure(), 1, "exposure (data/README)");
        for (double c : s.counts()) {
            assertTrue(c >= 0 && c == Math.rint(c), "counts must be whole and >= 0, got " + c);
        }

        // The links are relative to the new file's folder and lead back to the template's files.
        Path data = template.getParent();
        assertFalse(Path.of(s.respFile()).isAbsolute(), s.respFile());
        assertTrue(Files.isSameFile(data.resolve("PN.rmf"), OgipLinks.response(s).orElseThrow().file()));
        assertTrue(Files.isSameFile(data.resolve("PN.arf"), OgipLinks.ancillary(s).orElseThrow().file()));
        assertTrue(Files.isSameFile(data.resolve("PNbackground_spectrum.fits"), OgipLinks.background(s).orElseThrow().file()));
        Observation obs = ObservationLoader.of(out).load();
        assertTrue(obs.background() != null, "the background link is followed");
        // Same grouping and quality as the real spectrum, so the 104 bins XSPEC notices (data/README).
        assertEquals(104, obs.noticeOnly(0.5, 10).bins());
    }
}
