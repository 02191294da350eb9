package org.sixsa4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.sbi.ImportanceCorrection;
import org.sixsa4j.sbi.ImportanceSampling;
import org.sixsa4j.sbi.NeuralPosterior;
import org.sixsa4j.sbi.SbiSettings;
import org.sixsa4j.sbi.SpectralLikelihood;
import org.sixsa4j.sbi.WeightedSample;
import org.sixsa4j.simulate.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sixsa apply}: amortized inference with the estimator a run saved. For each spectrum the
 * saved compressor gives its features, the saved flow its neural posterior under the configured
 * prior, and importance sampling against the exact likelihood (with the prior as the defensive
 * component) makes that posterior exact up to Monte-Carlo error; no simulation and no training
 * happens. The importance-sampling diagnostics say whether the spectrum lies where the estimator
 * learned: one trained by truncated rounds (TSNPE, Deistler et al. 2022) for another spectrum
 * knows only that spectrum's neighbourhood.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Fit spectra with a trained estimator (the estimator/ folder of sixsa run), without new simulations:",
                "the saved flow's posterior at each spectrum, corrected by importance sampling with the exact likelihood",
                "(docs/usage.md, docs/sbi.md). Train the estimator with npe.rounds: 1 for use on many spectra.",
                "Writes one folder per spectrum: report.html, summary.json, posterior.fits (XSPEC chain format), posterior.csv.",
                "Example: sixsa apply results/estimator obs1.pha obs2.pha --out fits"})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "The estimator/ folder of a sixsa run.")
    private Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PHA", description = "Spectra (OGIP PHA), binned as the training spectrum.")
    private List<Path> spectra;

    @Option(names = "--out", defaultValue = "sixsa-apply", paramLabel = "DIR",
            description = "Output folder, one sub-folder per spectrum (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Option(names = "--samples", paramLabel = "N", description = "Equal-weight posterior samples per spectrum (default: the configuration's).")
    private Integer samples;

    @Option(names = "--draws", paramLabel = "N", description = "Importance draws per spectrum (default: the configuration's).")
    private Integer draws;

    @Override
    public Integer call() throws Exception {
        if (samples != null && samples < 1) {
            throw new InvalidInputException("option --samples: expected at least 1, got " + samples);
        }
        if (draws != null && draws < 2) {
            throw new InvalidInputException("option --draws: expected at least 2, got " + draws);
        }
        EstimatorFolder estimator = EstimatorFolder.load(model);
        // Every spectrum is read and checked before any is fitted, so a typo in the last one costs nothing.
        Map<String, RunConfig> configs = new LinkedHashMap<>();
        for (Path pha : spectra) {
            RunConfig c = RunConfig.forSpectrum(estimator.config(), pha);
            estimator.requireSameBins(c.observations().get(0));
            String name = pha.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            if (configs.put(name, c) != null) {
                throw new InvalidInputException(pha + ": another spectrum has the same name, and each gets the folder " + name);
            }
        }
        Path target = out.toAbsolutePath().normalize();
        OutputFolders.requireFolderOrAbsent("--out", target);
        PrintWriter w = spec.commandLine().getOut();
        Progress progress = new Progress("apply", quiet);
        int done = 0;
        for (Map.Entry<String, RunConfig> e : configs.entrySet()) {
            RunConfig c = e.getValue();
            SbiSettings s = c.sbi().withImportanceSampling(draws != null ? draws : c.sbi().importanceDraws(), c.sbi().defensiveFraction(),
                    samples != null ? samples : c.sbi().posteriorSamples());
            try (RunOutput output = new RunOutput(target.resolve(e.getKey()), "--out")) {
                Map<String, Object> summary = apply(estimator, c, s, output);
                output.summary(summary);
                RunCommand.report(output, "sixsa apply: " + c.observations().get(0).file().getFileName(), summary,
                        List.of("The estimator in " + model.toAbsolutePath().normalize() + ", trained for " + estimator.trainedOn()
                                + ", applied to this spectrum; no new simulation."));
                output.publish(c);
                progress.update(++done, configs.size(), e.getKey());
                w.println(e.getKey() + ": " + summary.get("headline"));
                w.flush();
            }
        }
        progress.finish();
        w.printf(Locale.ROOT, "Results: %s%n", target);
        w.flush();
        return 0;
    }

    /**
     * The posterior of one spectrum from a saved estimator: its features, the flow's posterior
     * there under the configuration's prior (leakage-corrected), then {@link ImportanceCorrection}
     * against the exact likelihood. The spectrum's counts choose its random streams, so its
     * posterior depends neither on the other spectra given with it nor on their order, and
     * different spectra do not share random numbers.
     */
    static ImportanceCorrection posterior(EstimatorFolder estimator, RunConfig c, SbiSettings s, SpectralLikelihood likelihood,
            Consumer<String> warnings) {
        double[] counts = likelihood.counts();
        NeuralPosterior q = NeuralPosterior.of(estimator.flow(), c.prior(), c.seed());
        long firstStream = 3 * Integer.toUnsignedLong(Arrays.hashCode(counts));
        return ImportanceCorrection.run(q, estimator.compressor().compress(counts), c.prior(), likelihood, s, RandomStreams.of(c.seed()),
                firstStream, warnings, null);
    }

    /** Fits one spectrum and writes its posterior files; returns its summary. */
    private Map<String, Object> apply(EstimatorFolder estimator, RunConfig c, SbiSettings s, RunOutput output) {
        long start = System.nanoTime();
        SpectralLikelihood likelihood = SpectralLikelihood.of(c.model(), c.observations(), c.settings(), c.statistic());
        List<String> warnings = new ArrayList<>();
        if (c.sbi().rounds() > 1) {
            warnings.add("the estimator was trained by " + c.sbi().rounds() + " rounds of truncated NPE for " + estimator.trainedOn()
                    + ": it knows only the neighbourhood of that spectrum's posterior; for use on other spectra train it with npe.rounds: 1");
        }
        ImportanceCorrection corrected = posterior(estimator, c, s, likelihood, warnings::add);
        WeightedSample weighted = corrected.weighted();
        if (weighted.effectiveSampleSize() / weighted.size() < ImportanceSampling.LOW_EFFICIENCY
                || weighted.paretoShape() > ImportanceSampling.PARETO_LIMIT) {
            warnings.add("this spectrum lies outside what the estimator learned (the neural posterior misses the exact one); an estimator "
                    + "trained by truncated rounds for another spectrum knows only that one: train it with npe.rounds: 1 for amortized "
                    + "use, or fit this spectrum with sixsa run");
        }
        double[][] theta = corrected.samples();
        double[] logLikelihood = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            logLikelihood[i] = likelihood.value(theta[i]);
        }
        int best = SampleCommand.argmax(logLikelihood);
        output.posterior(c, likelihood, theta, logLikelihood, "SIXSA-apply", 0);
        output.spectra(c, likelihood, theta[best]);
        Map<String, Object> summary = SampleCommand.common(c, likelihood, "sixsa apply", theta, logLikelihood[best], theta[best]);
        summary.put("estimator", model.toAbsolutePath().normalize().toString());
        summary.put("spectrum", c.observations().get(0).file().toString());
        summary.put("goodness_of_fit", RunCommand.goodness(c, likelihood, theta));
        summary.put("importance_sampling", RunCommand.importanceSampling(weighted));
        RunCommand.weightsPlot(weighted, output);
        double wall = (System.nanoTime() - start) * 1e-9;
        summary.put("wall_seconds", wall);
        summary.put("warnings", warnings);
        summary.put("headline", String.format(Locale.ROOT,
                "sixsa apply: %d samples, importance ESS/N %.2f, Pareto k %.2f, log Z = %.2f +- %.2f; best %s = %.2f for %d degrees of freedom; %.1f s",
                theta.length, weighted.effectiveSampleSize() / weighted.size(), weighted.paretoShape(), weighted.logEvidence(),
                weighted.logEvidenceError(), likelihood.statistic().xspecName(), likelihood.statisticOf(logLikelihood[best]),
                likelihood.degreesOfFreedom(), wall));
        return summary;
    }
}
