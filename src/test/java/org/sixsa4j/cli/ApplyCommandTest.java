package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;

/**
 * {@code sixsa apply} on a small estimator trained by {@code sixsa run} (one round of 1000
 * simulations from the prior, the demo's model with only the power law's index and norm free): the estimator folder a run writes, the posterior of the run's own
 * spectrum through {@code apply}, results that do not depend on the other spectra given, and the
 * one-line errors for input that does not fit the estimator.
 */
class ApplyCommandTest {
    /** The demo's true parameters: nH, kT, bbodyrad norm, PhoIndex, powerlaw norm. */
    private static final double[] TRUTH = {0.1, 0.3, 50, 1.7, 1e-3};

    @TempDir
    static Path dir;

    @BeforeAll
    static void train() throws IOException {
        DemoCommand.writeInstrument(dir);
        DemoSpectra.spectrum(dir.resolve("spectrum.pha"), TRUTH, 11, 0);
        DemoSpectra.spectrum(dir.resolve("brighter.pha"), new double[] {0.1, 0.3, 50, 2.0, 2e-3}, 11, 1);
        Map<String, String> priors = new LinkedHashMap<>();
        priors.put("powerlaw.PhoIndex", "uniform(1, 2.5)");
        priors.put("powerlaw.norm", "loguniform(3e-4, 3e-3)");
        Path config = DemoSpectra.config(dir, "run", priors, Map.of("tbabs.nH", TRUTH[0], "bbodyrad.kT", TRUTH[1], "bbodyrad.norm", TRUTH[2]),
                1000, 200, 3000, 2000);
        Cli.Result r = Cli.run("run", config.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, r.status(), r.transcript());
    }

    @Test
    void runWritesTheEstimatorFolder() {
        Path estimator = dir.resolve("run").resolve(EstimatorFolder.NAME);
        for (String f : List.of("config.yaml", "estimator.json", "flow/flow.json", "flow/weights.safetensors", "compressor/compressor.json")) {
            assertTrue(Files.isRegularFile(estimator.resolve(f)), f);
        }
        EstimatorFolder e = EstimatorFolder.load(estimator);
        assertEquals(388, e.compressor().inputSize(), "the CCD's 388 bins in 0.3-10 keV");
        assertEquals(12, e.flow().contextFeatures());
        assertEquals(2, e.flow().features());
    }

    /**
     * Applied to the spectrum it was trained for, the estimator gives the run's posterior again:
     * the same flow, prior and likelihood, with other random draws, so the medians agree to
     * Monte-Carlo error, well within a third of a posterior standard deviation.
     */
    @Test
    void applyOnTheRunsSpectrumAgreesWithTheRun() throws IOException {
        Path out = dir.resolve("again");
        Cli.Result r = Cli.run("apply", dir.resolve("run/estimator").toString(), dir.resolve("spectrum.pha").toString(),
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.transcript());
        for (String f : List.of("posterior.fits", "posterior.csv", "summary.json", "report.html", "corner.png", "spectrum_1.png")) {
            assertTrue(Files.isRegularFile(out.resolve("spectrum").resolve(f)), f);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode run = json.readTree(dir.resolve("run/summary.json").toFile()).get("posterior");
        JsonNode apply = json.readTree(out.resolve("spectrum/summary.json").toFile());
        assertEquals(2000, apply.get("samples").asInt());
        JsonNode is = apply.get("importance_sampling");
        assertEquals(3000, is.get("draws").asInt());
        assertTrue(is.get("ess_fraction").asDouble() > 0.05, is.toString());
        for (String name : List.of("powerlaw.PhoIndex", "powerlaw.norm")) {
            double sd = run.get(name).get("sd").asDouble();
            double shift = Math.abs(apply.get("posterior").get(name).get("median").asDouble() - run.get(name).get("median").asDouble());
            assertTrue(shift < sd / 3, name + ": apply's median is " + shift / sd + " sd from the run's");
        }
    }

    /** A spectrum's posterior depends only on it: alone or after another spectrum, the same samples. */
    @Test
    void eachSpectrumIsFittedOnItsOwn() throws IOException {
        String estimator = dir.resolve("run/estimator").toString();
        Path both = dir.resolve("both");
        Path alone = dir.resolve("alone");
        Cli.Result r = Cli.run("apply", estimator, dir.resolve("spectrum.pha").toString(), dir.resolve("brighter.pha").toString(),
                "--out", both.toString(), "--quiet", "--draws", "500", "--samples", "200");
        assertEquals(0, r.status(), r.transcript());
        r = Cli.run("apply", estimator, dir.resolve("brighter.pha").toString(), "--out", alone.toString(), "--quiet", "--draws", "500",
                "--samples", "200");
        assertEquals(0, r.status(), r.transcript());
        assertEquals(Files.readString(alone.resolve("brighter/posterior.csv")), Files.readString(both.resolve("brighter/posterior.csv")));
        assertEquals(201, Files.readAllLines(alone.resolve("brighter/posterior.csv")).size());
    }

    /** A spectrum grouped otherwise than the training one is refused in one line naming it, with exit status 2, before any fit. */
    @Test
    void otherBinningIsAOneLineError() throws IOException {
        PhaSpectrum s = PhaFile.read(dir.resolve("spectrum.pha"));
        int[] pairs = new int[s.size()];
        for (int k = 0; k < pairs.length; k++) {
            pairs[k] = k % 2 == 0 ? 1 : -1;
        }
        Path grouped = dir.resolve("grouped.pha");
        PhaFile.write(s.toBuilder().grouping(pairs).build(), grouped);
        Path out = dir.resolve("refused");
        Cli.Result r = Cli.run("apply", dir.resolve("run/estimator").toString(), dir.resolve("spectrum.pha").toString(), grouped.toString(),
                "--out", out.toString(), "--quiet");
        assertEquals(2, r.status(), r.transcript());
        assertEquals(1, r.errLines().size(), r.transcript());
        assertTrue(r.err().contains("grouped.pha") && r.err().contains("388"), r.transcript());
        assertTrue(!Files.exists(out), "nothing is fitted when one spectrum is refused");

        r = Cli.run("apply", dir.resolve("nowhere").toString(), grouped.toString(), "--quiet");
        assertEquals(2, r.status(), r.transcript());
        assertEquals(1, r.errLines().size(), r.transcript());
        assertTrue(r.err().contains("nowhere"), r.transcript());
    }
}
