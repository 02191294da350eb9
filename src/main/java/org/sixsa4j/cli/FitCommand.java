package org.sixsa4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.sixsa4j.sample.fit.Bounds;
import org.sixsa4j.sample.fit.ConfidenceInterval;
import org.sixsa4j.sample.fit.FitResult;
import org.sixsa4j.sample.fit.Fitter;
import org.sixsa4j.sample.fit.GoodnessOfFit;
import org.sixsa4j.sbi.FitStatistic;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.SpectralLikelihood;
import org.sixsa4j.stat.CStatGoodness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sixsa fit}: the maximum-likelihood fit of a run configuration, with the covariance,
 * XSPEC-style profile confidence intervals and the goodness of fit.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a run configuration (docs/config.md) by maximum likelihood, as XSPEC's fit and error commands do.",
                "Minimises the statistic over the prior box from several starts, then gives the covariance,",
                "profile confidence intervals for Δ-statistic fit.delta (2.706 = 90 %%) and the goodness of fit.",
                "Writes summary.json and spectrum_k.png.",
                "Example: sixsa fit examples/xmm-pn-ngc7793.yaml"})
final class FitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run configuration (YAML).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, instead of the configuration's.")
    private Path out;

    @Option(names = "--no-errors", description = "Skip the confidence intervals.")
    private boolean noErrors;

    @Override
    public Integer call() throws Exception {
        RunConfig c = RunConfig.read(config);
        long start = System.nanoTime();
        SpectralLikelihood likelihood = SpectralLikelihood.of(c.model(), c.observations(), c.settings(), c.statistic());
        JointPrior prior = c.prior();
        Fitter fitter = Fitter.minimizing(likelihood::statistic, bounds(c))
                .multiStart(prior, c.fit().starts(), c.seed()).threads(c.threads()).names(prior.names()).build();
        FitResult fit = fitter.fit();
        if (!noErrors) {
            fit = fitter.intervals(fit, c.fit().delta(), IntStream.range(0, prior.dimension()).toArray());
        }
        GoodnessOfFit goodness = goodness(c, likelihood, fit);
        fit = fit.withGoodnessOfFit(goodness);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        try (RunOutput output = new RunOutput(out != null ? out : c.output())) {
            output.spectra(c, likelihood, fit.parameters());
            output.summary(summary(c, likelihood, fit, goodness, wallSeconds));
            output.publish(c);
            PrintWriter w = spec.commandLine().getOut();
            w.print(fit);
            w.printf(Locale.ROOT, "Results: %s%n", output.target());
            w.flush();
        }
        return 0;
    }

    /** The prior's support, within the parameters' hard limits (an unbounded prior stops at them). */
    static Bounds bounds(RunConfig c) {
        JointPrior prior = c.prior();
        double[] lo = new double[prior.dimension()];
        double[] hi = new double[prior.dimension()];
        for (int i = 0; i < lo.length; i++) {
            var info = c.model().parameter(prior.names().get(i)).info();
            lo[i] = Math.max(prior.prior(i).lower(), info.hardMin());
            hi[i] = Math.min(prior.prior(i).upper(), info.hardMax());
        }
        return Bounds.of(lo, hi);
    }

    /**
     * Kaastra's (2017) expected C-stat and its variance for the best-fit model; for W-stat and χ²
     * the degrees of freedom, with the χ² distribution's mean and variance.
     */
    private static GoodnessOfFit goodness(RunConfig c, SpectralLikelihood likelihood, FitResult fit) {
        int dof = likelihood.degreesOfFreedom();
        boolean anyBackground = c.observations().stream().anyMatch(o -> o.background() != null);
        if (c.statistic() == FitStatistic.CSTAT && !anyBackground) {
            double[] expected = likelihood.expectedCounts(fit.parameters());
            double[] counts = likelihood.counts();
            return GoodnessOfFit.cstat(dof, CStatGoodness.of(counts, 0, expected, 0, counts.length));
        }
        return GoodnessOfFit.chiSquare(dof);
    }

    private static Map<String, Object> summary(RunConfig c, SpectralLikelihood likelihood, FitResult fit, GoodnessOfFit goodness,
                                               double wallSeconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", "fit");
        s.put("config", c.file().toString());
        s.put("model", c.model().expression().text());
        s.put("abund", c.settings().abundances().xspecName());
        s.put("statistic", likelihood.statistic().xspecName());
        s.put("statistic_value", fit.statistic());
        s.put("bins", likelihood.bins());
        s.put("degrees_of_freedom", likelihood.degreesOfFreedom());
        s.put("goodness_expected", goodness.expected());
        s.put("goodness_sd", Math.sqrt(goodness.variance()));
        s.put("goodness_sigma", goodness.sigma(fit.statistic()));
        s.put("converged", fit.converged());
        s.put("message", fit.message());
        s.put("evaluations", fit.evaluations());
        s.put("interval_evaluations", fit.intervals().stream().mapToLong(ConfidenceInterval::evaluations).sum());
        s.put("wall_seconds", wallSeconds);
        s.put("starts", fit.starts().size());
        s.put("seed", c.seed());
        List<String> names = c.prior().names();
        double[] x = fit.parameters();
        double[] e = fit.standardErrors();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("value", x[i]);
            p.put("error", e[i]);
            for (ConfidenceInterval ci : fit.intervals()) {
                if (ci.parameter() == i) {
                    p.put("lower", ci.lower());
                    p.put("upper", ci.upper());
                    p.put("delta", ci.delta());
                    p.put("lower_limit", ci.lowerLimit().name().toLowerCase(Locale.ROOT));
                    p.put("upper_limit", ci.upperLimit().name().toLowerCase(Locale.ROOT));
                }
            }
            parameters.put(names.get(i), p);
        }
        s.put("parameters", parameters);
        if (fit.covariance().problem() != null) {
            s.put("covariance_problem", fit.covariance().problem());
        }
        return s;
    }
}
