package org.sixsa4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.report.PosteriorSummary;
import org.sixsa4j.sample.fit.Bounds;
import org.sixsa4j.sample.fit.FitResult;
import org.sixsa4j.sample.fit.Fitter;
import org.sixsa4j.sample.mcmc.Chain;
import org.sixsa4j.sample.mcmc.Convergence;
import org.sixsa4j.sample.mcmc.EnsembleSampler;
import org.sixsa4j.sample.mcmc.EnsembleSettings;
import org.sixsa4j.sample.mcmc.WalkerStarts;
import org.sixsa4j.sample.nested.NestedResult;
import org.sixsa4j.sample.nested.NestedSampler;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;
import org.sixsa4j.sbi.SpectralLikelihood;
import org.sixsa4j.simulate.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sixsa sample}: the exact posterior of a run configuration, by ensemble MCMC or nested sampling. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Sample the exact posterior of a run configuration (docs/config.md).",
                "  --method mcmc    affine-invariant ensemble sampler (Goodman & Weare 2010; XSPEC's chain, emcee)",
                "  --method nested  nested sampling with evidence (Skilling 2004; MLFriends, Buchner 2016)",
                "Writes summary.json, posterior.fits (XSPEC chain format), posterior.csv, corner.png and spectrum_k.png.",
                "Example: sixsa sample examples/xmm-pn-ngc7793.yaml --method nested"})
