package org.sixsa4j.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.autodiff.Tape;

/**
 * The flow's evaluation path for many θ and one context ({@code logProb(double[][], double[])},
 * off the tape) gives the log-density that its training path ({@code logProb} on a tape, the
 * context repeated on every row) records.
 */
class FlowEvaluationTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void evaluationMatchesTheTape(long seed) {
        int features = 5;
        int contextFeatures = 3;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        MaskedAutoregressiveFlow flow = MaskedAutoregressiveFlow.builder(features, contextFeatures).seed(seed).build();
        FMatrixRMaj fitTheta = new FMatrixRMaj(100, features);
        FMatrixRMaj fitContext = new FMatrixRMaj(100, contextFeatures);
        for (int i = 0; i < fitTheta.data.length; i++) {
            fitTheta.data[i] = (float) (0.5 + 0.3 * normal.sample());
        }
        for (int i = 0; i < fitContext.data.length; i++) {
            fitContext.data[i] = (float) (2 * normal.sample() - 1);
        }
        flow.standardize(fitTheta, fitContext);
        // More rows than one chunk of the evaluation.
        int rows = 10_000;
        double[][] theta = new double[rows][features];
        FMatrixRMaj thetaRows = new FMatrixRMaj(rows, features);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < features; i++) {
                theta[r][i] = (float) (0.5 + 0.6 * normal.sample());
                thetaRows.set(r, i, (float) theta[r][i]);
            }
        }
        double[] context = {0.4, -2.1, 1.7};
        FMatrixRMaj contextRows = new FMatrixRMaj(rows, contextFeatures);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < contextFeatures; j++) {
                contextRows.set(r, j, (float) context[j]);
            }
        }
        double[] evaluated = flow.logProb(theta, context);
        try (Tape tape = Tape.create()) {
            FMatrixRMaj recorded = flow.logProb(tape, tape.constant(thetaRows), tape.constant(contextRows)).value();
            for (int r = 0; r < rows; r++) {
                double want = recorded.get(r, 0);
                assertEquals(want, evaluated[r], 1e-4 * (1 + Math.abs(want)), "row " + r);
            }
        }
    }
}
