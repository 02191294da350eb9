package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sixsa4j.compress.CompressorFactory;
import org.sixsa4j.compress.PcaSettings;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.spectrum.Observation;

/**
 * A whole pipeline run (prior restriction, two truncated rounds, importance sampling, retriever
 * and checks) gives the same numbers, to the last bit, on one thread and on two: every draw comes
 * from a numbered stream and every reduction has a fixed order.
 */
@Tag("acceptance")
class SbiPipelineThreadsTest {

    private static SbiPipeline.Result run(int threads) {
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
                .withRounds(2, 500)
                .withNpe(NpeSettings.defaults().withMaxEpochs(25))
                .withImportanceSampling(1000, 0.1, 500)
                .withChecks(20, 50, 50)
                .withSeed(11)
                .withThreads(threads);
        SpectralLikelihood likelihood = SpectralLikelihood.of(model, List.of(obs), settings, FitStatistic.CSTAT);
        return new SbiPipeline(ModelSimulator.of(model, List.of(obs), settings), prior, prior.names(), likelihood, s).run(null);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameRun() {
        SbiPipeline.Result one = run(1);
        SbiPipeline.Result two = run(2);
        assertEquals(one.simulations(), two.simulations());
        assertEquals(one.samples().length, two.samples().length);
        for (int i = 0; i < one.samples().length; i++) {
            assertArrayEquals(one.samples()[i], two.samples()[i], 0, "posterior sample " + i);
        }
        assertEquals(one.weighted().logEvidence(), two.weighted().logEvidence(), 0);
        for (int r = 0; r < one.rounds().size(); r++) {
            assertEquals(one.rounds().get(r).training().validationLoss(), two.rounds().get(r).training().validationLoss(), "round " + (r + 1));
        }
        assertArrayEquals(one.checks().retrieverR2(), two.checks().retrieverR2(), 0);
        for (int i = 0; i < one.checks().heldOutTheta().length; i++) {
            assertArrayEquals(one.checks().heldOutSamples()[i][0], two.checks().heldOutSamples()[i][0], 0, "held-out run " + i);
        }
        assertArrayEquals(one.checks().posteriorPredictive()[0], two.checks().posteriorPredictive()[0], 0);
        assertEquals(one.warnings(), two.warnings());
    }
}
