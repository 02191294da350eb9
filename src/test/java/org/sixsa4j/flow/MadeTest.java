package org.sixsa4j.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * {@link Made#inverse} and {@link Made#transform}, which compute each hidden unit once off the
 * tape, agree with the transform that the tape's forward pass defines.
 */
class MadeTest {

    @ParameterizedTest(name = "D {0}, context {1}, width {2}, blocks {3}")
    @CsvSource({"5, 3, 50, 2", "5, 0, 50, 2", "1, 2, 7, 1", "2, 0, 9, 0", "7, 4, 20, 3"})
    void transformMatchesTheTapeForward(int features, int contextFeatures, int width, int blocks) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(features * 200L + width);
        Made made = new Made(features, contextFeatures, width, blocks, rng);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int rows = 1300;
        FMatrixRMaj x = new FMatrixRMaj(rows, features);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) (2 * normal.sample());
        }
        try (Tape tape = Tape.create()) {
            Tensor term = contextTerm(made, contextFeatures, tape, normal);
            FMatrixRMaj z = new FMatrixRMaj(rows, features);
            double[] logDet = new double[rows];
            Arrays.fill(logDet, 0.25);
            made.transform(x, term == null ? null : term.value(), MaskedAutoregressiveFlow.MIN_SCALE, z, logDet);
            FMatrixRMaj params = made.forwardWithContextTerm(tape, tape.constant(x), term).value();
            for (int r = 0; r < rows; r++) {
                double sum = 0.25;
                for (int i = 0; i < features; i++) {
                    double scale = scale(params.get(r, i));
                    double want = x.get(r, i) * scale + params.get(r, features + i);
                    assertEquals(want, z.get(r, i), 1e-4 * (1 + Math.abs(want)), "row " + r + ", feature " + i);
                    sum += Math.log(scale);
                }
                assertEquals(sum, logDet[r], 1e-4 * (1 + Math.abs(sum)), "log |det| added to row " + r);
            }
        }
    }

    private static double scale(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u))) + MaskedAutoregressiveFlow.MIN_SCALE;
    }

    /** The context term of one random context row, or null without context. */
    private static Tensor contextTerm(Made made, int contextFeatures, Tape tape, ZigguratSampler.NormalizedGaussian normal) {
        if (contextFeatures == 0) {
            return null;
        }
        FMatrixRMaj c = new FMatrixRMaj(1, contextFeatures);
        for (int j = 0; j < contextFeatures; j++) {
            c.data[j] = (float) normal.sample();
        }
        return made.contextTerm(tape, tape.constant(c));
    }

    @ParameterizedTest(name = "D {0}, context {1}, width {2}, blocks {3}")
    @CsvSource({"5, 3, 50, 2", "5, 0, 50, 2", "1, 2, 7, 1", "2, 0, 9, 0", "7, 4, 20, 3"})
    void inverseUndoesTheForwardTransform(int features, int contextFeatures, int width, int blocks) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(features * 100L + width);
        Made made = new Made(features, contextFeatures, width, blocks, rng);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        // More rows than one block of the inversion, and a partial last block.
        int rows = 1300;
        FMatrixRMaj z = new FMatrixRMaj(rows, features);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = (float) (2 * normal.sample());
        }
        try (Tape tape = Tape.create()) {
            Tensor term = contextTerm(made, contextFeatures, tape, normal);
            FMatrixRMaj x = new FMatrixRMaj(rows, features);
            made.inverse(z, term == null ? null : term.value(), MaskedAutoregressiveFlow.MIN_SCALE, x);
            FMatrixRMaj params = made.forwardWithContextTerm(tape, tape.constant(x), term).value();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < features; i++) {
                    double back = x.get(r, i) * scale(params.get(r, i)) + params.get(r, features + i);
                    assertEquals(z.get(r, i), back, 1e-4 * (1 + Math.abs(z.get(r, i))), "row " + r + ", feature " + i);
                }
            }
        }
    }
}
