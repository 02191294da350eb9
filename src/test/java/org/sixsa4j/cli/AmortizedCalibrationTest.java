package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.diagnostics.SimulationBasedCalibration;
import org.sixsa4j.sbi.ImportanceCorrection;
import org.sixsa4j.sbi.SbiSettings;
import org.sixsa4j.sbi.SpectralLikelihood;

/**
 * Simulation-based calibration (Talts et al. 2018) of amortized inference on the demo's
 * instrument and model, under priors a few posterior widths around the demo's truth: one
 * estimator trained by {@code sixsa run} from the prior (one round of 4500 simulations, PCA to
 * 12 components), then, for {@value #RUNS} pairs θ<sub>i</sub> ~ prior,
 * x<sub>i</sub> ~ simulator(θ<sub>i</sub>), the posterior that {@code sixsa apply} computes
 * ({@link ApplyCommand#posterior}: importance sampling of {@value #DRAWS} draws against the exact
 * likelihood, 1000 equal-weight samples). Calibrated posteriors give uniform ranks of the true values.
 *
 * <p>Acceptance (the issue's): the Kolmogorov–Smirnov p-value of each parameter's ranks above
 * 0.05. For exactly calibrated posteriors each check fails with probability at most 5 % (the test
 * is conservative on discrete ranks), so at most 1 − 0.95⁵ ≈ 23 % for one of the five when the
 * seeds are drawn afresh; the seeds here are fixed, so the result is deterministic. About a
 * minute: in the slow group.
 */
@Tag("slow")
class AmortizedCalibrationTest {
    private static final int RUNS = 100;
    private static final int DRAWS = 5_000;
    /**
     * Priors about five posterior standard deviations either side of the demo's truth: SBC needs
     * θ drawn from the prior the inference uses, and one round of simulations from the demo's own
     * priors, which span decades, leaves the estimator too coarse for importance sampling (ESS/N
     * below 0.001 at most spectra, measured).
     */
    private static final Map<String, String> PRIORS = new LinkedHashMap<>();

    static {
        PRIORS.put("tbabs.nH", "uniform(0.06, 0.14)");
        PRIORS.put("bbodyrad.kT", "uniform(0.28, 0.32)");
        PRIORS.put("bbodyrad.norm", "loguniform(40, 65)");
        PRIORS.put("powerlaw.PhoIndex", "uniform(1.4, 2.0)");
        PRIORS.put("powerlaw.norm", "loguniform(7e-4, 1.4e-3)");
    }

    @TempDir
    Path dir;

    @Test
    void ranksOfTheTrueParametersAreUniform() throws IOException {
        long start = System.nanoTime();
        DemoCommand.writeInstrument(dir);
        DemoSpectra.spectrum(dir.resolve("spectrum.pha"), new double[] {0.1, 0.3, 50, 1.7, 1e-3}, 5, 0);
        Path config = DemoSpectra.config(dir, "amortized", PRIORS, Map.of(), 4500, 1000, 1000, 1000);
        Cli.Result r = Cli.run("run", config.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, r.status(), r.transcript());
        double trained = (System.nanoTime() - start) * 1e-9;

        EstimatorFolder estimator = EstimatorFolder.load(dir.resolve("run").resolve(EstimatorFolder.NAME));
        RunConfig training = RunConfig.read(config);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024);
        double[][] truth = new double[RUNS][];
        double[][][] samples = new double[RUNS][][];
        double[] essFraction = new double[RUNS];
        Path sims = Files.createDirectories(dir.resolve("sims"));
        DemoCommand.writeInstrument(sims);
        for (int i = 0; i < RUNS; i++) {
            truth[i] = training.prior().sample(rng);
            Path pha = sims.resolve(String.format(Locale.ROOT, "sbc_%03d.pha", i));
            DemoSpectra.spectrum(pha, truth[i], 77, i);
            RunConfig c = RunConfig.forSpectrum(estimator.config(), pha);
            estimator.requireSameBins(c.observations().get(0));
            SbiSettings s = c.sbi().withImportanceSampling(DRAWS, c.sbi().defensiveFraction(), 1000);
            SpectralLikelihood likelihood = SpectralLikelihood.of(c.model(), c.observations(), c.settings(), c.statistic());
            ImportanceCorrection corrected = ApplyCommand.posterior(estimator, c, s, likelihood, null);
            samples[i] = corrected.samples();
            essFraction[i] = corrected.weighted().effectiveSampleSize() / corrected.weighted().size();
        }
        double total = (System.nanoTime() - start) * 1e-9;

        SimulationBasedCalibration sbc = SimulationBasedCalibration.of(truth, samples);
        List<String> names = DemoSpectra.names();
        double[] sorted = essFraction.clone();
        Arrays.sort(sorted);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "SBC over %d demo spectra: training %.0f s, total %.0f s; ESS/N min %.3f, 10%% %.3f, median %.3f, max %.3f%n",
                RUNS, trained, total, sorted[0], sorted[RUNS / 10], sorted[RUNS / 2], sorted[RUNS - 1]));
        for (int j = 0; j < names.size(); j++) {
            report.append(String.format(Locale.ROOT, "  %-18s KS D = %.3f, p = %.3f%n", names.get(j), sbc.ksStatistic(j), sbc.ksPValue(j)));
        }
        System.out.print(report);
        for (int j = 0; j < names.size(); j++) {
            assertTrue(sbc.ksPValue(j) > 0.05, names.get(j) + ": ranks not uniform\n" + report);
        }
    }
}
