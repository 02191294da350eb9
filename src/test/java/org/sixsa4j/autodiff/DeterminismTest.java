package org.sixsa4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large products split their rows over threads in chunks fixed by the shape, so one and several
 * threads give the same bits, forward and backward.
 */
class DeterminismTest {

    private static final int BATCH = 200;
    private static final int IN = 150;
    private static final int OUT = 170;

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void oneAndSeveralThreadsGiveIdenticalBits(long seed) {
        // Every product of this layer, forward and backward, is large enough to be split.
        assertTrue((long) BATCH * IN * OUT >= MatrixProducts.PARALLEL_WORK);
        int[] bounds = new int[8];
        assertTrue(MatrixProducts.chunkBounds(BATCH, (long) BATCH * IN * OUT, 3, bounds) == 3);
        assertTrue(MatrixProducts.chunkBounds(OUT, (long) BATCH * IN * OUT, 2, bounds) == 2);

        float[][] one = run(seed, 1);
        for (int threads : new int[] {2, 3}) {
            float[][] many = run(seed, threads);
            for (int k = 0; k < one.length; k++) {
                assertArrayEquals(one[k], many[k], "seed " + seed + ", " + threads + " threads, result " + k);
            }
        }
    }

    /** The output, the input's gradient, the weight's and the other factor's gradients. */
    private static float[][] run(long seed, int threads) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Tensor x = Tensor.parameter(TapeTest.random(rng, BATCH, IN));
        Tensor w = Tensor.parameter(TapeTest.random(rng, OUT, IN));
        Tensor b = Tensor.parameter(TapeTest.random(rng, 1, OUT));
        Tensor v = Tensor.parameter(TapeTest.random(rng, OUT, IN));
        try (Tape tape = Tape.create(threads)) {
            assertEquals(threads, tape.threads());
            Tensor h = tape.tanh(tape.linear(x, w, b));
            Tensor y = tape.matmul(h, v);
            tape.backward(tape.sum(tape.square(y)));
            return new float[][] {y.value().data.clone(), x.grad().data, w.grad().data, b.grad().data,
                v.grad().data};
        }
    }

    /** The split products agree with a double-precision product to float accuracy. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void splitProductIsCorrect(int threads) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99);
        FMatrixRMaj a = TapeTest.random(rng, BATCH, IN);
        FMatrixRMaj c = TapeTest.random(rng, IN, OUT);
        try (Tape tape = Tape.create(threads)) {
            FMatrixRMaj y = tape.matmul(Tensor.constant(a), Tensor.constant(c)).value();
            for (int i = 0; i < BATCH; i += 7) {
                for (int j = 0; j < OUT; j += 5) {
                    double s = 0;
                    for (int p = 0; p < IN; p++) {
                        s += (double) a.get(i, p) * c.get(p, j);
                    }
                    assertEquals(s, y.get(i, j), 1e-4, "element " + i + ", " + j);
                }
            }
        }
    }
}
