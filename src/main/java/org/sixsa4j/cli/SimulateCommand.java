package org.sixsa4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelParameter;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.simulate.Fakeit;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;
import org.sixsa4j.spectrum.Response;
import org.sixsa4j.spectrum.SyntheticInstrument;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sixsa simulate}: XSPEC-style fakeit of a spectral model through a response. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate spectra (fakeit) of a spectral model through a response and write them as OGIP PHA files.",
                "Examples:",
                "  sixsa simulate --instrument ccd --exposure 2e4 --par PhoIndex=1.7 --par norm=3e-3 --out fake.pha",
                "  sixsa simulate --pha obs.pha --model \"tbabs*(bbodyrad+powerlaw)\" --par tbabs.nH=0.1 --par kT=0.3 --out fake.pha",
                "  sixsa simulate --pha PN_spectrum_grp20.fits --par PhoIndex=2 --par norm=1e-4 --spectra 10 --out sims/pn.pha"})
final class SimulateCommand implements Callable<Integer> {
    /** Spectra simulated per call: enough to keep both cores and the SIMD kernels busy. */
    private static final int CHUNK = 64;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--pha", paramLabel = "FILE", description = "Template spectrum: its response, ARF, background, exposure, grouping and quality are used.")
        Path pha;

        @Option(names = "--rmf", paramLabel = "FILE", description = "Response matrix (RMF or RSP) to simulate through.")
        Path rmf;

