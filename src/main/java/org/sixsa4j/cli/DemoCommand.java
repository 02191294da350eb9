package org.sixsa4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelParameter;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.simulate.Fakeit;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.SyntheticInstrument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sixsa demo}: the whole pipeline on the embedded CCD-like instrument, with no file from
 * outside. It writes the instrument as OGIP files, simulates a {@code tbabs*(bbodyrad+powerlaw)}
 * spectrum from stated true parameters, writes the run configuration a user would write for it,
 * runs {@code sixsa run} on that configuration, and compares the posterior with the truth.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on an embedded synthetic instrument and write a report.",
                "Needs no input file and no network."})
final class DemoCommand implements Callable<Integer> {
    static final double EXPOSURE = 2e4;
    static final String MODEL = "tbabs*(bbodyrad+powerlaw)";
    static final ModelSettings SETTINGS = ModelSettings.xspecDefaults().withAbundances(AbundanceTable.WILM);
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "sixsa-demo", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Run seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores); results do not depend on it.")
    private Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new InvalidInputException("option --threads: expected at least 1, got " + nThreads);
        }
        Path target = out.toAbsolutePath().normalize();
        // Everything is written to a scratch folder first and moved in at the end, so a failed
        // run leaves no half-written report behind.
        try (RunOutput output = new RunOutput(target, "--out")) {
            Map<String, Object> truth = writeInputs(output, nThreads);
            RunConfig config = RunConfig.read(output.file("demo.yaml"));
            Map<String, Object> summary = RunCommand.run(config, output, quiet, null);
            Map<String, Object> comparison = compare(summary, truth);
            summary.put("true_parameters", truth);
            summary.put("truth_comparison", comparison);
            output.summary(summary);
            RunCommand.report(output, "sixsa demo", summary, List.of("The whole pipeline on the embedded CCD-like instrument, on a "
                    + "spectrum simulated from known parameters; demo.yaml is the run configuration.", "Posterior against the truth: "
                    + String.join("; ", comparison.values().stream().map(String::valueOf).toList())));
            output.publish(config);
            PrintWriter w = spec.commandLine().getOut();
            w.println(summary.get("headline"));
            for (Map.Entry<String, Object> e : comparison.entrySet()) {
                w.println("  " + e.getValue());
            }
            w.printf(Locale.ROOT, "Report: %s%n", target.resolve("report.html"));
            w.flush();
            return 0;
        }
    }

    /**
     * Writes the instrument, the simulated spectrum and the run configuration into the run's
     * scratch folder; returns the true values of the free parameters.
     */
    private Map<String, Object> writeInputs(RunOutput output, int nThreads) throws IOException {
        Model truth = trueModel();
        // The spectrum's seed is one the run never uses for its own simulations (they count from 0 of the run seed).
        writeInstrument(output.folder());
        writeSpectrum(truth, ~seed, 0, output.file("spectrum.pha"));
        // The configuration is examples/demo.yaml, packaged with the classes; the command line's seed and threads are appended.
        StringBuilder yaml = new StringBuilder(configuration());
        yaml.append("seed: ").append(seed).append('\n');
        yaml.append("threads: ").append(nThreads).append('\n');
        Files.writeString(output.file("demo.yaml"), yaml);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ModelParameter p : truth.freeParameters()) {
            values.put(p.name(), p.value());
        }
        return values;
    }

    /** Writes the CCD-like instrument into {@code folder}: {@code ccd.rmf} and {@code ccd.arf}. */
    static void writeInstrument(Path folder) {
        SyntheticInstrument ccd = Instruments.ccd();
        RmfFile.write(ccd.rmf(), folder.resolve("ccd.rmf"));
        ArfFile.write(ccd.arf(), folder.resolve("ccd.arf"));
    }

    /**
     * Writes {@code pha}: a spectrum of {@code truth} observed for {@value #EXPOSURE} s with the
     * CCD-like instrument, linked to the {@code ccd.rmf} and {@code ccd.arf} beside it; the counts
     * are drawn from stream {@code index} of {@code seed}.
     */
    static void writeSpectrum(Model truth, long seed, long index, Path pha) {
        Fakeit fakeit = Fakeit.of(Instruments.ccd().observation(EXPOSURE));
        double[] full = truth.parameterMap().expand(truth.parameterMap().freeValues());
        double[] flux = truth.evaluator(fakeit.energyGrid().lows(), fakeit.energyGrid().highs(), SETTINGS).evaluate(full, 1);
        PhaSpectrum simulated = fakeit.simulate(flux, 1, RandomStreams.of(seed), index).get(0)
                .toBuilder().respFile("ccd.rmf").ancrFile("ccd.arf").build();
        PhaFile.write(simulated, pha);
    }

    /** The demo's run configuration without seed and threads: examples/demo.yaml, as packaged. */
    static String configuration() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo.yaml is missing from the package; rebuild with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Each parameter's posterior median and 68 % interval against its true value, as a line. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> compare(Map<String, Object> summary, Map<String, Object> truth) {
        Map<String, Map<String, Double>> posterior = (Map<String, Map<String, Double>>) summary.get("posterior");
        Map<String, Object> lines = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : truth.entrySet()) {
            Map<String, Double> p = posterior.get(e.getKey());
            double t = (Double) e.getValue();
            double z = (p.get("median") - t) / p.get("sd");
            boolean inside = t >= p.get("q005") && t <= p.get("q995");
            lines.put(e.getKey(), String.format(Locale.ROOT, "%-18s true %-9.4g posterior %.4g [%.4g, %.4g] (68 %%), %+.2f sd from the truth, %s",
                    e.getKey(), t, p.get("median"), p.get("q16"), p.get("q84"), z, inside ? "inside the 99 % interval" : "OUTSIDE the 99 % interval"));
        }
        return lines;
    }

    /** The model the demo simulates: an absorbed black body plus power law, as fitted to ULXs. */
    static Model trueModel() {
        return Model.parse(MODEL).set("tbabs.nH", 0.1).set("bbodyrad.kT", 0.3).set("bbodyrad.norm", 50)
                .set("powerlaw.PhoIndex", 1.7).set("powerlaw.norm", 1e-3);
    }
}
