package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sixsa4j.compress.CompressorFactory;
import org.sixsa4j.compress.PcaSettings;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.spectrum.Observation;

/**
 * A whole pipeline run (prior restriction, three truncated rounds, importance sampling, retriever
 * and checks) gives the same numbers, to the last bit, on one thread and on two, and when resumed
 * after a crash: every draw comes from a numbered stream, every reduction has a fixed order, and a
 * resumed run replays its saved rounds from the same streams.
 */
@Tag("acceptance")
class SbiPipelineDeterminismTest {
    private static SbiPipeline.Result reference;

    private static SbiPipeline.Result run(int threads, SbiPipeline.Checkpoints checkpoints) {
        Model truth = Model.parse("tbabs*powerlaw").set("nH", 0.2).set("PhoIndex", 1.8).set("norm", 1e-3);
        Observation obs = SpectralLikelihoodTest.simulatedCcdSpectrum(truth);
        ModelSettings settings = ModelSettings.xspecDefaults();
        Model model = truth.thaw("nH").thaw("PhoIndex").thaw("norm");
        Map<String, Prior> priors = new LinkedHashMap<>();
        priors.put("tbabs.nH", Priors.uniform(0, 1));
        priors.put("powerlaw.PhoIndex", Priors.uniform(0, 4));
        priors.put("powerlaw.norm", Priors.logUniform(1e-5, 1e-1));
        JointPrior prior = JointPrior.forModel(model, priors);
        SbiSettings s = SbiSettings.of(CompressorFactory.pca(PcaSettings.defaults().withMaxComponents(6)))
                .withRestriction(new SbiSettings.Restriction(SbiSettings.RestrictionCriterion.COUNTS, 1000, 1e6, 0.1, 500, 2, 0.9))
                .withRounds(3, 500)
                .withNpe(NpeSettings.defaults().withMaxEpochs(25))
                .withImportanceSampling(1000, 0.1, 500)
                .withChecks(20, 49, 50)
                .withSeed(11)
                .withThreads(threads);
        SpectralLikelihood likelihood = SpectralLikelihood.of(model, List.of(obs), settings, FitStatistic.CSTAT);
        return new SbiPipeline(ModelSimulator.of(model, List.of(obs), settings), prior, prior.names(), likelihood, s).run(null, checkpoints);
    }

    @BeforeAll
    static void uninterrupted() {
        reference = run(1, null);
    }

    private static void assertSameRun(SbiPipeline.Result expected, SbiPipeline.Result actual) {
        assertEquals(expected.simulations(), actual.simulations());
        assertEquals(expected.samples().length, actual.samples().length);
        for (int i = 0; i < expected.samples().length; i++) {
            assertArrayEquals(expected.samples()[i], actual.samples()[i], 0, "posterior sample " + i);
        }
        assertEquals(expected.weighted().logEvidence(), actual.weighted().logEvidence(), 0);
        for (int r = 0; r < expected.rounds().size(); r++) {
            assertEquals(expected.rounds().get(r).training(), actual.rounds().get(r).training(), "round " + (r + 1));
            assertArrayEquals(expected.rounds().get(r).posteriorDraws()[0], actual.rounds().get(r).posteriorDraws()[0], 0, "round " + (r + 1));
        }
        assertArrayEquals(expected.checks().retrieverR2(), actual.checks().retrieverR2(), 0);
        for (int i = 0; i < expected.checks().heldOutTheta().length; i++) {
            assertArrayEquals(expected.checks().heldOutSamples()[i][0], actual.checks().heldOutSamples()[i][0], 0, "held-out run " + i);
        }
        assertArrayEquals(expected.checks().posteriorPredictive()[0], actual.checks().posteriorPredictive()[0], 0);
        assertArrayEquals(expected.checks().priorPredictive()[0], actual.checks().priorPredictive()[0], 0);
        assertEquals(expected.warnings(), actual.warnings());
    }

    @Test
    void oneAndTwoThreadsGiveTheSameRun() {
        assertSameRun(reference, run(2, null));
    }

    /** Checkpoints kept in memory that fail, like a crash, right after saving a given stage. */
    private static final class CrashingCheckpoints implements SbiPipeline.Checkpoints {
        final Map<Integer, SbiPipeline.SavedRound> rounds = new HashMap<>();
        SbiPipeline.SavedRestriction restriction;
        SbiPipeline.SavedImportance importance;
        boolean crashAfterRestriction;
        int crashAfterRound = -1;
        boolean crashAfterImportance;

        @Override
        public SbiPipeline.SavedRestriction loadRestriction() {
            return restriction;
        }

        @Override
        public void saveRestriction(SbiPipeline.SavedRestriction saved) {
            restriction = saved;
            if (crashAfterRestriction) {
                throw new IllegalStateException("crash after the restriction");
            }
        }

        @Override
        public SbiPipeline.SavedRound loadRound(int round) {
            return rounds.get(round);
        }

        @Override
        public void saveRound(int round, SbiPipeline.SavedRound saved) {
            rounds.put(round, saved);
            if (round == crashAfterRound) {
                throw new IllegalStateException("crash after round " + (round + 1));
            }
        }

        @Override
        public SbiPipeline.SavedImportance loadImportance() {
            return importance;
        }

        @Override
        public void saveImportance(SbiPipeline.SavedImportance saved) {
            importance = saved;
            if (crashAfterImportance) {
                throw new IllegalStateException("crash after importance sampling");
            }
        }
    }

    @Test
    void aRunResumedAfterACrashEndsAsAnUninterruptedOne() {
        CrashingCheckpoints store = new CrashingCheckpoints();
        store.crashAfterRestriction = true;
        assertThrows(IllegalStateException.class, () -> run(1, store));
        assertEquals(0, store.rounds.size());
        store.crashAfterRestriction = false;
        store.crashAfterRound = 1;
        assertThrows(IllegalStateException.class, () -> run(1, store));
        assertEquals(2, store.rounds.size());
        store.crashAfterRound = -1;
        store.crashAfterImportance = true;
        assertThrows(IllegalStateException.class, () -> run(2, store));
        assertEquals(3, store.rounds.size());
        store.crashAfterImportance = false;
        assertSameRun(reference, run(1, store));
    }
}
