package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.diagnostics.ClassifierTwoSampleTest;

/**
 * The joint analysis's acceptance: a CCD-like and an X-IFU-like spectrum of one source
 * (examples/joint-ccd-xifu.sh: {@code constant*tbabs*powerlaw}, the spectral parameters tied, a
 * free cross-normalisation of true value 0.9 on the X-IFU). {@code sixsa run} on the joint
 * configuration must agree with nested sampling of the same joint likelihood and priors
 * ({@code sixsa sample --method nested}, the exact reference): C2ST ≤ 0.6 and each median within
 * 0.2 of the reference's standard deviation. And each spectral parameter's joint posterior must be
 * narrower than from either spectrum alone. The single-spectrum posteriors come from nested
 * sampling, which is exact and far cheaper than a run: a width is a property of the exact
 * posterior, so the sampler that gives it does not matter. Widths are relative (standard
 * deviation over median), because alone the X-IFU's norm absorbs its cross-normalisation.
 *
 * <p>Everything is seeded, so the outcome is deterministic; the margins measured are wide
 * (C2ST 0.5, joint widths about 0.7 of the narrower single one).
 */
@Tag("slow")
class JointRunAcceptanceTest {
    private static final List<String> SPECTRAL = List.of("tbabs.nH", "powerlaw.PhoIndex", "powerlaw.norm");

    @Test
    void jointRunAgreesWithTheExactReferenceAndIsNarrowerThanEitherSpectrum(@TempDir Path dir) throws IOException {
        Path config = ExampleScript.setUp("joint-ccd-xifu", dir);
        long start = System.nanoTime();
        Cli.Result run = Cli.run("run", config.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, run.status(), run.transcript());
        double runSeconds = (System.nanoTime() - start) * 1e-9;
        JsonNode ours = summary(dir.resolve("run"));
        JsonNode reference = nested(config, dir.resolve("nested"));
        double c2st = ClassifierTwoSampleTest.accuracy(PosteriorCsv.read(dir.resolve("nested/posterior.csv"), 1),
                PosteriorCsv.read(dir.resolve("run/posterior.csv"), 1), 5);
        JsonNode is = ours.get("importance_sampling");
        System.out.printf(Locale.ROOT, "joint CCD + X-IFU: C2ST(sixsa run, nested) = %.3f; ESS/N %.3f, Pareto k %.2f; run %.0f s, "
                + "seconds per stage %s; nested %.1f s%n", c2st, is.get("ess_fraction").asDouble(), is.get("pareto_k").asDouble(),
                runSeconds, ours.get("stage_seconds"), reference.get("wall_seconds").asDouble());
        reference.get("posterior").fieldNames().forEachRemaining(name -> {
            JsonNode a = reference.get("posterior").get(name);
            double shift = Math.abs(ours.get("posterior").get(name).get("median").asDouble() - a.get("median").asDouble())
                    / a.get("sd").asDouble();
            System.out.printf(Locale.ROOT, "  %-20s median shift %.3f sd%n", name, shift);
            assertTrue(shift < 0.2, name + ": the medians differ by " + shift + " sd of the reference");
        });
        assertTrue(c2st <= 0.6, "C2ST " + c2st);

        JsonNode ccd = nested(alone(config, dir, 1), dir.resolve("ccd"));
        JsonNode xifu = nested(alone(config, dir, 2), dir.resolve("xifu"));
        for (String name : SPECTRAL) {
            double joint = relativeWidth(ours, name);
            double a = relativeWidth(ccd, name);
            double b = relativeWidth(xifu, name);
            System.out.printf(Locale.ROOT, "  %-20s relative width: joint %.4f, CCD alone %.4f, X-IFU alone %.4f%n", name, joint, a, b);
            assertTrue(joint < Math.min(a, b), name + ": the joint posterior (" + joint + ") is not narrower than the CCD's ("
                    + a + ") and the X-IFU's (" + b + ")");
        }
    }

    private static JsonNode nested(Path config, Path out) throws IOException {
        Cli.Result r = Cli.run("sample", config.toString(), "--method", "nested", "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.transcript());
        return summary(out);
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    /**
     * The joint configuration cut to observation {@code k} alone, as a user would write it: the
     * other spectrum's entry and the cross-normalisation's prior dropped, the constant frozen at 1.
     */
    private static Path alone(Path joint, Path dir, int k) throws IOException {
        String[] entries = {"  - pha: joint-ccd-xifu/ccd.pha\n    notice: [0.3, 10.0]\n",
                "  - pha: joint-ccd-xifu/xifu.pha\n    notice: [0.3, 12.0]\n"};
        String yaml = without(without(Files.readString(joint), entries[2 - k]), "  constant.factor[2]: uniform(0.5, 1.5)\n");
        Path file = dir.resolve("alone-" + k + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String without(String text, String part) {
        assertTrue(text.contains(part), "the example no longer holds '" + part + "':\n" + text);
        return text.replace(part, "");
    }

    private static double relativeWidth(JsonNode summary, String name) {
        JsonNode p = summary.get("posterior").get(name);
        return p.get("sd").asDouble() / Math.abs(p.get("median").asDouble());
    }
}