        @Option(names = "--instrument", paramLabel = "NAME", description = "An embedded instrument: ccd or xifu; its RMF and ARF are written next to the output.")
        String instrument;
    }

    @Option(names = "--arf", paramLabel = "FILE", description = "Effective area, with --rmf (or to replace the template's ANCRFILE).")
    private Path arf;

    @Option(names = "--no-background", description = "Ignore the template's BACKFILE.")
    private boolean noBackground;

    @Option(names = "--exposure", paramLabel = "SECONDS", description = "Exposure; required without --pha, and overrides the template's.")
    private Double exposure;

    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--group", paramLabel = "N", description = "Group every N consecutive channels into one bin, as grppha's 'group' command; replaces the template's GROUPING.")
    private Integer group;

    @Option(names = "--spectra", defaultValue = "1", description = "Number of spectra (default ${DEFAULT-VALUE}); more than one are numbered NAME_00001.pha and so on.")
    private int spectra;

    @Option(names = "--seed", defaultValue = "1", description = "Run seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--first-index", defaultValue = "0", description = "Index of the first spectrum's random stream (default ${DEFAULT-VALUE}).")
    private long firstIndex;

    @Option(names = "--threads", defaultValue = "1", description = "Threads; the spectra do not depend on it (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output PHA file.")
    private Path out;

    @Override
    public Integer call() {
        if (spectra < 1 || spectra > 100_000) {
            throw new InvalidInputException("option --spectra: expected 1 to 100000, got " + spectra);
        }
        if (threads < 1) {
            throw new InvalidInputException("option --threads: expected at least 1, got " + threads);
        }
        if (group != null && group < 1) {
            throw new InvalidInputException("option --group: expected at least 1 channel per bin, got " + group);
        }
        Model model = modelOptions.model();
        ModelSettings settings = modelOptions.settings();
        // Check every option before writing anything: --instrument writes its RMF and ARF next
        // to the output, and a typo must not leave those behind (or put them in the wrong folder).
        if (source.pha == null || exposure != null) {
            checkedExposure();
        }
        SyntheticInstrument instrument = source.instrument == null ? null : InstrumentCommand.preset(source.instrument, "--instrument");
        if (Files.isDirectory(out)) {
            throw new InvalidInputException("option --out: " + out + " is a folder; expected the name of the PHA file to write");
        }
        Path folder = out.toAbsolutePath().getParent();
        OutputFolders.create("--out", folder);
        Observation template = template(folder, instrument);

        Fakeit fakeit = Fakeit.of(template).withThreads(threads);
        EnergyGrid grid = fakeit.energyGrid();
        double[] full = model.parameterMap().expand(model.parameterMap().freeValues());
        double[] one = model.evaluator(grid.lows(), grid.highs(), settings).evaluate(full, 1);
        double expected = Arrays.stream(fakeit.expectedCounts(one)).sum();

        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s through %s, %g s: %.1f expected counts per spectrum%n",
                describe(model), template.response().rmf().file(), template.exposure(), expected);
        // Spectra go out in chunks, so memory stays bounded however many are asked for; the
        // counts do not depend on the chunking (each spectrum has its own random stream).
        int chunk = Math.min(spectra, CHUNK);
        double[] flux = new double[chunk * one.length];
        for (int s = 0; s < chunk; s++) {
            System.arraycopy(one, 0, flux, s * one.length, one.length);
        }
        RandomStreams streams = RandomStreams.of(seed);
        for (int first = 0; first < spectra; first += chunk) {
            int n = Math.min(chunk, spectra - first);
            List<PhaSpectrum> simulated = fakeit.simulate(flux, n, streams, firstIndex + first);
            for (int k = 0; k < n; k++) {
                int s = first + k;
                Path file = spectra == 1 ? out : numbered(out, s + 1);
                PhaSpectrum spectrum = withLinks(simulated.get(k), template, file.toAbsolutePath().getParent());
                if (group != null) {
                    spectrum = spectrum.toBuilder().grouping(grouping(spectrum.size(), group)).build();
                }
                PhaFile.write(spectrum, file);
                w.printf(Locale.ROOT, "  wrote %s: %.0f counts (seed %d, index %d)%n", file, spectrum.totalCounts(), seed, firstIndex + s);
            }
        }
        w.flush();
        return 0;
    }

    /** The observation that supplies channels, response, exposure and background. */
    private Observation template(Path folder, SyntheticInstrument instrument) {
        if (source.pha != null) {
            ObservationLoader loader = ObservationLoader.of(source.pha);
            if (arf != null) {
                loader.arf(arf);
            }
            if (noBackground) {
                loader.noBackground();
            }
            Observation obs = loader.load();
            if (exposure != null) {
                PhaSpectrum s = obs.spectrum().toBuilder().exposure(checkedExposure()).build();
                obs = Observation.of(s, obs.response(), obs.background());
            }
            return obs;
        }
        Response response;
        if (instrument != null) {
            Path rmfFile = folder.resolve(instrument.name() + ".rmf");
            Path arfFile = folder.resolve(instrument.name() + ".arf");
            RmfFile.write(instrument.rmf(), rmfFile);
            ArfFile.write(instrument.arf(), arfFile);
            response = Response.of(RmfFile.read(rmfFile), ArfFile.read(arfFile));
        } else {
            response = Response.of(RmfFile.read(source.rmf), arf == null ? null : ArfFile.read(arf));
        }
        var rmf = response.rmf();
        PhaSpectrum empty = PhaSpectrum.builder().counts(new double[rmf.channels()]).consecutiveChannels(rmf.firstChannel())
                .exposure(checkedExposure()).telescope(rmf.telescope()).instrument(rmf.instrument())
                .channelType(rmf.channelType() == null ? "PI" : rmf.channelType()).build();
        return Observation.of(empty, response, null);
    }

    private double checkedExposure() {
        if (exposure == null) {
            throw new InvalidInputException("option --exposure: required without --pha");
        }
        if (!(exposure > 0) || !Double.isFinite(exposure)) {
            throw new InvalidInputException("option --exposure: must be positive, got " + exposure);
        }
        return exposure;
    }

    /**
     * OGIP's GROUPING column (OGIP/92-007) for bins of {@code width} consecutive channels: 1 starts
     * a bin, −1 continues it; the last bin holds what is left.
     */
    private static int[] grouping(int channels, int width) {
        int[] g = new int[channels];
        for (int c = 0; c < channels; c++) {
            g[c] = c % width == 0 ? 1 : -1;
        }
        return g;
    }

    /** The simulated spectrum with RESPFILE, ANCRFILE and BACKFILE naming the files used, relative to its folder. */
    private static PhaSpectrum withLinks(PhaSpectrum s, Observation template, Path folder) {
        Response r = template.response();
        return s.toBuilder()
                .respFile(relative(folder, r.rmf().file()))
                .ancrFile(r.arf() == null ? null : relative(folder, r.arf().file()))
                .backFile(template.background() == null ? null : relative(folder, template.background().file()))
                .build();
    }

    private static String relative(Path folder, Path file) {
        if (file == null) {
            return null;
        }
        Path abs = file.toAbsolutePath().normalize();
        try {
            return folder.normalize().relativize(abs).toString();
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    /** The model and its parameter values on one line. */
    static String describe(Model model) {
        StringBuilder b = new StringBuilder(model.expression().text()).append(':');
        for (ModelParameter p : model.parameters()) {
            b.append(' ').append(p.name()).append('=').append(p.link() != null ? "(" + p.link() + ")" : String.format(Locale.ROOT, "%g", p.value()));
        }
        return b.toString();
    }

    private static Path numbered(Path out, int n) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".pha";
        return out.resolveSibling(String.format(Locale.ROOT, "%s_%05d%s", stem, n, ext));
    }

}
