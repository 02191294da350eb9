package org.sixsa4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.OgipFileKind;
import org.sixsa4j.ogip.OgipLinks;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sixsa info}: a summary of an OGIP spectrum, response or effective area. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Summarise an OGIP PHA, RMF/RSP or ARF file.",
                "For a spectrum, also load its response and background and count the bins in the noticed range.",
                "Example: sixsa info PN_spectrum_grp20.fits --notice 0.5-10"})
final class InfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The OGIP file.")
    private Path file;

    @Option(names = "--row", paramLabel = "N", description = "Row of a type II PHA file (counted from 0).")
    private Integer row;

    @Option(names = "--rmf", paramLabel = "FILE", description = "Response to use instead of RESPFILE.")
    private Path rmf;

    @Option(names = "--arf", paramLabel = "FILE", description = "Effective area to use instead of ANCRFILE.")
    private Path arf;

    @Option(names = "--notice", paramLabel = "LO-HI", description = "Energy range in keV to count noticed bins in, e.g. 0.5-10.")
    private String notice;

    private double[] range;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // A malformed range is reported before any file is read or any summary printed.
        range = notice == null ? null : parseRange(notice);
        switch (OgipFileKind.of(file)) {
            case PHA:
                describePha(out);
                break;
            case RMF:
                describeRmf(out, RmfFile.read(file));
                break;
            case ARF:
                describeArf(out, ArfFile.read(file));
                break;
            default:
                throw new IllegalStateException();
        }
        out.flush();
        return 0;
    }

    private void describePha(PrintWriter out) {
        PhaSpectrum s = row == null ? PhaFile.read(file) : PhaFile.readRow(file, row);
        out.printf(Locale.ROOT, "%s [%s]%s: OGIP spectrum%n", file, s.hdu(), s.row() >= 0 ? " row " + s.row() : "");
        out.printf(Locale.ROOT, "  telescope/instrument  %s / %s%n", orDash(s.telescope()), orDash(s.instrument()));
        out.printf(Locale.ROOT, "  channels              %d (%s %d..%d)%n", s.size(), s.channelType(), s.firstChannel(), s.firstChannel() + s.size() - 1);
        out.printf(Locale.ROOT, "  exposure              %.6g s%n", s.exposure());
        out.printf(Locale.ROOT, "  counts                %.0f (POISSERR=%s)%n", s.totalCounts(), s.poissonErrors() ? "T" : "F");
        out.printf(Locale.ROOT, "  bad channels          %d%n", s.badChannels());
        out.printf(Locale.ROOT, "  BACKSCAL, AREASCAL    %.6g, %.6g (first channel)%n", s.backscal()[0], s.areascal()[0]);
        out.printf(Locale.ROOT, "  RESPFILE              %s%n", link(s.respFile(), () -> OgipLinks.response(s)));
        out.printf(Locale.ROOT, "  ANCRFILE              %s%n", link(s.ancrFile(), () -> OgipLinks.ancillary(s)));
        out.printf(Locale.ROOT, "  BACKFILE              %s%n", link(s.backFile(), () -> OgipLinks.background(s)));
        if (s.respFile() == null && rmf == null) {
            if (notice != null || arf != null) {
                // Without a response there are no channel energies: say so rather than ignore the option.
                throw InvalidInputException.inFile(file, s.hdu(), "RESPFILE", "names no response, so "
                        + (notice != null ? "--notice" : "--arf") + " cannot be applied; give one with --rmf");
            }
            return;
        }
        ObservationLoader loader = ObservationLoader.of(file);
        if (row != null) {
            loader.row(row);
        }
        if (rmf != null) {
            loader.rmf(rmf);
        }
        if (arf != null) {
            loader.arf(arf);
        }
        Observation obs = loader.load();
        out.printf(Locale.ROOT, "  groups                %d (%d bad)%n", obs.groups(), obs.badGroups());
        if (range != null) {
            Observation n = obs.noticeOnly(range[0], range[1]).requireBins();
            out.printf(Locale.ROOT, "  bins in %s keV   %d (%.6g-%.6g keV, %.0f counts)%n", notice, n.bins(),
                    n.binLowKeV(0), n.binHighKeV(n.bins() - 1), Arrays.stream(n.counts()).sum());
        }
        if (obs.background() != null) {
            double[] r = obs.channelBackgroundRatio();
            out.printf(Locale.ROOT, "  background            %.0f counts, %.6g s, backscale ratio %.4g%n",
                    obs.background().totalCounts(), obs.background().exposure(), r[0]);
        }
    }

    private static String link(String written, java.util.function.Supplier<Optional<OgipLinks.Link>> resolve) {
        if (written == null) {
            return "none";
        }
        try {
            return resolve.get().map(l -> l.file().normalize().toString()).orElse("none");
        } catch (InvalidInputException e) {
            return written + " (cannot be followed: " + e.getMessage() + ")";
        }
    }

    private static void describeRmf(PrintWriter out, Rmf r) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int e = 0; e < r.energies(); e++) {
            double s = r.rowSum(e);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        out.printf(Locale.ROOT, "%s [%s]: OGIP %s%n", r.file(), r.hdu(), r.includesArea() ? "response with effective area (RSP)" : "redistribution matrix (RMF)");
        out.printf(Locale.ROOT, "  telescope/instrument  %s / %s%n", orDash(r.telescope()), orDash(r.instrument()));
        out.printf(Locale.ROOT, "  input energies        %d, %.6g-%.6g keV%n", r.energies(), r.energyLow()[0], r.energyHigh()[r.energies() - 1]);
        out.printf(Locale.ROOT, "  channels              %d (%s %d..%d), %.6g-%.6g keV%n", r.channels(), r.channelType(), r.firstChannel(),
                r.firstChannel() + r.channels() - 1, r.channelLow()[0], r.channelHigh()[r.channels() - 1]);
        out.printf(Locale.ROOT, "  stored values         %d (%d non-zero)%n", r.nonZeros(), r.strictlyNonZeros());
        out.printf(Locale.ROOT, "  row sums              %.6g to %.6g%s%n", min, max, r.includesArea() ? " cm2" : "");
    }

    private static void describeArf(PrintWriter out, Arf a) {
        double[] area = a.specresp();
        int peak = 0;
        for (int i = 1; i < area.length; i++) {
            if (area[i] > area[peak]) {
                peak = i;
            }
        }
        double[] lo = a.energyLow();
        double[] hi = a.energyHigh();
        out.printf(Locale.ROOT, "%s [SPECRESP]: OGIP effective area (ARF)%n", a.file());
        out.printf(Locale.ROOT, "  telescope/instrument  %s / %s%n", orDash(a.telescope()), orDash(a.instrument()));
        out.printf(Locale.ROOT, "  energies              %d, %.6g-%.6g keV%n", a.size(), lo[0], hi[a.size() - 1]);
        out.printf(Locale.ROOT, "  peak area             %.6g cm2 at %.4g keV%n", area[peak], 0.5 * (lo[peak] + hi[peak]));
    }

    /** Parses LO-HI in keV. */
    static double[] parseRange(String text) {
        String[] parts = text.split("-");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            double lo = Double.parseDouble(parts[0]);
            double hi = Double.parseDouble(parts[1]);
            if (!(lo < hi)) {
                throw new InvalidInputException("option --notice: the lower bound must be below the upper one, got " + text);
            }
            return new double[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new InvalidInputException("option --notice: expected LO-HI in keV, e.g. 0.5-10, got '" + text + "'");
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

}