final class SampleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run configuration (YAML).")
    private Path config;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "mcmc or nested.")
    private String method;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, instead of the configuration's.")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("mcmc") && !m.equals("nested")) {
            throw new InvalidInputException("option --method: expected mcmc or nested, got '" + method + "'");
        }
        RunConfig c = RunConfig.read(config);
        SpectralLikelihood likelihood = SpectralLikelihood.of(c.model(), c.observations(), c.settings(), c.statistic());
        try (RunOutput output = new RunOutput(out != null ? out : c.output())) {
            Map<String, Object> summary = m.equals("mcmc") ? mcmc(c, likelihood, output) : nested(c, likelihood, output);
            output.summary(summary);
            output.publish(c);
            PrintWriter w = spec.commandLine().getOut();
            w.println(summary.get("headline"));
            w.printf(Locale.ROOT, "Results: %s%n", output.target());
            w.flush();
        }
        return 0;
    }

    /** The log-posterior: the prior, and the likelihood only inside the prior's support. */
    static LogDensity posterior(JointPrior prior, SpectralLikelihood likelihood) {
        return theta -> {
            double p = prior.logDensity(theta);
            return p == Double.NEGATIVE_INFINITY ? p : p + likelihood.value(theta);
        };
    }

    private Map<String, Object> mcmc(RunConfig c, SpectralLikelihood likelihood, RunOutput output) {
        RunConfig.McmcSettings s = c.mcmc();
        JointPrior prior = c.prior();
        LogDensity logPosterior = posterior(prior, likelihood);
        // Stream index `walkers` is the first the sampler leaves unused: the starts draw from it.
        UniformRandomProvider startRng = RandomStreams.of(c.seed()).stream(s.walkers());
        FitResult fit = s.fromFit() ? fit(c, likelihood) : null;
        double[][] starts = fit != null
                ? WalkerStarts.ball(logPosterior, fit.parameters(), ballScale(c, fit), s.walkers(), startRng)
                : WalkerStarts.fromPrior(prior, logPosterior, s.walkers(), startRng);
        EnsembleSettings settings = EnsembleSettings.builder().steps(s.steps()).burnIn(s.burn()).thin(s.thin())
                .seed(c.seed()).threads(c.threads()).build();
        Progress progress = new Progress("mcmc", quiet);
        Chain chain = new EnsembleSampler(settings).run(logPosterior, starts, (done, total) -> progress.update(done, total, null));
        progress.finish();
        double[][] samples = chain.flat();
        double[] logLikelihood = new double[samples.length];
        // flat() lists the kept steps step by step; the log-likelihood is the log-posterior less the prior.
        int i = 0;
        for (int step = 0; step < chain.length(); step++) {
            for (int walker = 0; walker < chain.walkers(); walker++) {
                logLikelihood[i] = chain.logProbability(walker, step) - prior.logDensity(samples[i]);
                i++;
            }
        }
        Convergence convergence = chain.convergence(prior.names());
        int best = argmax(logLikelihood);
        output.posterior(c, likelihood, samples, logLikelihood, "GoodmanWeare", chain.walkers());
        output.spectra(c, likelihood, samples[best]);
        Map<String, Object> summary = common(c, likelihood, "mcmc", samples, logLikelihood[best], samples[best]);
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("start", fit != null ? "fit" : "prior");
        if (fit != null) {
            diagnostics.put("start_fit_statistic", fit.statistic());
            diagnostics.put("start_fit_evaluations", fit.evaluations());
        }
        diagnostics.put("walkers", chain.walkers());
        diagnostics.put("kept_steps_per_walker", chain.length());
        diagnostics.put("acceptance_fraction", chain.meanAcceptanceFraction());
        diagnostics.put("autocorrelation_time", named(prior.names(), convergence.tau()));
        diagnostics.put("length_in_autocorrelation_times", named(prior.names(), convergence.lengthInTau()));
        diagnostics.put("rhat", named(prior.names(), convergence.rhat()));
        diagnostics.put("converged", convergence.converged());
        diagnostics.put("reason", convergence.reason());
        summary.put("mcmc", diagnostics);
        summary.put("evaluations", chain.evaluations());
        summary.put("wall_seconds", chain.wallTime().toMillis() / 1000.0);
        summary.put("headline", String.format(Locale.ROOT, "mcmc: %d samples from %d walkers, acceptance %.2f, %s; best %s = %.2f for %d degrees of freedom",
                samples.length, chain.walkers(), chain.meanAcceptanceFraction(),
                convergence.converged() ? "converged" : convergence.reason(),
                likelihood.statistic().xspecName(), likelihood.statisticOf(logLikelihood[best]), likelihood.degreesOfFreedom()));
        return summary;
    }

    /** The maximum-likelihood fit that centres the walkers, as {@code sixsa fit} finds it, without intervals. */
    private static FitResult fit(RunConfig c, SpectralLikelihood likelihood) {
        JointPrior prior = c.prior();
        return Fitter.minimizing(likelihood::statistic, FitCommand.bounds(c))
                .multiStart(prior, c.fit().starts(), c.seed()).threads(c.threads()).names(prior.names()).build().fit();
    }

    /**
     * A tenth of each parameter's standard error, so the walkers start well inside the posterior
     * and spread out in the first few autocorrelation times; where the covariance gives no error
     * (a parameter at its bound, a singular Hessian) a thousandth of the prior's width.
     */
    private static double[] ballScale(RunConfig c, FitResult fit) {
        double[] error = fit.standardErrors();
        Bounds bounds = FitCommand.bounds(c);
        double[] scale = new double[error.length];
        for (int i = 0; i < scale.length; i++) {
            double width = bounds.upper(i) - bounds.lower(i);
            double fallback = 1e-3 * (Double.isFinite(width) ? width : Math.max(1, Math.abs(fit.parameters()[i])));
            scale[i] = error[i] > 0 && Double.isFinite(error[i]) ? Math.min(0.1 * error[i], fallback * 100) : fallback;
        }
        return scale;
    }

    private Map<String, Object> nested(RunConfig c, SpectralLikelihood likelihood, RunOutput output) {
        RunConfig.NestedSettings s = c.nested();
        NestedSampler sampler = NestedSampler.builder(c.prior(), likelihood).livePoints(s.livePoints())
                .logZTolerance(s.tolerance()).maxEvaluations(s.maxEvaluations()).threads(c.threads()).build();
        Progress progress = new Progress("nested", quiet);
        // Progress is measured in the remaining log-evidence, on a log scale from its first value
        // down to the tolerance, where the run stops.
        double[] first = {Double.NaN};
        NestedResult r = sampler.run(c.seed(), (iteration, evaluations, logZ, remaining) -> {
            double gap = Math.max(remaining, s.tolerance());
            if (Double.isNaN(first[0]) && Double.isFinite(gap)) {
                first[0] = Math.max(gap, 10 * s.tolerance());
            }
            double fraction = Double.isNaN(first[0]) ? 0 : 1 - Math.log(gap / s.tolerance()) / Math.log(first[0] / s.tolerance());
            progress.update(Math.round(1000 * Math.max(0, fraction)), 1000,
                    String.format(Locale.ROOT, "log Z %.2f, %d evaluations", logZ, evaluations));
        });
        progress.finish();
        double[][] samples = r.equalWeightSamples();
        double[] logLikelihood = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            logLikelihood[i] = likelihood.value(samples[i]);
        }
        int best = argmax(logLikelihood);
        output.posterior(c, likelihood, samples, logLikelihood, "NestedSampling", 0);
        output.spectra(c, likelihood, samples[best]);
        Map<String, Object> summary = common(c, likelihood, "nested", samples, logLikelihood[best], samples[best]);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("log_evidence", r.logZ());
        evidence.put("log_evidence_error", r.logZError());
        evidence.put("log_evidence_error_simulated", r.logZErrorSimulated());
        evidence.put("information", r.information());
        evidence.put("live_points", s.livePoints());
        evidence.put("iterations", r.iterations());
        evidence.put("effective_sample_size", r.effectiveSampleSize());
        evidence.put("stop_reason", r.stopReason().name().toLowerCase(Locale.ROOT));
        summary.put("nested", evidence);
        summary.put("evaluations", r.evaluations());
        summary.put("wall_seconds", r.wallTime().toMillis() / 1000.0);
        summary.put("headline", String.format(Locale.ROOT, "nested: log Z = %.3f +- %.3f, %d equal-weight samples, %d evaluations in %.1f s; best %s = %.2f for %d degrees of freedom",
                r.logZ(), r.logZError(), samples.length, r.evaluations(), r.wallTime().toMillis() / 1000.0,
                likelihood.statistic().xspecName(), likelihood.statisticOf(logLikelihood[best]), likelihood.degreesOfFreedom()));
        return summary;
    }

    /** What every method reports: configuration, data, priors and posterior summaries. */
    static Map<String, Object> common(RunConfig c, SpectralLikelihood likelihood, String method, double[][] samples,
                                      double bestLogLikelihood, double[] best) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("headline", "");
        s.put("method", method);
        try {
            s.put("versions", List.of(new Main.Version().getVersion()));
        } catch (IOException e) {
            s.put("versions", List.of("unknown: " + e.getMessage()));
        }
        s.put("config", c.file().toString());
        s.put("model", c.model().expression().text());
        s.put("abund", c.settings().abundances().xspecName());
        s.put("statistic", likelihood.statistic().xspecName());
        s.put("bins", likelihood.bins());
        s.put("degrees_of_freedom", likelihood.degreesOfFreedom());
        s.put("priors", c.prior().describe());
        s.put("seed", c.seed());
        s.put("threads", c.threads());
        s.put("samples", samples.length);
        s.put("posterior", PosteriorSummary.of(c.prior().names(), samples));
        s.put("best_sample", named(c.prior().names(), best));
        s.put("best_statistic", likelihood.statisticOf(bestLogLikelihood));
        return s;
    }

    static Map<String, Double> named(List<String> names, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            m.put(names.get(j), values[j]);
        }
        return m;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
