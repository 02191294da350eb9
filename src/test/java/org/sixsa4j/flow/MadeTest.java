package org.sixsa4j.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/** {@link Made#inverse}, which computes each hidden unit once, undoes the transform its forward pass defines. */
class MadeTest {

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
            Tensor term = null;
            if (contextFeatures > 0) {
                FMatrixRMaj c = new FMatrixRMaj(1, contextFeatures);
                for (int j = 0; j < contextFeatures; j++) {
                    c.data[j] = (float) normal.sample();
                }
                term = made.contextTerm(tape, tape.constant(c));
            }
            FMatrixRMaj x = new FMatrixRMaj(rows, features);
            made.inverse(z, term == null ? null : term.value(), MaskedAutoregressiveFlow.MIN_SCALE, x);
            FMatrixRMaj params = made.forwardWithContextTerm(tape, tape.constant(x), term).value();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < features; i++) {
                    double u = params.get(r, i);
                    double scale = Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u))) + MaskedAutoregressiveFlow.MIN_SCALE;
                    double back = x.get(r, i) * scale + params.get(r, features + i);
                    assertEquals(z.get(r, i), back, 1e-4 * (1 + Math.abs(z.get(r, i))), "row " + r + ", feature " + i);
                }
            }
        }
    }
}
