package org.sixsa4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TapeTest {

    static FMatrixRMaj random(UniformRandomProvider rng, int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return m;
    }

    static FMatrixRMaj of(int rows, int cols, float... values) {
        return new FMatrixRMaj(rows, cols, true, values);
    }

    /** A small network: linear, batch norm, GELU, linear, mean squared error. */
    static final class Net {
        final Tensor w1;
        final Tensor b1;
        final Tensor gamma;
        final Tensor beta;
        final Tensor w2;
        final Tensor b2;
        final FMatrixRMaj x;
        final FMatrixRMaj y;

        Net(long seed, int batch, int in, int hidden, int out) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            w1 = Tensor.parameter(random(rng, hidden, in));
            b1 = Tensor.parameter(random(rng, 1, hidden));
            gamma = Tensor.parameter(random(rng, 1, hidden));
            beta = Tensor.parameter(random(rng, 1, hidden));
            w2 = Tensor.parameter(random(rng, out, hidden));
            b2 = Tensor.parameter(random(rng, 1, out));
            x = random(rng, batch, in);
            y = random(rng, batch, out);
        }

        Tensor[] parameters() {
            return new Tensor[] {w1, b1, gamma, beta, w2, b2};
        }

        Tensor loss(Tape tape) {
            Tensor h = tape.linear(tape.constant(x), w1, b1);
            h = tape.gelu(tape.batchNorm(h, gamma, beta, 1e-5, null, null));
            Tensor err = tape.sub(tape.linear(h, w2, b2), tape.constant(y));
            return tape.mean(tape.square(err));
        }

        void zeroGrad() {
            for (Tensor p : parameters()) {
                p.zeroGrad();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void resetAndReuseGiveIdenticalResults(long seed) {
        Net net = new Net(seed, 16, 5, 7, 3);
        try (Tape tape = Tape.create()) {
            Tensor loss = net.loss(tape);
            tape.backward(loss);
            float first = loss.value().get(0, 0);
            float[][] grads = new float[6][];
            for (int p = 0; p < 6; p++) {
                grads[p] = net.parameters()[p].grad().data.clone();
            }
            tape.reset();
            assertEquals(0, tape.size());
            for (int step = 0; step < 3; step++) {
                net.zeroGrad();
                loss = net.loss(tape);
                tape.backward(loss);
                assertEquals(Float.floatToIntBits(first), Float.floatToIntBits(loss.value().get(0, 0)),
                        "seed " + seed + ", step " + step);
                for (int p = 0; p < 6; p++) {
                    assertArrayEquals(grads[p], net.parameters()[p].grad().data, "seed " + seed + ", parameter " + p);
                }
                tape.reset();
            }
        }
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Net net = new Net(7, 8, 4, 6, 2);
        try (Tape tape = Tape.create()) {
            tape.backward(net.loss(tape));
            float[] once = net.w1.grad().data.clone();
            float[] bias = net.b2.grad().data.clone();
            // A second backward over the same recording adds the same gradient again.
            tape.backward(tape.sum(tape.mulScalar(net.loss(tape), 1.0)));
            tape.reset();
            // And so does a new step without zeroGrad.
            tape.backward(net.loss(tape));
            for (int i = 0; i < once.length; i++) {
                assertEquals(3 * once[i], net.w1.grad().data[i], 1e-5 * (1 + Math.abs(once[i])), "w1[" + i + "]");
            }
            for (int i = 0; i < bias.length; i++) {
                assertEquals(3 * bias[i], net.b2.grad().data[i], 1e-5 * (1 + Math.abs(bias[i])), "b2[" + i + "]");
            }
            net.zeroGrad();
            assertTrue(allZero(net.w1.grad().data));
        }
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void backwardTwiceOnOneRecordingDoublesTheGradient() {
        Net net = new Net(11, 8, 3, 5, 2);
        try (Tape tape = Tape.create()) {
            Tensor loss = net.loss(tape);
            tape.backward(loss);
            float[] once = net.gamma.grad().data.clone();
            tape.backward(loss);
            for (int i = 0; i < once.length; i++) {
                assertEquals(2 * once[i], net.gamma.grad().data[i], 1e-6 * (1 + Math.abs(once[i])));
            }
        }
    }

    @Test
    void backwardRejectsALossThatIsNotAScalar() {
        try (Tape tape = Tape.create()) {
            Tensor p = Tensor.parameter(of(2, 2, 1, 2, 3, 4));
            Tensor y = tape.exp(p);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
            assertTrue(e.getMessage().contains("1×1") && e.getMessage().contains("2×2"), e.getMessage());
        }
    }

    @Test
    void backwardRejectsALossFromBeforeReset() {
        try (Tape tape = Tape.create()) {
            Tensor p = Tensor.parameter(of(1, 1, 2));
            Tensor loss = tape.square(p);
            tape.reset();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tape.backward(loss));
            assertTrue(e.getMessage().contains("reset"), e.getMessage());
            Tensor constantLoss = tape.sum(tape.constant(of(1, 2, 1, 2)));
            e = assertThrows(IllegalArgumentException.class, () -> tape.backward(constantLoss));
            assertTrue(e.getMessage().contains("parameter"), e.getMessage());
        }
    }

    @Test
    void shapeMismatchesAreExplained() {
        try (Tape tape = Tape.create()) {
            Tensor a = Tensor.parameter(new FMatrixRMaj(3, 4));
            Tensor b = Tensor.parameter(new FMatrixRMaj(5, 2));
            expectMessage(() -> tape.matmul(a, b), "matmul", "3×4", "5×2");
            expectMessage(() -> tape.linear(a, b, null), "linear", "3×4", "5×2");
            expectMessage(() -> tape.linear(a, Tensor.constant(new FMatrixRMaj(2, 4)), b), "bias", "1×2");
            expectMessage(() -> tape.maskedLinear(a, Tensor.constant(new FMatrixRMaj(2, 4)), new FMatrixRMaj(4, 2), null),
                    "mask", "4×2");
            expectMessage(() -> tape.add(a, b), "add", "5×2", "3×4", "1×4", "3×1");
            expectMessage(() -> tape.mulConstant(a, new FMatrixRMaj(2, 4)), "mulConstant", "2×4");
            expectMessage(() -> tape.concatCols(a, b), "concatCols", "rows");
            expectMessage(() -> tape.sliceCols(a, 2, 5), "sliceCols", "[2, 5)", "3×4");
            expectMessage(() -> tape.gatherRows(a, new int[] {0, 3}), "gatherRows", "index[1] = 3");
            expectMessage(() -> tape.gatherCols(a, new int[] {4, 0}), "gatherCols", "index[0] = 4");
            expectMessage(() -> tape.batchNorm(Tensor.parameter(new FMatrixRMaj(1, 4)), null, null, 1e-5, null, null),
                    "batchNorm", "2 rows");
            expectMessage(() -> tape.batchNorm(a, b, null, 1e-5, null, null), "gamma", "1×4");
            expectMessage(() -> tape.clamp(a, 1, -1), "clamp");
        }
    }

    private static void expectMessage(Executable op, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention " + part);
        }
    }

    @Test
    void constantsGetNoGradient() {
        try (Tape tape = Tape.create()) {
            Tensor c = Tensor.constant(of(1, 2, 1, 2));
            Tensor p = Tensor.parameter(of(1, 2, 3, 4));
            Tensor onTape = tape.constant(of(1, 2, 5, 6));
            assertNull(c.grad());
            assertFalse(c.requiresGrad());
            assertFalse(tape.exp(c).requiresGrad());
            Tensor loss = tape.sum(tape.mul(tape.add(c, onTape), p));
            assertTrue(loss.requiresGrad());
            tape.backward(loss);
            assertNull(c.grad());
            assertNull(onTape.grad());
            assertArrayEquals(new float[] {6, 8}, p.grad().data);
        }
    }

    /** PyTorch's rule: the gradient passes where lo ≤ x ≤ hi, the bounds included. */
    @Test
    void clampPassesTheGradientOnItsBounds() {
        try (Tape tape = Tape.create()) {
            Tensor x = Tensor.parameter(of(1, 5, -2f, -1f, 0f, 1f, 2f));
            Tensor y = tape.clamp(x, -1, 1);
            tape.backward(tape.sum(y));
            assertArrayEquals(new float[] {-1, -1, 0, 1, 1}, y.value().data);
            assertArrayEquals(new float[] {0, 1, 1, 1, 0}, x.grad().data);
        }
    }

    @Test
    void reluHasZeroGradientAtZero() {
        try (Tape tape = Tape.create()) {
            Tensor x = Tensor.parameter(of(1, 3, -1f, 0f, 1f));
            tape.backward(tape.sum(tape.relu(x)));
            assertArrayEquals(new float[] {0, 0, 1}, x.grad().data);
        }
    }

    @Test
    void saturatingFunctionsStayFinite() {
        try (Tape tape = Tape.create()) {
            Tensor x = Tensor.parameter(of(1, 4, -200f, -30f, 30f, 200f));
            Tensor sp = tape.softplus(x);
            Tensor sg = tape.sigmoid(x);
            assertArrayEquals(new float[] {0f, (float) Math.exp(-30), 30f, 200f}, sp.value().data, 1e-6f);
            assertArrayEquals(new float[] {0f, (float) Math.exp(-30), 1f, 1f}, sg.value().data, 1e-6f);
            tape.backward(tape.add(tape.sum(sp), tape.sum(sg)));
            for (float g : x.grad().data) {
                assertTrue(Float.isFinite(g), "gradient " + g);
            }
            assertEquals(1f, x.grad().data[3], 1e-6f);
        }
    }

    @Test
    void logSumExpNeitherOverflowsNorUnderflows() {
        try (Tape tape = Tape.create()) {
            Tensor x = Tensor.parameter(of(3, 2, 1000f, 1000f, -1000f, -1000f,
                    Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY));
            Tensor lse = tape.logSumExpRows(x);
            assertEquals(1000 + Math.log(2), lse.value().get(0, 0), 1e-3);
            assertEquals(-1000 + Math.log(2), lse.value().get(1, 0), 1e-3);
            assertEquals(Float.NEGATIVE_INFINITY, lse.value().get(2, 0));
            // The −∞ row's softmax is undefined (NaN, as in PyTorch), so the loss leaves it out.
            tape.backward(tape.sum(tape.gatherRows(lse, new int[] {0, 1})));
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, java.util.Arrays.copyOf(x.grad().data, 4), 1e-6f);
        }
    }

    @Test
    void batchNormReportsBatchMeanAndUnbiasedVariance() {
        try (Tape tape = Tape.create()) {
            Tensor x = Tensor.parameter(of(4, 2, 1, 10, 2, 20, 3, 30, 6, 40));
            float[] mean = new float[2];
            float[] var = new float[2];
            Tensor y = tape.batchNorm(x, null, null, 0, mean, var);
            assertArrayEquals(new float[] {3, 25}, mean, 1e-6f);
            // Column 0: deviations −2, −1, 0, 3 → Σd² = 14; unbiased 14/3, biased 14/4.
            assertArrayEquals(new float[] {14f / 3, 500f / 3}, var, 1e-4f);
            assertEquals(-2 / Math.sqrt(3.5), y.value().get(0, 0), 1e-6);
        }
    }

    @Test
    void maskedWeightsReceiveExactlyZeroGradient() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        try (Tape tape = Tape.create()) {
            Tensor w = Tensor.parameter(random(rng, 4, 3));
            FMatrixRMaj mask = of(4, 3, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0);
            Tensor x = tape.constant(random(rng, 6, 3));
            tape.backward(tape.sum(tape.square(tape.maskedLinear(x, w, mask, null))));
            for (int i = 0; i < 12; i++) {
                if (mask.data[i] == 0) {
                    assertEquals(0f, w.grad().data[i], "element " + i);
                } else {
                    assertTrue(w.grad().data[i] != 0f, "element " + i);
                }
            }
        }
    }
}
