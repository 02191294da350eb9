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
import org.sixsa4j.diagnostics.PredictiveBand;
import org.sixsa4j.diagnostics.SimulationBasedCalibration;
import org.sixsa4j.report.HistogramPlot;
import org.sixsa4j.report.HtmlReport;
import org.sixsa4j.report.LinePlot;
import org.sixsa4j.report.PosteriorSummary;
import org.sixsa4j.report.RankPlot;
import org.sixsa4j.report.RetrieverPlot;
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
    /** The probability of the predictive bands. */
    private static final double BAND = 0.9;
    /** An SBC p-value below this on held-out simulations earns a warning. */
    private static final double CALIBRATION_ALARM = 0.01;
    /** At most this many bins in the SBC rank histograms. */
    private static final int RANK_BINS = 20;
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run configuration (YAML).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, instead of the configuration's.")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Option(names = "--resume", description = {"Continue an interrupted run of the same configuration from its last finished round or stage",
            "(kept in OUT.checkpoint next to the output folder); the result is that of an uninterrupted run."})
    private boolean resume;

    @Override
    public Integer call() throws Exception {
        RunConfig c = RunConfig.read(config);
        PrintWriter w = spec.commandLine().getOut();
        try (RunOutput output = new RunOutput(out != null ? out : c.output())) {
            RunCheckpoints checkpoints = RunCheckpoints.open(output.target(), c, resume);
            Map<String, Object> summary = run(c, output, quiet, checkpoints);
            output.summary(summary);
            report(output, "sixsa run: " + c.file().getFileName(), summary, List.of());
            output.publish(c);
            checkpoints.delete();
            w.println(summary.get("headline"));
            w.printf(Locale.ROOT, "Results: %s%n", output.target());
            w.flush();
        }
        return 0;
    }

    /**
     * Runs the pipeline and writes its files to {@code output}; returns the summary.
     *
     * @param checkpoints where finished rounds are saved and found again, or null
     */
    static Map<String, Object> run(RunConfig c, RunOutput output, boolean quiet, SbiPipeline.Checkpoints checkpoints) {
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
            public void progress(long done, long total, String note) {
                bar[0].update(done, total, note);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }, checkpoints);
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
        Map<String, Object> summary = SampleCommand.common(c, likelihood, "sixsa", samples, logLikelihood[best], samples[best]);
        summary.put("goodness_of_fit", goodness(c, likelihood, samples));
        WeightedSample weighted = r.weighted();
        summary.put("importance_sampling", importanceSampling(weighted));
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
        summary.put("retriever_r2", SampleCommand.named(c.prior().names(), r.checks().retrieverR2()));
        summary.put("checks", checks(c, likelihood, r, samples[best], output, warnings));
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

    /**
     * The checks of a run, as numbers for summary.json, figures and warnings: the prior and
     * posterior predictive bands of the observed spectrum (the posterior one drawn around the
     * best model in {@code spectrum_k.png}), SBC of the last estimator on held-out simulations,
     * the retriever's scatter on the same simulations, and the prior against the restricted prior.
     */
    private static Map<String, Object> checks(RunConfig c, SpectralLikelihood likelihood, SbiPipeline.Result r, double[] best,
            RunOutput output, List<String> warnings) {
        List<String> names = c.prior().names();
        SbiPipeline.Checks k = r.checks();
        double[] observed = likelihood.counts();
        PredictiveBand priorBand = PredictiveBand.of(k.priorPredictive(), BAND);
        PredictiveBand posteriorBand = PredictiveBand.of(k.posteriorPredictive(), BAND);
        output.spectra(c, likelihood, "prior_predictive", "prior predictive", priorBand.median(), priorBand);
        output.spectra(c, likelihood, "spectrum", null, likelihood.expectedCounts(best), posteriorBand);
        double priorOutside = priorBand.outsideFraction(observed);
        double posteriorOutside = posteriorBand.outsideFraction(observed);
        if (priorOutside > 0.5) {
            warnings.add(String.format(Locale.ROOT, "the observed spectrum lies outside the prior predictive %.0f %% band in %.0f %% of its bins: "
                    + "the prior rarely makes spectra like it; widen the priors or check the model and the noticed range", 100 * BAND,
                    100 * priorOutside));
        }
        // Under a model that fits, a bin falls outside the posterior predictive band with
        // probability at most 1 - BAND; allow three binomial standard deviations above that.
        double allowed = (1 - BAND) + 3 * Math.sqrt(BAND * (1 - BAND) / observed.length);
        if (posteriorOutside > allowed) {
            warnings.add(String.format(Locale.ROOT, "the observed spectrum lies outside the posterior predictive %.0f %% band in %.0f %% of its "
                    + "bins (%.0f %% expected at most): the model does not describe the data well; see spectrum_k.png", 100 * BAND,
                    100 * posteriorOutside, 100 * (1 - BAND)));
        }
        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(k.heldOutTheta(), k.heldOutSamples());
        int[][] histogram = new int[names.size()][];
        Map<String, Double> pValues = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            histogram[j] = sbc.rankHistogram(j, rankBins(sbc.samplesPerRun()));
            pValues.put(names.get(j), sbc.ksPValue(j));
            if (sbc.ksPValue(j) < CALIBRATION_ALARM) {
                warnings.add(String.format(Locale.ROOT, "the last estimator is miscalibrated for %s on held-out simulations (SBC KS p = %.2g): "
                        + "importance sampling still corrects the posterior, but check ESS and Pareto k; more simulations per round or a "
                        + "shorter compressed spectrum usually help", names.get(j), sbc.ksPValue(j)));
            }
        }
        RankPlot.write(output.file("sbc.png"), names, histogram, sbc.runs());
        RetrieverPlot.write(output.file("retriever.png"), names, k.heldOutTheta(), k.retrieved(), k.retrieverR2());
        if (k.priorDraws() != null) {
            HistogramPlot.writeGrid(output.file("restriction.png"), "Prior and restricted prior", names,
                    List.of(new HistogramPlot.Layer("prior", k.priorDraws()), new HistogramPlot.Layer("restricted prior", k.restrictedPriorDraws())), 40);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prior_predictive_outside_fraction", priorOutside);
        m.put("posterior_predictive_outside_fraction", posteriorOutside);
        m.put("predictive_band", BAND);
        m.put("sbc_simulations", sbc.runs());
        m.put("sbc_samples", sbc.samplesPerRun());
        m.put("sbc_ks_p", pValues);
        return m;
    }

    /** The most bins, up to {@value #RANK_BINS}, that divide the L + 1 possible ranks evenly, so that no bin is favoured. */
    static int rankBins(int samples) {
        int bins = RANK_BINS;
        while ((samples + 1) % bins != 0) {
            bins--;
        }
        return bins;
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
        weightsPlot(r.weighted(), output);
    }

    /** The importance-sampling diagnostics of a summary.json: draws, ESS, ESS/N, Pareto k̂, evidence, exact evaluations. */
    static Map<String, Object> importanceSampling(WeightedSample weighted) {
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("draws", weighted.size());
        is.put("effective_sample_size", weighted.effectiveSampleSize());
        is.put("ess_fraction", weighted.effectiveSampleSize() / weighted.size());
        is.put("pareto_k", weighted.paretoShape());
        is.put("log_evidence", weighted.logEvidence());
        is.put("log_evidence_error", weighted.logEvidenceError());
        is.put("exact_evaluations", weighted.exactEvaluations());
        is.put("evaluations_saved_by_emulator", weighted.size() - weighted.exactEvaluations());
        return is;
    }

    /** weights.png: the histogram of the normalised, non-zero importance weights, on a log scale. */
    static void weightsPlot(WeightedSample weighted, RunOutput output) {
        double[] log10 = Arrays.stream(weighted.normalizedWeights()).filter(v -> v > 0).map(Math::log10).toArray();
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
        List<String[]> figures = new ArrayList<>();
        figures.add(new String[] {"corner.png", "Posterior (corner plot)"});
        for (int o = 1; Files.exists(output.file("spectrum_" + o + ".png")); o++) {
            figures.add(new String[] {"spectrum_" + o + ".png", "Observation " + o + ": folded spectrum, best model and 90 % posterior predictive band"});
        }
        for (int o = 1; Files.exists(output.file("prior_predictive_" + o + ".png")); o++) {
            figures.add(new String[] {"prior_predictive_" + o + ".png", "Observation " + o + ": prior predictive check (median and 90 % band)"});
        }
        figures.add(new String[] {"restriction.png", "Prior and restricted prior"});
        figures.add(new String[] {"rounds.png", "Posterior per round"});
        figures.add(new String[] {"losses.png", "Training losses"});
        figures.add(new String[] {"weights.png", "Importance weights"});
        figures.add(new String[] {"sbc.png", "Calibration of the last estimator: SBC ranks on held-out simulations"});
        figures.add(new String[] {"retriever.png", "Parameter retriever on held-out simulations"});
        for (String[] figure : figures) {
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
    static Map<String, Object> goodness(RunConfig c, SpectralLikelihood likelihood, double[][] samples) {
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
