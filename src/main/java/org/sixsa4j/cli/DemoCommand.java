package org.sixsa4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelEvaluator;
import org.sixsa4j.model.ModelParameter;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.report.ResultFiles;
import org.sixsa4j.simulate.Fakeit;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;
import org.sixsa4j.spectrum.SyntheticInstrument;
import org.sixsa4j.spectrum.TransferOperator;
import org.sixsa4j.stat.CStat;
import org.sixsa4j.stat.CStatGoodness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sixsa demo}: runs what exists of the pipeline on the embedded CCD-like instrument, with
 * no file from outside, and writes a report. Today that is the foundation layer: synthetic
 * responses written as OGIP files, a simulated spectrum read back through its RESPFILE/ANCRFILE
 * links, the fit statistics at the true parameters, and the simulation throughput.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the pipeline as it stands on an embedded synthetic instrument and write a report.",
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

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the throughput check (default: all cores).")
    private Integer threads;

    @Override
    public Integer call() throws IOException {
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new InvalidInputException("option --threads: expected at least 1, got " + nThreads);
        }
        Path target = out.toAbsolutePath().normalize();
        // Fail before the run, not after it, when the folder cannot be made.
        OutputFolders.requireFolderOrAbsent("--out", target);
        OutputFolders.create("--out", target.getParent());
        // Everything is written to a scratch folder first and moved in at the end, so a failed
        // run leaves no half-written report behind.
        Path work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        try {
            Map<String, Object> summary = run(work, nThreads);
            publish(work, target);
            PrintWriter w = spec.commandLine().getOut();
            w.println(summary.get("headline"));
            w.printf(Locale.ROOT, "Report: %s%n", target.resolve("report.md"));
            w.flush();
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    private Map<String, Object> run(Path dir, int nThreads) throws IOException {
        SyntheticInstrument ccd = Instruments.ccd();
        RmfFile.write(ccd.rmf(), dir.resolve("ccd.rmf"));
        ArfFile.write(ccd.arf(), dir.resolve("ccd.arf"));
        Model truth = trueModel();

        // 1. Simulate one spectrum of the true model and write it as a PHA file that links its response.
        Fakeit fakeit = Fakeit.of(ccd.observation(EXPOSURE));
        double[] trueFull = truth.parameterMap().expand(truth.parameterMap().freeValues());
        double[] trueFlux = truth.evaluator(fakeit.energyGrid().lows(), fakeit.energyGrid().highs(), SETTINGS).evaluate(trueFull, 1);
        PhaSpectrum simulated = fakeit.simulate(trueFlux, 1, RandomStreams.of(seed), 0).get(0)
                .toBuilder().respFile("ccd.rmf").ancrFile("ccd.arf").build();
        Path phaFile = dir.resolve("spectrum.pha");
        PhaFile.write(simulated, phaFile);

        // 2. Read it back through its links, as a user's file would be, and notice 0.3-10 keV.
        Observation obs = ObservationLoader.of(phaFile).load().noticeOnly(ccd.noticeLowKeV(), ccd.noticeHighKeV());
        TransferOperator op = TransferOperator.of(obs);
        ModelEvaluator evaluator = truth.evaluator(op.energyGrid().lows(), op.energyGrid().highs(), SETTINGS);
        double[] counts = obs.counts();
        double[] expected = op.fold(evaluator.evaluate(trueFull, 1));
        CStatGoodness gof = CStatGoodness.of(counts, 0, expected, 0, counts.length);

        // 3. C-stat along the photon index, the other parameters held at their true values: a check
        // of the statistic, the model and the fold, not a fit (fitting arrives with the exact samplers).
        int index = truth.index("powerlaw.PhoIndex");
        double[] full = trueFull.clone();
        List<double[]> profile = new ArrayList<>();
        double best = Double.NaN;
        double bestC = Double.POSITIVE_INFINITY;
        for (int i = -20; i <= 20; i++) {
            full[index] = trueFull[index] + 0.01 * i;
            double c = CStat.value(counts, op.fold(evaluator.evaluate(full, 1)));
            profile.add(new double[] {full[index], c});
            if (c < bestC) {
                bestC = c;
                best = full[index];
            }
        }

        // 4. Calibration: the deviation of one spectrum is one draw; over many simulated spectra it
        // must average 0 with unit spread if the statistic, the model, the fold and the draws agree.
        ModelSimulator simulator = ModelSimulator.of(truth, List.of(obs), SETTINGS).withThreads(nThreads);
        double[] calibration = deviationOverSimulations(simulator, expected, 1000);

        // 5. Throughput: the whole simulation, model included, for parameters drawn from broad priors.
        Throughput ccdSpeed = throughput(simulator, 20_480);
        Throughput xifuSpeed = throughput(ModelSimulator.of(truth, List.of(Instruments.xifu().observation(1e4)), SETTINGS)
                .withThreads(nThreads), 1_024);
        boolean deterministic = sameOnOneThread(simulator, nThreads);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("headline", String.format(Locale.ROOT,
                "sixsa demo: %s, %.0f counts in %d bins; C-stat at the truth %.1f (expected %.1f +- %.1f, %+.2f sigma); "
                        + "%.0f CCD spectra/s on %d thread%s (%s kernels)",
                MODEL, Arrays.stream(counts).sum(), obs.bins(), gof.cstat(), gof.expected(), Math.sqrt(gof.variance()), gof.sigma(),
                ccdSpeed.perSecond, nThreads, nThreads == 1 ? "" : "s", Kernels.get().name()));
        summary.put("instrument", ccd.description());
        summary.put("exposure_s", EXPOSURE);
        summary.put("model", MODEL);
        Map<String, Double> values = new LinkedHashMap<>();
        for (ModelParameter p : truth.parameters()) {
            values.put(p.name(), p.value());
        }
        summary.put("true_parameters", values);
        summary.put("abund", SETTINGS.abundances().xspecName());
        summary.put("seed", seed);
        summary.put("counts", Arrays.stream(counts).sum());
        summary.put("bins", obs.bins());
        summary.put("cstat_at_truth", gof.cstat());
        summary.put("cstat_expected", gof.expected());
        summary.put("cstat_sd", Math.sqrt(gof.variance()));
        summary.put("cstat_sigma", gof.sigma());
        summary.put("cstat_sigma_mean_over_simulations", calibration[0]);
        summary.put("cstat_sigma_sd_over_simulations", calibration[1]);
        summary.put("profile_best_photon_index", best);
        summary.put("transfer_operator", op.toString());
        summary.put("kernels", Kernels.get().name());
        summary.put("threads", nThreads);
        summary.put("ccd_spectra_per_second", ccdSpeed.perSecond);
        summary.put("xifu_spectra_per_second", xifuSpeed.perSecond);
        summary.put("identical_on_one_thread", deterministic);
        ResultFiles.writeJson(dir.resolve("summary.json"), summary);
        Files.writeString(dir.resolve("report.md"), report(summary, ccd, obs, op, profile, ccdSpeed, xifuSpeed));
        return summary;
    }

    /** The model the demo simulates: an absorbed black body plus power law, as fitted to ULXs. */
    static Model trueModel() {
        return Model.parse(MODEL).set("tbabs.nH", 0.1).set("bbodyrad.kT", 0.3).set("bbodyrad.norm", 50)
                .set("powerlaw.PhoIndex", 1.7).set("powerlaw.norm", 1e-3);
    }

    /** Mean and standard deviation of the C-stat deviation (σ) over spectra simulated from the true model. */
    private double[] deviationOverSimulations(ModelSimulator simulator, double[] expected, int spectra) {
        double[] free = repeated(simulator.parameterMap().freeValues(), spectra);
        int bins = simulator.totalBins();
        double[] counts = new double[spectra * bins];
        // Indices from 1: index 0 is the spectrum analysed above.
        simulator.simulate(free, spectra, RandomStreams.of(seed), 1, counts);
        double sum = 0;
        double sumSquares = 0;
        for (int s = 0; s < spectra; s++) {
            double z = CStatGoodness.of(counts, s * bins, expected, 0, bins).sigma();
            sum += z;
            sumSquares += z * z;
        }
        double mean = sum / spectra;
        return new double[] {mean, Math.sqrt(sumSquares / spectra - mean * mean)};
    }

    /** Spectra per second for parameters drawn from broad priors, timed around the simulation only. */
    private Throughput throughput(ModelSimulator simulator, int spectra) {
        double[] free = priorDraws(spectra);
        double[] counts = new double[spectra * simulator.totalBins()];
        RandomStreams streams = RandomStreams.of(seed);
        simulator.simulate(free, Math.min(spectra, 1024), streams, 0, counts); // warm-up
        long start = System.nanoTime();
        simulator.simulate(free, spectra, streams, 0, counts);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Throughput(spectra, simulator.totalBins(), spectra / seconds);
    }

    private boolean sameOnOneThread(ModelSimulator simulator, int nThreads) {
        int spectra = 256;
        double[] free = priorDraws(spectra);
        double[] a = new double[spectra * simulator.totalBins()];
        double[] b = new double[a.length];
        simulator.withThreads(1).simulate(free, spectra, RandomStreams.of(seed), 0, a);
        simulator.withThreads(Math.max(2, nThreads)).simulate(free, spectra, RandomStreams.of(seed), 0, b);
        return Arrays.equals(a, b);
    }

    /**
     * Free parameter vectors (nH, kT, bbodyrad norm, PhoIndex, powerlaw norm) from the priors of
     * the NGC 7793 ULX-4 analysis: U[0, 0.5], U[0.05, 2], log-U[1e-2, 1] scaled by 100, U[0, 5]
     * (kept to [1, 3] here), log-U[1e-5, 1e-2].
     */
    private double[] priorDraws(int spectra) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] v = new double[spectra * 5];
        for (int s = 0; s < spectra; s++) {
            v[5 * s] = 0.5 * rng.nextDouble();
            v[5 * s + 1] = 0.05 + 1.95 * rng.nextDouble();
            v[5 * s + 2] = Math.pow(10, 2 * rng.nextDouble());
            v[5 * s + 3] = 1 + 2 * rng.nextDouble();
            v[5 * s + 4] = Math.pow(10, -5 + 3 * rng.nextDouble());
        }
        return v;
    }

    private static double[] repeated(double[] one, int times) {
        double[] v = new double[one.length * times];
        for (int s = 0; s < times; s++) {
            System.arraycopy(one, 0, v, s * one.length, one.length);
        }
        return v;
    }

    private static final class Throughput {
        final int spectra;
        final int bins;
        final double perSecond;

        Throughput(int spectra, int bins, double perSecond) {
            this.spectra = spectra;
            this.bins = bins;
            this.perSecond = perSecond;
        }
    }

    private static String report(Map<String, Object> s, SyntheticInstrument ccd, Observation obs, TransferOperator op,
                                 List<double[]> profile, Throughput ccdSpeed, Throughput xifuSpeed) {
        StringBuilder r = new StringBuilder();
        r.append("# sixsa4j demo report\n\n");
        r.append("This demo runs what sixsa4j can do today on an embedded synthetic instrument: OGIP files,\n")
                .append("XSPEC-compatible models, folding, simulation and fit statistics. Prior restriction,\n")
                .append("compression, neural posterior estimation and importance sampling are not part of it yet.\n\n");
        r.append("## Instrument and data\n\n");
        r.append("- Instrument: ").append(ccd.description()).append(" (`ccd.rmf`, `ccd.arf`)\n");
        r.append("- True model: `").append(MODEL).append("` with abund wilm, ").append(s.get("true_parameters"))
                .append(String.format(Locale.ROOT, ", %.0f s%n", EXPOSURE));
        r.append(String.format(Locale.ROOT, "- Simulated spectrum `spectrum.pha` (seed %s, index 0): %.0f counts in %d bins over %.2f–%.2f keV%n",
                s.get("seed"), (double) s.get("counts"), obs.bins(), obs.binLowKeV(0), obs.binHighKeV(obs.bins() - 1)));
        r.append("- Read back through its RESPFILE and ANCRFILE links with the OGIP reader.\n");
        r.append("- Transfer operator: ").append(op).append('\n');
        r.append("\n## Fit statistics at the true parameters\n\n");
        r.append(String.format(Locale.ROOT, "| C-stat | expected (Kaastra 2017) | standard deviation | deviation |%n|---|---|---|---|%n| %.2f | %.2f | %.2f | %+.2f σ |%n",
                (double) s.get("cstat_at_truth"), (double) s.get("cstat_expected"), (double) s.get("cstat_sd"), (double) s.get("cstat_sigma")));
        r.append(String.format(Locale.ROOT, "%nOne spectrum's deviation is a single draw. Over 1000 more spectra simulated from the same model it "
                + "averages %+.3f σ with a spread of %.3f σ (0 and 1 for a calibrated statistic).%n",
                (double) s.get("cstat_sigma_mean_over_simulations"), (double) s.get("cstat_sigma_sd_over_simulations")));
        r.append(String.format(Locale.ROOT, "%nC-stat along powerlaw.PhoIndex, the other parameters at their true values (a check, not a fit): lowest at %.3f.%n%n",
                (double) s.get("profile_best_photon_index")));
        r.append("| PhoIndex | C-stat |\n|---|---|\n");
        for (int i = 0; i < profile.size(); i += 5) {
            r.append(String.format(Locale.ROOT, "| %.3f | %.2f |%n", profile.get(i)[0], profile.get(i)[1]));
        }
        r.append("\n## Simulation throughput\n\n");
        r.append(String.format(Locale.ROOT, "The whole simulation (model, fold, Poisson draws) for parameters drawn from broad priors, "
                + "on %s thread(s) with the %s kernels:%n%n", s.get("threads"), s.get("kernels")));
        r.append("| instrument | bins | spectra | spectra per second |\n|---|---|---|---|\n");
        r.append(String.format(Locale.ROOT, "| CCD-like | %d | %d | %.0f |%n", ccdSpeed.bins, ccdSpeed.spectra, ccdSpeed.perSecond));
        r.append(String.format(Locale.ROOT, "| X-IFU-like | %d | %d | %.0f |%n", xifuSpeed.bins, xifuSpeed.spectra, xifuSpeed.perSecond));
        r.append(String.format(Locale.ROOT, "%nSame spectra on one thread as on several: %s.%n", (boolean) s.get("identical_on_one_thread") ? "yes" : "NO"));
        r.append("\nThese are single timings, for orientation; the measured benchmarks are in docs/benchmarks.md.\n");
        r.append("\n## Files\n\n- `ccd.rmf`, `ccd.arf`: the instrument as OGIP files\n- `spectrum.pha`: the simulated spectrum\n")
                .append("- `summary.json`: the numbers above\n");
        return r.toString();
    }

    /** Moves the finished files into the output folder, replacing earlier ones of the same name. */
    private static void publish(Path work, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

}
