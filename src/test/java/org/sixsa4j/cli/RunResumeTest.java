package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.model.Model;
import org.sixsa4j.sbi.SbiPipeline;

/**
 * {@code sixsa run --resume}: a run that crashed after its prior restriction and two rounds,
 * continued from its checkpoint folder, writes the posterior an uninterrupted run writes; and the checkpoint folder
 * is guarded against being thrown away or reused for another configuration.
 */
@Tag("acceptance")
class RunResumeTest {
    private static final String CONFIG = """
            observations:
              - pha: spectrum.pha
                notice: [0.3, 10.0]
            model: tbabs*powerlaw
            priors:
              tbabs.nH: uniform(0, 1)
              powerlaw.PhoIndex: uniform(0, 4)
              powerlaw.norm: loguniform(1e-5, 1e-1)
            statistic: cstat
            seed: 5
            threads: 1
            restriction: {criterion: counts, cmin: 1000, cmax: 1e6, simulations: 500, rounds: 2, target: 0.9}
            compression: {method: pca, components: 6}
            npe: {rounds: 3, simulations: 300, max_epochs: 20}
            importance: {draws: 500, samples: 200}
            checks: {calibration_simulations: 20, calibration_samples: 49, predictive_simulations: 50}
            """;

    @TempDir
    Path dir;

    private Path config() throws IOException {
        DemoCommand.writeInstrument(dir);
        DemoCommand.writeSpectrum(Model.parse("tbabs*powerlaw").set("nH", 0.2).set("PhoIndex", 1.8).set("norm", 1e-3), 3, 0, dir.resolve("spectrum.pha"));
        return Files.writeString(dir.resolve("run.yaml"), CONFIG);
    }

    /** The file checkpoints, failing like a crash once round {@code crashAfter} (from 0) is saved. */
    private static final class Crash implements SbiPipeline.Checkpoints {
        private final RunCheckpoints files;
        private final int crashAfter;

        Crash(RunCheckpoints files, int crashAfter) {
            this.files = files;
            this.crashAfter = crashAfter;
        }

        @Override
        public SbiPipeline.SavedRestriction loadRestriction() {
            return files.loadRestriction();
        }

        @Override
        public void saveRestriction(SbiPipeline.SavedRestriction saved) {
            files.saveRestriction(saved);
        }

        @Override
        public SbiPipeline.SavedRound loadRound(int round) {
            return files.loadRound(round);
        }

        @Override
        public void saveRound(int round, SbiPipeline.SavedRound saved) {
            files.saveRound(round, saved);
            if (round == crashAfter) {
                throw new IllegalStateException("crash");
            }
        }

        @Override
        public SbiPipeline.SavedImportance loadImportance() {
            return files.loadImportance();
        }

        @Override
        public void saveImportance(SbiPipeline.SavedImportance saved) {
            files.saveImportance(saved);
        }
    }

    @Test
    void aResumedRunWritesThePosteriorOfAnUninterruptedOne() throws IOException {
        Path config = config();
        Cli.Result whole = Cli.run("run", config.toString(), "--out", dir.resolve("whole").toString(), "--quiet");
        assertEquals(0, whole.status(), whole.transcript());
        assertFalse(Files.exists(RunCheckpoints.folderOf(dir.resolve("whole"))), "a finished run removes its checkpoint folder");

        Path out = dir.resolve("resumed");
        RunConfig c = RunConfig.read(config);
        try (RunOutput output = new RunOutput(out)) {
            Crash crash = new Crash(RunCheckpoints.open(out, c, false), 1);
            assertThrows(IllegalStateException.class, () -> RunCommand.run(c, output, true, crash));
        }
        Path checkpoint = RunCheckpoints.folderOf(out);
        assertTrue(Files.exists(checkpoint.resolve("restriction").resolve("stage.json")), "the restriction was saved before the crash");
        assertTrue(Files.exists(checkpoint.resolve("round-2").resolve("stage.json")), "round 2 was saved before the crash");
        assertFalse(Files.exists(checkpoint.resolve("round-3")));

        Cli.Result again = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, again.status(), "an interrupted run is not thrown away by mistake:\n" + again.transcript());
        assertEquals(1, again.errLines().size(), again.transcript());
        assertTrue(again.err().contains("--resume"), again.transcript());

        Cli.Result resumed = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--resume");
        assertEquals(0, resumed.status(), resumed.transcript());
        assertEquals(Files.readString(dir.resolve("whole").resolve("posterior.csv")), Files.readString(out.resolve("posterior.csv")));
        assertFalse(Files.exists(checkpoint));
    }

    @Test
    void anotherConfigurationCannotResumeARun() throws IOException {
        Path config = config();
        Path out = dir.resolve("out");
        RunConfig c = RunConfig.read(config);
        try (RunOutput output = new RunOutput(out)) {
            Crash crash = new Crash(RunCheckpoints.open(out, c, false), 0);
            assertThrows(IllegalStateException.class, () -> RunCommand.run(c, output, true, crash));
        }
        Files.writeString(config, CONFIG.replace("seed: 5", "seed: 6"));
        Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--resume");
        assertEquals(2, r.status(), r.transcript());
        assertEquals(1, r.errLines().size(), r.transcript());
        assertTrue(r.err().contains("another configuration"), r.transcript());
        assertTrue(Files.exists(RunCheckpoints.folderOf(out).resolve("round-1")), "the interrupted run is kept");
    }
}
