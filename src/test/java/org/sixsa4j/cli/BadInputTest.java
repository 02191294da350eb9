package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sixsa4j.SharedData;
import org.sixsa4j.ogip.BadOgipFiles;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.Instruments;

/**
 * Broken inputs through the command line: each must end with exit status 2 and one line on
 * stderr, {@code sixsa: <message>}, that names the file (and the HDU and column or keyword where
 * the problem is inside it) or the option, with no stack trace unless {@code --debug} asks for one.
 *
 * <p>The corpus: every {@link BadOgipFiles} case, written at test time and read in the role its
 * reader expects (a spectrum with {@code info FILE}, a response with {@code info PHA --rmf FILE},
 * an effective area with {@code info PHA --arf FILE}); the files committed under
 * {@code src/test/resources/bad/} (see {@link BadFiles}); and malformed options.
 */
class BadInputTest {
    /** A regular file standing where a command needs a folder. */
    private static final String IN_THE_WAY = "plain.txt";

    @TempDir
    static Path dir;

    private static List<CliCase> cases;

    /** One refused command line and what its message must contain. */
    record CliCase(String name, List<String> args, List<String> fragments, Pattern pattern, boolean traced) {
        @Override
        public String toString() {
            return name;
        }
    }

    static synchronized List<CliCase> cases() throws IOException {
        if (cases == null) {
            cases = build();
        }
        return cases;
    }

