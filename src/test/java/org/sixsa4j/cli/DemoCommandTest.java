package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelParameter;
import org.sixsa4j.sbi.Prior;
import org.sixsa4j.sbi.Priors;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;
import org.sixsa4j.spectrum.SyntheticInstrument;

/** {@code sixsa demo}: a whole run into a folder, and a run that cannot write its folder. */
class DemoCommandTest {
    @TempDir
    Path dir;

    /** The whole pipeline, a few minutes: in the slow group. */
    @Tag("slow")
    @Test
    void writesTheReportAndItsFiles() throws IOException {
        Path out = dir.resolve("demo");
        Cli.Result r = Cli.run("demo", "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.status(), r.transcript());
        try (var files = Files.list(out)) {
            assertTrue(files.map(p -> p.getFileName().toString()).toList().containsAll(List.of("ccd.arf", "ccd.rmf", "config.yaml", "corner.png",
                    "demo.yaml", "losses.png", "posterior.csv", "posterior.fits", "prior_predictive_1.png", "report.html", "retriever.png",
                    "rounds.png", "sbc.png", "spectrum.pha", "spectrum_1.png", "summary.json", "weights.png")));
        }
        assertEquals(List.of(out), list(dir), "the scratch folder must be gone");

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        // The CCD's channels k = 0..479 cover [0.1 + 0.025 k, 0.1 + 0.025 (k + 1)] keV; inside
        // 0.3-10 keV lie k = 8..395, that is 388 channels, each its own bin.
        assertEquals(388, summary.get("bins").asInt());
        assertEquals(5, summary.get("truth_comparison").size());
        // 4 rounds of 2000, 200 held-out simulations for the checks, 500 for the posterior predictive band.
        assertEquals(8700, summary.get("simulations").asInt());
        // The acceptance: every true value inside its 99 % interval.
        summary.get("true_parameters").fields().forEachRemaining(e -> {
            JsonNode p = summary.get("posterior").get(e.getKey());
            double t = e.getValue().asDouble();
            assertTrue(t >= p.get("q005").asDouble() && t <= p.get("q995").asDouble(), e.getKey() + " = " + t + " outside " + p);
        });

        // The spectrum reads back through its RESPFILE and ANCRFILE links from the output folder.
        Observation obs = ObservationLoader.of(out.resolve("spectrum.pha")).load().noticeOnly(0.3, 10);
        assertEquals(388, obs.bins());
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
    }

    /** examples/demo.yaml, the configuration the demo runs, fits the spectrum it simulates. */
    @Test
    void theDemoConfigurationMatchesItsSpectrum() throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(DemoCommand.configuration());
        assertEquals(DemoCommand.MODEL, config.get("model").asText());
        SyntheticInstrument ccd = Instruments.ccd();
        JsonNode notice = config.get("observations").get(0).get("notice");
        assertEquals(ccd.noticeLowKeV(), notice.get(0).asDouble());
        assertEquals(ccd.noticeHighKeV(), notice.get(1).asDouble());
        assertFalse(config.has("seed") || config.has("threads"), "the demo appends its own seed and threads");
        Model truth = DemoCommand.trueModel();
        assertEquals(truth.freeParameters().size(), config.get("priors").size());
        for (ModelParameter p : truth.freeParameters()) {
            Prior prior = Priors.parse(config.get("priors").get(p.name()).asText());
            assertTrue(Double.isFinite(prior.logDensity(p.value())), p.name() + " = " + p.value() + " outside its prior");
        }
    }

    @Test
    void failedDemoLeavesNothingBehind() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "a file where a folder is needed");
        for (Path out : List.of(plain.resolve("demo"), plain)) {
            Cli.Result r = Cli.run("demo", "--out", out.toString(), "--threads", "1");
            assertNotEquals(0, r.status(), r.transcript());
            assertEquals(2, r.status(), "a path that cannot be a folder is the user's to fix:\n" + r.transcript());
            assertEquals(1, r.errLines().size(), r.transcript());
            assertEquals(List.of(plain), list(dir), "left behind by " + r.transcript());
            assertEquals("a file where a folder is needed", Files.readString(plain));
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
