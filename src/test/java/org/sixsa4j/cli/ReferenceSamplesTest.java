package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.SharedData;
import org.sixsa4j.diagnostics.ClassifierTwoSampleTest;
import org.sixsa4j.sbi.SpectralLikelihood;

/**
 * The exact reference posteriors of the NGC 7793 ULX-4 EPIC-pn spectrum, written by {@code
 * examples/reference-samples.sh} for the SBI pipeline's tests: they must describe the example
 * configuration, agree with each other, and still be what the current likelihood computes.
 */
class ReferenceSamplesTest {
    private static final Path FOLDER = Path.of("src/test/resources/reference/xmm-pn-ngc7793");
    private static final Path CONFIG = Path.of("examples/xmm-pn-ngc7793.yaml");

    private static JsonNode summary(String method) throws IOException {
        return new ObjectMapper().readTree(FOLDER.resolve(method + "-summary.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested", "mcmc"})
    void samplesDescribeTheExampleConfiguration(String method) throws IOException {
        JsonNode s = summary(method);
        assertEquals(method, s.get("method").asText());
        assertEquals(CONFIG.toString(), s.get("config").asText());
        List<String> header = List.of(Files.readAllLines(FOLDER.resolve(method + "-posterior.csv")).get(0).split(","));
        List<String> priors = new ArrayList<>();
        s.get("priors").fieldNames().forEachRemaining(priors::add);
        assertEquals(priors, header.subList(0, header.size() - 1), "posterior columns against the configuration's free parameters");
        List<String> example = new ArrayList<>();
        for (String line : Files.readAllLines(CONFIG)) {
            if (line.matches("^  \\w+\\.\\w+: .*")) {
                example.add(line.trim().substring(0, line.trim().indexOf(':')));
            }
        }
        assertEquals(example, priors, "the reference was made from another configuration: rerun examples/reference-samples.sh");
        double[][] x = PosteriorCsv.read(FOLDER.resolve(method + "-posterior.csv"), 1);
        assertTrue(x.length >= 1000, "too few reference samples: " + x.length);
    }

    @Test
    void mcmcAndNestedReferencesAgree() throws IOException {
        double[][] mcmc = PosteriorCsv.read(FOLDER.resolve("mcmc-posterior.csv"), 1);
        double[][] nested = PosteriorCsv.read(FOLDER.resolve("nested-posterior.csv"), 1);
        double c2st = ClassifierTwoSampleTest.accuracy(mcmc, nested, 3);
        assertTrue(c2st <= 0.6, "C2ST between the reference posteriors: " + c2st);
    }

    /** A guard against stale references: the stored best statistic must be today's likelihood's. */
    @ParameterizedTest
    @ValueSource(strings = {"nested", "mcmc"})
    void bestStatisticIsReproducedByTheCurrentLikelihood(String method) throws IOException {
        SharedData.root();
        RunConfig c = RunConfig.read(CONFIG);
        SpectralLikelihood likelihood = SpectralLikelihood.of(c.model(), c.observations(), c.settings(), c.statistic());
        JsonNode s = summary(method);
        List<String> names = c.prior().names();
        double[] best = new double[names.size()];
        for (int j = 0; j < best.length; j++) {
            best[j] = s.get("best_sample").get(names.get(j)).asDouble();
        }
        double stored = s.get("best_statistic").asDouble();
        assertEquals(stored, likelihood.statistic(best), 1e-6 * Math.abs(stored),
                "the likelihood changed since the reference samples were made: rerun examples/reference-samples.sh");
    }
}