    private static List<CliCase> build() throws IOException {
        List<CliCase> all = new ArrayList<>();
        String smallPha = BadFiles.committed(BadFiles.GOOD_PHA).toString();
        String smallRmf = BadFiles.committed(BadFiles.GOOD_RMF).toString();

        // 1. The reader corpus, each file in its role.
        List<BadOgipFiles.Case> ogip = BadOgipFiles.writeAll(Files.createDirectories(dir.resolve("ogip")));
        for (BadOgipFiles.Case c : ogip) {
            all.add(inRole("ogip/", c.name(), c.kind(), c.file(), c.fragments(), smallPha));
        }

        // 2. The committed files. Copies of reader cases keep that corpus's expectations.
        Map<String, BadOgipFiles.Case> byName = ogip.stream().collect(Collectors.toMap(BadOgipFiles.Case::name, Function.identity()));
        for (String name : BadFiles.COPIED) {
            BadOgipFiles.Case c = byName.get(name);
            all.add(inRole("bad/", name, c.kind(), BadFiles.committed(name), c.fragments(), smallPha));
        }
        all.add(file("bad/truncated.pha", List.of("info", committed("truncated.pha")),
                committed("truncated.pha"), "[SPECTRUM]", "truncated"));
        all.add(file("bad/not-fits.pha", List.of("info", committed("not-fits.pha")),
                committed("not-fits.pha"), "not a FITS file"));
        all.add(file("bad/broken-respfile.pha", List.of("info", committed("broken-respfile.pha")),
                committed("broken-respfile.pha"), "[SPECTRUM] RESPFILE", "missing.rmf", "does not exist"));
        // small.rmf numbers its 8 channels 1..8 (BadFiles wrote it so).
        all.add(file("bad/channel-mismatch.pha", List.of("info", committed("channel-mismatch.pha")),
                committed("channel-mismatch.pha"), "[SPECTRUM] CHANNEL", "1..10", smallRmf, "1..8"));
        all.add(file("bad/first-channel-mismatch.pha", List.of("info", committed("first-channel-mismatch.pha")),
                committed("first-channel-mismatch.pha"), "[SPECTRUM] CHANNEL", "0..7", "1..8"));
        all.add(file("bad/arf-mismatch.pha", List.of("info", committed("arf-mismatch.pha")),
                committed("other-grid.arf"), "[SPECRESP] ENERG_LO/ENERG_HI", smallRmf));
        all.add(file("info --arf other-grid.arf", List.of("info", smallPha, "--arf", committed("other-grid.arf")),
                committed("other-grid.arf"), "[SPECRESP] ENERG_LO/ENERG_HI", smallRmf));
        all.add(file("simulate --pha no-spectrum.pha", List.of("simulate", "--pha", committed("no-spectrum.pha"),
                "--out", dir.resolve("from-no-spectrum/x.pha").toString()), committed("no-spectrum.pha"),
                "[SPECTRUM]", "extension is missing"));
        all.add(file("info no-matrix.rmf", List.of("info", committed("no-matrix.rmf")),
                committed("no-matrix.rmf"), "no SPECTRUM, MATRIX or SPECRESP extension"));
        // The CCD-like response has 480 channels numbered from 1 (Instruments.ccd's Javadoc).
        Path ccdRmf = dir.resolve("ccd.rmf");
        RmfFile.write(Instruments.ccd().rmf(), ccdRmf);
        all.add(file("info --rmf with other channels", List.of("info", smallPha, "--rmf", ccdRmf.toString()),
                smallPha, "[SPECTRUM] CHANNEL", "1..8", ccdRmf.toString(), "1..480"));
        // small.pha's channels end at 8.5 keV, so nothing lies in 20-30 keV.
        all.add(new CliCase("info --notice 20-30", List.of("info", smallPha, "--notice", "20-30"),
                List.of(smallPha + "[SPECTRUM]", "nothing to fit"), NOTICE_20_30, true));

        // 3. Paths that are not files, and spectra asked for something they cannot give.
        Path nowhere = dir.resolve("nowhere.pha");
        all.add(file("file that does not exist", List.of("info", nowhere.toString()), nowhere.toString(), "does not exist"));
        all.add(file("folder instead of a file", List.of("info", dir.toString()), dir.toString(), "cannot be read"));
        all.add(file("info --row on a type I file", List.of("info", smallPha, "--row", "0"), smallPha, "[SPECTRUM]", "type I"));
        Path noResponse = dir.resolve("no-response.pha");
        PhaFile.write(PhaSpectrum.builder().counts(new double[] {1, 2, 3}).consecutiveChannels(1).exposure(10).build(), noResponse);
        all.add(file("info --notice without a response", List.of("info", noResponse.toString(), "--notice", "1-2"),
                noResponse.toString(), "[SPECTRUM] RESPFILE", "--notice", "--rmf"));

        // 4. Option values that the commands check (InvalidInputException: traced under --debug).
        Path inTheWay = dir.resolve(IN_THE_WAY);
        Files.writeString(inTheWay, "not a folder");
        all.add(option("instrument --grid 1:0:0.1", List.of("instrument", "--fwhm", "0.1", "--grid", "1:0:0.1", "--out", out("o1")),
                "option --grid", "1:0:0.1"));
        all.add(option("instrument --fwhm -1", List.of("instrument", "--fwhm", "-1", "--grid", "0.1:1:0.1", "--out", out("o2")),
                "option --fwhm", "-1"));
        all.add(option("instrument --name with a folder", List.of("instrument", "--preset", "ccd", "--name", "a/b", "--out", out("o3")),
                "option --name", "a/b"));
        all.add(option("instrument --out onto a file", List.of("instrument", "--preset", "ccd", "--out", inTheWay.toString()),
                "option --out", inTheWay.toString(), "not a folder"));
        all.add(option("simulate --exposure -5", List.of("simulate", "--rmf", smallRmf, "--exposure", "-5", "--out", out("o4/x.pha")),
                "option --exposure", "-5"));
        all.add(option("simulate -p foo=1", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "-p", "foo=1", "--out", out("o5/x.pha")),
                "option --par", "'foo'"));
        all.add(option("simulate --model with a typo", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "--model", "powerlaw+nosuch", "--out", out("o7/x.pha")),
                "model 'powerlaw+nosuch'", "unknown model component 'nosuch'"));
        all.add(option("simulate --model unbalanced", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "--model", "(powerlaw", "--out", out("o8/x.pha")),
                "'(' at column 1 is never closed"));
        all.add(option("simulate --par outside the limits", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "--par", "PhoIndex=20", "--out", out("o9/x.pha")),
                "powerlaw.PhoIndex = 20.0 is outside its limits"));
        all.add(option("simulate --par not a number", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "--par", "norm=abc", "--out", out("o10/x.pha")),
                "option --par norm", "'abc'"));
        all.add(option("simulate --abund unknown", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "--abund", "sun", "--out", out("o11/x.pha")),
                "option --abund", "'sun'"));
        all.add(option("simulate --instrument foo", List.of("simulate", "--instrument", "foo", "--exposure", "10", "--out", out("o6/x.pha")),
                "option --instrument", "'foo'"));
        all.add(option("simulate --group 0", List.of("simulate", "--rmf", smallRmf, "--exposure", "10", "--group", "0", "--out", out("o12/x.pha")),
                "option --group", "0"));
        all.add(option("simulate --out a folder", List.of("simulate", "--rmf", smallRmf, "--exposure", "10", "--out", dir.toString()),
                "option --out", dir.toString(), "folder"));
        all.add(option("simulate --out below a file", List.of("simulate", "--rmf", smallRmf, "--exposure", "10",
                "--out", inTheWay.resolve("x.pha").toString()), "option --out", inTheWay.toString(), "not a folder"));
        all.add(option("info --notice 5-1", List.of("info", "--notice", "5-1", smallPha), "option --notice", "5-1"));
        all.add(option("info --notice abc", List.of("info", "--notice", "abc", smallPha), "option --notice", "'abc'"));
        all.add(option("demo --out below a file", List.of("demo", "--out", inTheWay.resolve("demo").toString()),
                "option --out", inTheWay.toString(), "not a folder"));
        all.add(option("demo --threads 0", List.of("demo", "--threads", "0", "--out", out("o7")), "option --threads", "0"));

        // 5. Usage errors that picocli finds before any command runs (no exception, so no trace).
        all.add(usage("unknown option", List.of("info", "--bogus", smallPha), "'--bogus'", "sixsa info --help"));
        all.add(usage("missing required option", List.of("instrument", "--preset", "ccd"), "--out", "sixsa instrument --help"));
        all.add(usage("missing FILE", List.of("info"), "FILE", "sixsa info --help"));
        all.add(usage("-p without =", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "-p", "foo", "--out", out("o8/x.pha")),
                "--param", "foo"));
        all.add(usage("--seed not a number", List.of("simulate", "--instrument", "ccd", "--exposure", "10", "--seed", "abc", "--out", out("o9/x.pha")),
                "--seed", "abc"));
        all.add(usage("no simulation source", List.of("simulate", "--exposure", "10", "--out", out("o10/x.pha")),
                "--pha", "--rmf", "--instrument"));
        all.add(usage("unknown command", List.of("fitt", smallPha), "fitt", "sixsa --help"));
        return all;
    }

    /** {@code 20-30 keV} however the bounds are printed ({@code 20}, {@code 20.0000}). */
    private static final Pattern NOTICE_20_30 = Pattern.compile("20(\\.0*)?-30(\\.0*)? keV");

    /**
     * A reader case through the command that reads the file in that role. {@code info FILE} on a
     * file with no OGIP table at all cannot know what it was meant to be, so it says that instead
     * of naming one missing extension (the {@code simulate --pha} and {@code --rmf} cases above
     * check the role-specific message).
     */
    private static CliCase inRole(String prefix, String name, BadOgipFiles.Kind kind, Path file, List<String> fragments, String smallPha) {
        List<String> expected = new ArrayList<>(fragments);
        expected.add(file.toString());
        List<String> args = switch (kind) {
            case PHA, RESPONSE_LINK -> List.of("info", file.toString());
            case RMF -> List.of("info", smallPha, "--rmf", file.toString());
            case ARF -> List.of("info", smallPha, "--arf", file.toString());
        };
        if (name.equals("no-spectrum.pha")) {
            expected = List.of(file.toString(), "no SPECTRUM, MATRIX or SPECRESP extension");
        }
        return new CliCase(prefix + name, args, List.copyOf(expected), null, true);
    }

    private static CliCase file(String name, List<String> args, String file, String... fragments) {
        List<String> expected = new ArrayList<>(List.of(fragments));
        expected.add(0, file);
        return new CliCase(name, args, expected, null, true);
    }

    private static CliCase option(String name, List<String> args, String... fragments) {
        return new CliCase(name, args, List.of(fragments), null, true);
    }

    private static CliCase usage(String name, List<String> args, String... fragments) {
        return new CliCase(name, args, List.of(fragments), null, false);
    }

    private static String committed(String name) {
        return BadFiles.committed(name).toString();
    }

    private static String out(String relative) {
        return dir.resolve("out").resolve(relative).toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLine(CliCase c) {
        Cli.Result r = Cli.run(c.args().toArray(String[]::new));
        assertRefused(r, c.fragments(), c.pattern());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void debugAddsTheStackTrace(CliCase c) {
        List<String> args = new ArrayList<>(c.args());
        args.add(0, "--debug");
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        String t = r.transcript();
        assertEquals(2, r.status(), t);
        assertTrue(r.errLines().get(0).startsWith("sixsa: "), t);
        if (c.traced()) {
            assertTrue(r.err().contains("\tat org.sixsa4j."), "expected a stack trace:\n" + t);
        } else {
            assertEquals(1, r.errLines().size(), t);
        }
    }

    @Test
    void corpusIsLargeAndCoversEveryReaderCase() throws IOException {
        // The issue asks for at least 25 broken inputs; the reader corpus alone has about 38.
        long files = cases().stream().filter(c -> c.name().startsWith("ogip/") || c.name().startsWith("bad/")).count();
        assertTrue(files >= 25, files + " broken files");
        assertEquals(BadOgipFiles.writeAll(Files.createDirectories(dir.resolve("count"))).size(),
                cases().stream().filter(c -> c.name().startsWith("ogip/")).count());
    }

    @Test
    void debugIsAcceptedAfterTheCommandToo() {
        String pha = committed("not-fits.pha");
        Cli.Result r = Cli.run("info", pha, "--debug");
        assertEquals(2, r.status(), r.transcript());
        assertTrue(r.err().startsWith("sixsa: " + pha + ": is not a FITS file"), r.transcript());
        assertTrue(r.err().contains("\tat org.sixsa4j."), r.transcript());
    }

    @Test
    void brokenResponseLinkStillPrintsTheSummary() {
        // The spectrum itself is fine, so info shows it and says which link is broken; it then
        // needs the response to count groups, and that fails with exit 2.
        String pha = committed("broken-respfile.pha");
        Cli.Result r = Cli.run("info", pha);
        assertRefused(r, List.of(pha + "[SPECTRUM] RESPFILE", "missing.rmf"), null);
        assertTrue(r.out().contains("channels              8"), r.transcript());
        assertTrue(r.out().contains("missing.rmf (cannot be followed"), r.transcript());
    }

    @Test
    void optionErrorsWriteNothing() throws IOException {
        // simulate --instrument writes the instrument's RMF and ARF next to the output; a bad
        // option must be found before that.
        Path folder = dir.resolve("untouched");
        assertRefused(Cli.run("simulate", "--instrument", "ccd", "--exposure", "-5", "--out", folder.resolve("x.pha").toString()),
                List.of("option --exposure"), null);
        assertFalse(Files.exists(folder), "the output folder was created for a refused command");

        Path existing = Files.createDirectories(dir.resolve("side/existing"));
        assertRefused(Cli.run("simulate", "--instrument", "ccd", "--exposure", "10", "--out", existing.toString()),
                List.of("option --out"), null);
        try (var files = Files.list(existing.getParent())) {
            assertEquals(List.of(existing), files.toList(), "files written next to the folder given as --out");
        }

        assertRefused(Cli.run("instrument", "--fwhm", "0.1", "--grid", "1:0:0.1", "--out", folder.toString()),
                List.of("option --grid"), null);
        assertFalse(Files.exists(folder));
    }

    @Test
    void missingXifuResponseIsOneLine() {
        // The README says spectrum_opt.pha names athena_xifu_4eV_gaussian.rmf, which is not provided.
        Path pha = SharedData.file("ogip/xifu-sim/spectrum_opt.pha");
        Cli.Result r = Cli.run("info", pha.toString());
        assertRefused(r, List.of(pha + "[SPECTRUM] RESPFILE", "athena_xifu_4eV_gaussian.rmf", "does not exist"), null);
        assertTrue(r.out().contains("cannot be followed"), r.transcript());
    }

    @Test
    void emptyNoticedRangeOnRealData() {
        // EPIC-pn's 4096 PI channels of 5 eV end at 20.48 keV, so a group inside 20-30 keV would
        // have to fit in the last 96 channels, where this spectrum has no good group.
        Path pha = SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits");
        assertRefused(Cli.run("info", pha.toString(), "--notice", "20-30"), List.of(pha + "[SPECTRUM]", "nothing to fit"), NOTICE_20_30);
    }

    @Test
    void arfFromAnotherMissionOnRealData() {
        // PN.rmf starts at 0.05 keV (README); the Chandra ARF does not.
        Path pha = SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits");
        Path arf = SharedData.file("ogip/chandra-acis-3c273/3c273.arf");
        assertRefused(Cli.run("info", pha.toString(), "--arf", arf.toString()),
                List.of(arf + "[SPECRESP] ENERG_LO/ENERG_HI", "PN.rmf"), null);
    }

    /** Exit 2, one line {@code sixsa: ...} holding every fragment, and no stack trace. */
    static void assertRefused(Cli.Result r, List<String> fragments, Pattern pattern) {
        String t = r.transcript();
        assertEquals(2, r.status(), t);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "expected one line on stderr:\n" + t);
        String line = lines.get(0);
        assertTrue(line.startsWith("sixsa: "), t);
        assertFalse(line.contains("internal error"), t);
        assertFalse(r.err().contains("at org.") || r.err().contains("\tat "), "a stack trace without --debug:\n" + t);
        for (String f : fragments) {
            assertTrue(line.contains(f), "expected '" + f + "' in the message:\n" + t);
        }
        if (pattern != null) {
            assertTrue(pattern.matcher(line).find(), "expected /" + pattern + "/ in the message:\n" + t);
        }
    }
}
