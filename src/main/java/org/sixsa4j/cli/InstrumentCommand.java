package org.sixsa4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.SyntheticInstrument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sixsa instrument}: writes a synthetic OGIP response (RMF, and an ARF if asked). */
@Command(name = "instrument", mixinStandardHelpOptions = true,
        description = {"Write a Gaussian redistribution matrix (and optionally an ARF) as OGIP files.",
                "Examples:",
                "  sixsa instrument --preset ccd --out responses",
                "  sixsa instrument --fwhm 0.13@6 --grid 0.1:12.1:0.025 --area 400 --name mycdd --out responses",
                "  sixsa instrument --fwhm 0.004 --grid-from athena_xifu_13_rows_no_filter.arf --name athena_xifu_4eV_gaussian --out ."})
final class InstrumentCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "An embedded instrument: ccd or xifu (writes its RMF and ARF).")
    private String preset;

    @Option(names = "--fwhm", paramLabel = "KEV[@EREF]",
            description = "Resolution FWHM in keV; constant, or with @EREF growing as sqrt(E/EREF) like a CCD's.")
    private String fwhm;

    @Option(names = "--grid", paramLabel = "LO:HI:WIDTH", description = "Channel grid in keV; also the input energy grid unless --energies is given.")
    private String grid;

    @Option(names = "--energies", paramLabel = "LO:HI:WIDTH", description = "Input energy grid in keV.")
    private String energies;

    @Option(names = "--grid-from", paramLabel = "FILE", description = "Use the energy bins of this ARF or RMF as both input and channel grid.")
    private Path gridFrom;

    @Option(names = "--area", paramLabel = "CM2", description = "Write an ARF with this constant effective area.")
    private Double area;

    @Option(names = "--area-table", paramLabel = "CSV", description = "Write an ARF interpolated from a CSV of energy (keV), area (cm2).")
    private Path areaTable;

    @Option(names = "--first-channel", defaultValue = "1", description = "Number of the first channel (default ${DEFAULT-VALUE}).")
    private int firstChannel;

    @Option(names = "--name", defaultValue = "instrument", description = "File name stem (default ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, created if needed.")
    private Path out;

    @Override
    public Integer call() {
        Rmf rmf;
        Arf arf = null;
        String label;
        if (name.isBlank() || name.indexOf('/') >= 0 || name.indexOf(File.separatorChar) >= 0) {
            throw new InvalidInputException("option --name: expected a file name stem without folders, got '" + name + "'; use --out for the folder");
        }
        if (preset != null) {
            SyntheticInstrument instrument = preset(preset, "--preset");
            rmf = instrument.rmf();
            arf = instrument.arf();
            label = instrument.description();
            if (name.equals("instrument")) {
                name = instrument.name();
            }
        } else {
            if (fwhm == null) {
                throw new InvalidInputException("option --fwhm: give the resolution, or use --preset ccd|xifu");
            }
            EnergyGrid channels = channelGrid();
            EnergyGrid input = energies == null ? channels : parseGrid("--energies", energies);
            rmf = Instruments.gaussianRmf(input, channels, firstChannel, parseFwhm(fwhm));
            if (area != null) {
                if (!(area > 0)) {
                    throw new InvalidInputException("option --area: the effective area must be positive, got " + area);
                }
                double a = area;
                arf = Instruments.arf(input, e -> a);
            } else if (areaTable != null) {
                arf = AreaTable.read(areaTable, input);
            }
            label = String.format(Locale.ROOT, "Gaussian FWHM %s keV, %d channels, %d input energies", fwhm, channels.size(), input.size());
        }
        OutputFolders.create("--out", out);
        Path rmfFile = out.resolve(name + ".rmf");
        RmfFile.write(rmf, rmfFile);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s%n  wrote %s (%d energies x %d channels, %d values)%n", label, rmfFile, rmf.energies(), rmf.channels(), rmf.nonZeros());
        if (arf != null) {
            Path arfFile = out.resolve(name + ".arf");
            ArfFile.write(arf, arfFile);
            w.printf(Locale.ROOT, "  wrote %s (%d energies)%n", arfFile, arf.size());
        }
        w.flush();
        return 0;
    }

    private EnergyGrid channelGrid() {
        if (gridFrom != null && grid != null) {
            throw new InvalidInputException("options --grid and --grid-from: give one of them, not both");
        }
        if (gridFrom != null) {
            return GridFiles.energyBins(gridFrom);
        }
        if (grid == null) {
            throw new InvalidInputException("option --grid: give the channel grid as LO:HI:WIDTH in keV, or --grid-from FILE");
        }
        return parseGrid("--grid", grid);
    }

    /** The embedded instrument {@code name}; {@code option} is the option that named it, for the error. */
    static SyntheticInstrument preset(String name, String option) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "ccd":
                return Instruments.ccd();
            case "xifu":
                return Instruments.xifu();
            default:
                throw new InvalidInputException("option " + option + ": unknown instrument '" + name + "', expected ccd or xifu");
        }
    }

    /** Parses LO:HI:WIDTH (keV) into a linear grid. */
    static EnergyGrid parseGrid(String option, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            double lo = Double.parseDouble(parts[0]);
            double hi = Double.parseDouble(parts[1]);
            double width = Double.parseDouble(parts[2]);
            if (!(lo >= 0) || !(hi > lo) || !(width > 0) || !Double.isFinite(hi)) {
                throw new InvalidInputException("option " + option + ": need 0 <= LO < HI and WIDTH > 0, got " + text);
            }
            long n = Math.round((hi - lo) / width);
            if (n < 1 || n > 10_000_000 || Math.abs(n * width - (hi - lo)) > 1e-6 * (hi - lo)) {
                throw new InvalidInputException("option " + option + ": (HI - LO) / WIDTH must be a whole number of bins, got " + text);
            }
            return EnergyGrid.linear(lo, hi, (int) n);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("option " + option + ": expected LO:HI:WIDTH in keV, got '" + text + "'");
        }
    }

    /** Parses KEV or KEV@EREF into a FWHM law. */
    static DoubleUnaryOperator parseFwhm(String text) {
        try {
            int at = text.indexOf('@');
            double value = Double.parseDouble(at < 0 ? text : text.substring(0, at));
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new InvalidInputException("option --fwhm: must be positive, got " + text);
            }
            if (at < 0) {
                return e -> value;
            }
            double reference = Double.parseDouble(text.substring(at + 1));
            if (!(reference > 0)) {
                throw new InvalidInputException("option --fwhm: the reference energy must be positive, got " + text);
            }
            return e -> value * Math.sqrt(e / reference);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("option --fwhm: expected KEV or KEV@EREF, got '" + text + "'");
        }
    }

    /** Reads a two-column CSV of energy and area. */
    static final class AreaTable {
        private AreaTable() {
        }

        static Arf read(Path csv, EnergyGrid grid) {
            List<double[]> rows = new ArrayList<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(csv);
            } catch (IOException e) {
                throw new InvalidInputException(csv + ": cannot read the area table (" + e.getMessage() + ")", e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#") || Character.isLetter(line.charAt(0))) {
                    continue;
                }
                String[] parts = line.split("[,;\\s]+");
                try {
                    rows.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
                } catch (RuntimeException e) {
                    throw new InvalidInputException(csv + " line " + (i + 1) + ": expected 'energy_keV, area_cm2', got '" + line + "'");
                }
            }
            double[] energy = rows.stream().mapToDouble(r -> r[0]).toArray();
            double[] area = rows.stream().mapToDouble(r -> r[1]).toArray();
            try {
                return Instruments.arfFromTable(grid, energy, area);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(csv + ": " + e.getMessage());
            }
        }
    }
}
