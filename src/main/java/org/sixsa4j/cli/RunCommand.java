package org.sixsa4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sixsa4j.report.HistogramPlot;
import org.sixsa4j.report.HtmlReport;
import org.sixsa4j.report.LinePlot;
import org.sixsa4j.report.PosteriorSummary;
import org.sixsa4j.sbi.SbiPipeline;
import org.sixsa4j.sbi.SpectralLikelihood;
import org.sixsa4j.sbi.WeightedSample;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.stat.CStatGoodness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sixsa run}: SIXSA's simulation-based inference on a run configuration, corrected to the exact posterior. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Fit a spectrum by simulation-based inference (SIXSA): optional prior restriction, rounds of",
                "truncated neural posterior estimation on compressed spectra, then importance sampling with the",
                "exact likelihood (docs/config.md, docs/sbi.md).",
                "Writes report.html, summary.json, posterior.fits (XSPEC chain format), posterior.csv and the figures.",
                "Example: sixsa run examples/xmm-pn-ngc7793.yaml"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run configuration (YAML).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, instead of the configuration's.")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        RunConfig c = RunConfig.read(config);
        PrintWriter w = spec.commandLine().getOut();
        try (RunOutput output = new RunOutput(out != null ? out : c.output())) {
            Map<String, Object> summary = run(c, output, quiet);
            output.summary(summary);
            report(output, "sixsa run: " + c.file().getFileName(), summary, List.of());
            output.publish(c);
            w.println(summary.get("headline"));
            w.printf(Locale.ROOT, "Results: %s%n", output.target());
            w.flush();
        }
        return 0;
    }

    /** Runs the pipeline and writes its files to {@code output}; returns the summary. */
    static Map<String, Object> run(RunConfig c, RunOutput output, boolean quiet) {
        SpectralLikelihood likelihood = SpectralLikelihood.of(c.model(), c.observations(), c.settings(), c.statistic());
        ModelSimulator simulator = ModelSimulator.of(c.model(), c.observations(), c.settings());
        SbiPipeline pipeline = new SbiPipeline(simulator, c.prior(), c.prior().names(), likelihood, c.sbi());
        List<String> warnings = new ArrayList<>();
        Progress[] bar = {null};
        long start = System.nanoTime();
        SbiPipeline.Result r = pipeline.run(new SbiPipeline.Listener() {
            @Override
            public void stage(String name) {
                if (bar[0] != null) {
                    bar[0].finish();
                }
                bar[0] = new Progress(name, quiet);
            }

            @Override
            public void progress(long done, long total) {
                bar[0].update(done, total, null);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
        if (bar[0] != null) {
            bar[0].finish();
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        double[][] samples = r.samples();
        double[] logLikelihood = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            logLikelihood[i] = likelihood.value(samples[i]);
        }
        int best = SampleCommand.argmax(logLikelihood);
        output.posterior(c, likelihood, samples, logLikelihood, "SIXSA-IS", 0);
        output.spectra(c, likelihood, samples[best]);
        Map<String, Object> summary = SampleCommand.common(c, likelihood, "sixsa", samples, logLikelihood[best], samples[best]);
        summary.put("goodness_of_fit", goodness(c, likelihood, samples));
        WeightedSample weighted = r.weighted();
        summary.put("importance_sampling", ApplyCommand.importanceSampling(weighted));
        // What sixsa apply needs to fit other spectra with this run's estimator.
        EstimatorFolder.save(output.file(EstimatorFolder.NAME), c, r.compressor(), r.posterior().flow());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (SbiPipeline.Round round : r.rounds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("proposal", round.proposal());
            m.put("simulations", round.simulations());
            m.put("dropped_simulations", round.dropped());
            m.put("proposal_acceptance", round.proposalAcceptance());
            m.put("epochs", round.training().epochs());
            m.put("best_validation_loss", round.training().bestValidationLoss());
            m.put("posterior_at_observation", PosteriorSummary.of(c.prior().names(), round.posteriorDraws()));
            rounds.add(m);
        }
        summary.put("rounds", rounds);
        if (r.restriction() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rounds", r.restriction().rounds().size());
            m.put("reached_target", r.restriction().reachedTarget());
            m.put("valid_fraction_last_round", r.restriction().lastRound().validFraction());
            m.put("acceptance", r.restriction().restrictedPrior().acceptanceRate());
            summary.put("restriction", m);
        }
        summary.put("compression", Map.of("method", r.compressor().getClass().getSimpleName(), "features", r.compressor().outputSize()));
        summary.put("retriever_r2", SampleCommand.named(c.prior().names(), r.retrieverR2()));
        summary.put("simulations", r.simulations());
        summary.put("likelihood_evaluations", likelihood.evaluations());
        Map<String, Double> times = new LinkedHashMap<>();
        for (Map.Entry<String, Duration> e : r.stageTimes().entrySet()) {
            times.put(e.getKey(), e.getValue().toMillis() / 1000.0);
        }
        summary.put("stage_seconds", times);
        summary.put("wall_seconds", wall);
        summary.put("warnings", warnings);
        plots(c, r, samples, output);
        summary.put("headline", String.format(Locale.ROOT,
                "sixsa: %d samples, %d simulations in %d rounds, importance ESS/N %.2f, Pareto k %.2f, log Z = %.2f +- %.2f; best %s = %.2f for %d degrees of freedom; %.0f s",
                samples.length, r.simulations(), r.rounds().size(), weighted.effectiveSampleSize() / weighted.size(), weighted.paretoShape(),
                weighted.logEvidence(), weighted.logEvidenceError(), likelihood.statistic().xspecName(),
                likelihood.statisticOf(logLikelihood[best]), likelihood.degreesOfFreedom(), wall));
        return summary;
    }

    /** The figures of a run beyond the posterior's: losses, posterior per round, importance weights. */
    private static void plots(RunConfig c, SbiPipeline.Result r, double[][] samples, RunOutput output) {
        List<LinePlot.Series> losses = new ArrayList<>();
        List<HistogramPlot.Layer> layers = new ArrayList<>();
        for (int k = 0; k < r.rounds().size(); k++) {
            SbiPipeline.Round round = r.rounds().get(k);
            losses.add(series("round " + (k + 1) + " training", round.training().trainLoss()));
            losses.add(series("round " + (k + 1) + " validation", round.training().validationLoss()));
            layers.add(new HistogramPlot.Layer("round " + (k + 1) + " (" + round.proposal() + ")", round.posteriorDraws()));
        }
        layers.add(new HistogramPlot.Layer("importance-sampled posterior", samples));
        LinePlot.write(output.file("losses.png"), "Negative log-likelihood of the flow per epoch", "epoch", "loss", losses, false);
        HistogramPlot.writeGrid(output.file("rounds.png"), "Posterior at the observation, round by round", c.prior().names(), layers, 40);
        double[] w = r.weighted().normalizedWeights();
        double[] log10 = Arrays.stream(w).filter(v -> v > 0).map(Math::log10).toArray();
        HistogramPlot.write(output.file("weights.png"), "Importance weights (normalised, non-zero)", "log10 weight",
                List.of(new HistogramPlot.Series("weights", log10)), 50, false);
    }

    private static LinePlot.Series series(String name, List<Double> values) {
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = values.get(i);
        }
        return new LinePlot.Series(name, x, y);
    }

    /** The self-contained report.html of a run: headline, warnings, posterior table and every figure. */
    @SuppressWarnings("unchecked")
    static void report(RunOutput output, String title, Map<String, Object> summary, List<String> extra) {
        HtmlReport html = new HtmlReport().title(title).paragraph(String.valueOf(summary.get("headline")));
        extra.forEach(html::paragraph);
        html.warnings((List<String>) summary.get("warnings"));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Double>> posterior = (Map<String, Map<String, Double>>) summary.get("posterior");
        posterior.forEach((name, q) -> rows.add(List.of(name, fmt(q.get("median")), fmt(q.get("q16")) + " – " + fmt(q.get("q84")),
                fmt(q.get("q05")) + " – " + fmt(q.get("q95")))));
        html.section("Posterior").table("Medians and central intervals", List.of("parameter", "median", "68 %", "90 %"), rows);
        for (String[] figure : new String[][] {{"corner.png", "Posterior (corner plot)"}, {"spectrum_1.png", "Folded spectrum and best model"},
                {"rounds.png", "Posterior per round"}, {"losses.png", "Training losses"}, {"weights.png", "Importance weights"}}) {
            if (Files.exists(output.file(figure[0]))) {
                html.image(figure[1], output.file(figure[0]));
            }
        }
        html.write(output.file("report.html"));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * The statistic of the posterior-median model and, for C-stat without background, how far it
     * lies from its expectation in standard deviations (Kaastra 2017, A&amp;A 605, A51).
     */
    private static Map<String, Object> goodness(RunConfig c, SpectralLikelihood likelihood, double[][] samples) {
        List<String> names = c.prior().names();
        Map<String, Map<String, Double>> posterior = PosteriorSummary.of(names, samples);
        double[] median = names.stream().mapToDouble(name -> posterior.get(name).get("median")).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median_parameters", SampleCommand.named(c.prior().names(), median));
        m.put("statistic_at_median", likelihood.statistic(median));
        boolean background = c.observations().stream().anyMatch(o -> o.background() != null);
        if (likelihood.statistic().xspecName().equals("cstat") && !background) {
            double[] model = likelihood.expectedCounts(median);
            double[] counts = likelihood.counts();
            CStatGoodness g = CStatGoodness.of(counts, 0, model, 0, counts.length);
            m.put("cstat_expected", g.expected());
            m.put("cstat_sigma", g.sigma());
        }
        return m;
    }
}
