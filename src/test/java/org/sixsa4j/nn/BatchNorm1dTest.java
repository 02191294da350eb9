package org.sixsa4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

class BatchNorm1dTest {

    /**
     * Three training steps on random batches, then eval on a fourth: every output and the running
     * statistics against Ioffe and Szegedy's formulas evaluated here in double, with PyTorch's
     * momentum update and unbiased running variance.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35})
    void trainAndEvalFollowTheFormula(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int features = 1 + rng.nextInt(6);
        BatchNorm1d bn = new BatchNorm1d(features);
        for (int j = 0; j < features; j++) {
            bn.weight().data[j] = (float) (0.5 + rng.nextDouble());
            bn.bias().data[j] = (float) (rng.nextDouble() - 0.5);
        }
        double[] runningMean = new double[features];
        double[] runningVar = new double[features];
        Arrays.fill(runningVar, 1);
        try (Tape tape = Tape.create()) {
            for (int step = 0; step < 3; step++) {
                int rows = 2 + rng.nextInt(30);
                FMatrixRMaj x = random(rows, features, rng);
                FMatrixRMaj y = bn.forward(tape, tape.constant(x)).value();
                for (int j = 0; j < features; j++) {
                    double mean = 0;
                    for (int r = 0; r < rows; r++) {
                        mean += x.get(r, j);
                    }
                    mean /= rows;
                    double squares = 0;
                    for (int r = 0; r < rows; r++) {
                        squares += (x.get(r, j) - mean) * (x.get(r, j) - mean);
                    }
                    double biased = squares / rows;
                    for (int r = 0; r < rows; r++) {
                        double expected = (x.get(r, j) - mean) / Math.sqrt(biased + 1e-5) * bn.weight().data[j] + bn.bias().data[j];
                        assertEquals(expected, y.get(r, j), 2e-5 * (1 + Math.abs(expected)), "seed " + seed + " train (" + r + "," + j + ")");
                    }
                    runningMean[j] = 0.9 * runningMean[j] + 0.1 * mean;
                    runningVar[j] = 0.9 * runningVar[j] + 0.1 * squares / (rows - 1);
                    assertEquals(runningMean[j], bn.runningMean().data[j], 1e-5, "seed " + seed + " running mean");
                    assertEquals(runningVar[j], bn.runningVar().data[j], 1e-5 * runningVar[j], "seed " + seed + " running var");
                }
                tape.reset();
            }
            bn.eval();
            int rows = 1 + rng.nextInt(10);
            FMatrixRMaj x = random(rows, features, rng);
            FMatrixRMaj y = bn.forward(tape, tape.constant(x)).value();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < features; j++) {
                    double expected = (x.get(r, j) - runningMean[j]) / Math.sqrt(runningVar[j] + 1e-5) * bn.weight().data[j]
                            + bn.bias().data[j];
                    assertEquals(expected, y.get(r, j), 2e-5 * (1 + Math.abs(expected)), "seed " + seed + " eval (" + r + "," + j + ")");
                }
            }
            // eval leaves the running statistics alone
            assertEquals(runningMean[0], bn.runningMean().data[0], 1e-5);
        }
    }

    /** In eval mode γ and β still receive gradients: dy/dγ = x̂ and dy/dβ = 1 summed over rows. */
    @ParameterizedTest
    @ValueSource(longs = {36, 37})
    void evalModeGradientsReachAffineParameters(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        BatchNorm1d bn = new BatchNorm1d(3);
        for (int j = 0; j < 3; j++) {
            bn.runningMean().data[j] = (float) rng.nextDouble();
            bn.runningVar().data[j] = (float) (0.5 + rng.nextDouble());
        }
        bn.eval();
        FMatrixRMaj x = random(4, 3, rng);
        try (Tape tape = Tape.create()) {
            tape.backward(tape.sum(bn.forward(tape, tape.constant(x))));
        }
        for (int j = 0; j < 3; j++) {
            double xHatSum = 0;
            for (int r = 0; r < 4; r++) {
                xHatSum += (x.get(r, j) - bn.runningMean().data[j]) / Math.sqrt(bn.runningVar().data[j] + 1e-5);
            }
            assertEquals(xHatSum, bn.parameters().get(0).tensor().grad().data[j], 1e-5, "seed " + seed);
            assertEquals(4, bn.parameters().get(1).tensor().grad().data[j], 1e-6, "seed " + seed);
        }
    }

    @Test
    void trainingNeedsTwoRows() {
        BatchNorm1d bn = new BatchNorm1d(2);
        try (Tape tape = Tape.create()) {
            Tensor x = tape.constant(new FMatrixRMaj(1, 2));
            assertThrows(IllegalArgumentException.class, () -> bn.forward(tape, x));
        }
    }

    private static FMatrixRMaj random(int rows, int cols, UniformRandomProvider rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (3 * rng.nextDouble() - 1 + (i % cols));
        }
        return m;
    }
}
