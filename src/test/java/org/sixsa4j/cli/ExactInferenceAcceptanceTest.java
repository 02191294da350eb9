package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.SharedData;
import org.sixsa4j.diagnostics.ClassifierTwoSampleTest;

/**
 * Issue 4's acceptance tests on real and simulated spectra, run end to end through
 * {@code sixsa fit} and {@code sixsa sample} as a user would run them.
 */
@Tag("slow")
class ExactInferenceAcceptanceTest {
    /** The simulation's inputs, from ../shared/README.md: wabs*(powerlaw) + gaussian. */
    private static final Map<String, Double> WFI_TRUTH = Map.of("wabs.nH", 10.0, "powerlaw.PhoIndex", 1.9, "powerlaw.norm", 0.01,
            "gaussian.LineE", 6.4, "gaussian.Sigma", 0.04, "gaussian.norm", 1e-4);

    /** A WFI example configuration, copied into {@code dir} with its spectrum path made absolute. */
    private static Path wfiConfig(Path dir, String example) throws IOException {
        String text = Files.readString(Path.of("examples", example))
                .replace("../../shared/data/ogip/athena-wfi-sim/example-file.fak", SharedData.file("ogip/athena-wfi-sim/example-file.fak").toAbsolutePath().toString());
        Path config = dir.resolve(example);
        Files.writeString(config, text);
        return config;
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void wfiFitRecoversTheTruthWithinThreeSigma(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        Cli.Result r = Cli.run("fit", wfiConfig(dir, "athena-wfi-line.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.transcript());
        JsonNode p = summary(out).get("parameters");
        for (Map.Entry<String, Double> truth : WFI_TRUTH.entrySet()) {
            JsonNode fitted = p.get(truth.getKey());
            double value = fitted.get("value").asDouble();
            double error = fitted.get("error").asDouble();
            assertTrue(Math.abs(value - truth.getValue()) < 3 * error,
                    truth.getKey() + " = " + value + " +- " + error + " against the true " + truth.getValue() + "\n" + r.out());
        }
    }

    @Test
    void wfiMcmcAndNestedAgreeAndTheEvidencePrefersTheLine(@TempDir Path dir) throws IOException {
        Path nested = mcmcAndNestedAgree("WFI", wfiConfig(dir, "athena-wfi-line.yaml"), dir, 7);

        Path noLine = dir.resolve("nested-no-line");
        assertEquals(0, Cli.run("sample", wfiConfig(dir, "athena-wfi-no-line.yaml").toString(), "--method", "nested",
                "--out", noLine.toString()).status());
        double withLine = summary(nested).get("nested").get("log_evidence").asDouble();
        double without = summary(noLine).get("nested").get("log_evidence").asDouble();
        System.out.printf("WFI: log Z(wabs*powerlaw + gaussian) = %.2f, log Z(wabs*powerlaw) = %.2f, difference %.2f%n",
                withLine, without, withLine - without);
        assertTrue(without < withLine, "the model without the line must have the lower evidence: " + without + " vs " + withLine);
    }

    @Test
    void xmmMcmcAndNestedAgree(@TempDir Path dir) throws IOException {
        SharedData.root();
        mcmcAndNestedAgree("XMM-pn", Path.of("examples/xmm-pn-ngc7793.yaml"), dir, 11);
    }

    /**
     * Samples {@code config} with both methods and asserts that the MCMC converged and that the
     * posteriors agree (C2ST ≤ 0.6, the chain thinned by 20 steps, about a quarter of τ);
     * returns the nested run's folder.
     */
    private static Path mcmcAndNestedAgree(String label, Path config, Path dir, long seed) throws IOException {
        Path mcmc = dir.resolve("mcmc");
        Path nested = dir.resolve("nested");
        assertEquals(0, Cli.run("sample", config.toString(), "--method", "mcmc", "--out", mcmc.toString()).status());
        assertEquals(0, Cli.run("sample", config.toString(), "--method", "nested", "--out", nested.toString()).status());
        assertTrue(summary(mcmc).get("mcmc").get("converged").asBoolean(), summary(mcmc).get("mcmc").get("reason").asText());
        double c2st = ClassifierTwoSampleTest.accuracy(PosteriorCsv.read(mcmc.resolve("posterior.csv"), 20),
                PosteriorCsv.read(nested.resolve("posterior.csv"), 1), seed);
        System.out.printf("%s: C2ST(mcmc, nested) = %.3f%n", label, c2st);
        assertTrue(c2st <= 0.6, label + ": C2ST between the MCMC and nested posteriors: " + c2st);
        return nested;
    }

    @Test
    void sameSeedGivesTheSamePosteriorOnOneAndTwoThreads(@TempDir Path dir) throws IOException {
        String base = Files.readString(wfiConfig(dir, "athena-wfi-no-line.yaml"))
                + "mcmc:\n  walkers: 16\n  steps: 300\n  burn: 100\nnested:\n  live_points: 100\n";
        for (String method : List.of("mcmc", "nested")) {
            byte[][] posteriors = new byte[2][];
            for (int threads = 1; threads <= 2; threads++) {
                Path config = dir.resolve("wfi-" + threads + ".yaml");
                Files.writeString(config, base + "threads: " + threads + "\n");
                Path out = dir.resolve(method + "-" + threads);
                assertEquals(0, Cli.run("sample", config.toString(), "--method", method, "--quiet", "--out", out.toString()).status());
                posteriors[threads - 1] = Files.readAllBytes(out.resolve("posterior.csv"));
            }
            assertArrayEquals(posteriors[0], posteriors[1], method + " posterior on 1 and 2 threads");
        }
    }
}
