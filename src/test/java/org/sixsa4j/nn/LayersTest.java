package org.sixsa4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

class LayersTest {

    /**
     * PyTorch's Kaiming-uniform with a = √5 bounds weights and biases by 1/√fan_in. With 64 inputs
     * and 4096 + 64 draws, the largest |w| falls short of the bound by more than 1 % with
     * probability (0.99)^4096 ≈ 1e-18, and the mean of the uniform draws is 0 ± 3.5σ/√n with a
     * false-failure rate of 5e-4.
     */
    @ParameterizedTest
    @ValueSource(longs = {61, 62, 63})
    void linearInitialisationIsPyTorchs(long seed) {
        Linear linear = new Linear(64, 64, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double bound = 1 / Math.sqrt(64);
        double max = 0;
        double sum = 0;
        for (float w : linear.weight().data) {
            max = Math.max(max, Math.abs(w));
            sum += w;
        }
        assertTrue(max <= bound && max > 0.99 * bound, "seed " + seed + ": max |w| " + max);
        double sigma = bound / Math.sqrt(3);
        assertEquals(0, sum / 4096, 3.5 * sigma / 64, "seed " + seed);
        for (float b : linear.bias().data) {
            assertTrue(Math.abs(b) <= bound, "seed " + seed);
        }
        assertEquals(List.of("weight", "bias"), names(linear.parameters()));
        assertArrayEquals(new int[] {64}, linear.parameters().get(1).shape());
    }

    @ParameterizedTest
    @ValueSource(longs = {64, 65, 66})
    void linearComputesAffineMap(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int in = 1 + rng.nextInt(7);
        int out = 1 + rng.nextInt(7);
        boolean bias = rng.nextBoolean();
        Linear linear = new Linear(in, out, bias, rng);
        FMatrixRMaj x = random(1 + rng.nextInt(5), in, rng);
        try (Tape tape = Tape.create()) {
            FMatrixRMaj y = linear.forward(tape, tape.constant(x)).value();
            for (int r = 0; r < x.numRows; r++) {
                for (int o = 0; o < out; o++) {
                    double expected = bias ? linear.bias().data[o] : 0;
                    for (int i = 0; i < in; i++) {
                        expected += x.get(r, i) * linear.weight().get(o, i);
                    }
                    assertEquals(expected, y.get(r, o), 1e-5, "seed " + seed);
                }
            }
        }
    }

    /**
     * Training-mode dropout keeps each element with probability 1 − p, scaled by 1/(1 − p). Over
     * 10 000 elements the kept share is within 5 binomial standard deviations of 1 − p (false
     * failure 6e-7); eval mode returns the input itself.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void dropoutIsInvertedAndOffInEval(double p) {
        Dropout dropout = new Dropout(p, 7);
        FMatrixRMaj x = random(100, 100, RandomSource.XO_RO_SHI_RO_128_PP.create(8));
        try (Tape tape = Tape.create()) {
            Tensor input = tape.constant(x);
            FMatrixRMaj y = dropout.forward(tape, input).value();
            int kept = 0;
            for (int i = 0; i < x.data.length; i++) {
                if (y.data[i] != 0) {
                    kept++;
                    assertEquals(x.data[i] / (1 - p), y.data[i], 1e-5 * Math.abs(y.data[i]));
                }
            }
            double sd = Math.sqrt(10_000 * p * (1 - p));
            assertEquals(10_000 * (1 - p), kept, 5 * sd, "p " + p);
            dropout.eval();
            assertSame(input, dropout.forward(tape, input));
        }
        FMatrixRMaj a = masks(new Dropout(p, 3));
        assertArrayEquals(a.data, masks(new Dropout(p, 3)).data, "the seed fixes the masks");
    }

    /**
     * The residual block against nflows' formula evaluated here: x + L₂(act(L₁(act(x)))) without
     * batch norm, gated by sigmoid(L_c(c)) with a context; a fresh block is within 1e-3·(width+1)
     * of the identity because its last layer starts uniform on ±1e-3.
     */
    @ParameterizedTest
    @ValueSource(longs = {71, 72, 73, 74})
    void residualBlockFollowsNflows(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int width = 2 + rng.nextInt(5);
        int contextWidth = rng.nextBoolean() ? 0 : 1 + rng.nextInt(3);
        ResidualBlock block = new ResidualBlock(width, contextWidth, Activation.TANH, 0, false, rng);
        FMatrixRMaj x = random(3, width, rng);
        FMatrixRMaj c = random(3, Math.max(1, contextWidth), rng);
        List<Parameter> params = block.parameters();
        assertEquals(contextWidth > 0
                ? List.of("context_layer.weight", "context_layer.bias", "linear_layers.0.weight", "linear_layers.0.bias",
                        "linear_layers.1.weight", "linear_layers.1.bias")
                : List.of("linear_layers.0.weight", "linear_layers.0.bias", "linear_layers.1.weight", "linear_layers.1.bias"),
                names(params));
        FMatrixRMaj w2 = params.get(params.size() - 2).value();
        for (float w : w2.data) {
            assertTrue(Math.abs(w) <= 1e-3, "last layer starts near zero, seed " + seed);
        }
        // make the block far from the identity so the formula is really exercised
        for (Parameter p : params) {
            for (int i = 0; i < p.value().data.length; i++) {
                p.value().data[i] = (float) (rng.nextDouble() - 0.5);
            }
        }
        FMatrixRMaj w1 = params.get(params.size() - 4).value();
        FMatrixRMaj b1 = params.get(params.size() - 3).value();
        FMatrixRMaj b2 = params.get(params.size() - 1).value();
        try (Tape tape = Tape.create()) {
            FMatrixRMaj y = (contextWidth > 0 ? block.forward(tape, tape.constant(x), tape.constant(c))
                    : block.forward(tape, tape.constant(x))).value();
            for (int r = 0; r < 3; r++) {
                double[] hidden = new double[width];
                for (int o = 0; o < width; o++) {
                    hidden[o] = b1.data[o];
                    for (int i = 0; i < width; i++) {
                        hidden[o] += w1.get(o, i) * Math.tanh(x.get(r, i));
                    }
                }
                for (int o = 0; o < width; o++) {
                    double t = b2.data[o];
                    for (int i = 0; i < width; i++) {
                        t += w2.get(o, i) * Math.tanh(hidden[i]);
                    }
                    if (contextWidth > 0) {
                        double gate = params.get(1).value().data[o];
                        for (int i = 0; i < contextWidth; i++) {
                            gate += params.get(0).value().get(o, i) * c.get(r, i);
                        }
                        t *= 1 / (1 + Math.exp(-gate));
                    }
                    assertEquals(x.get(r, o) + t, y.get(r, o), 1e-5, "seed " + seed);
                }
            }
        }
    }

    @Test
    void mlpNamesMatchPyTorchSequential() {
        Sequential mlp = Mlp.builder(3, 8, 8, 2).batchNorm(true).dropout(0.2).build(RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        // Linear, BatchNorm1d, GELU, Dropout, Linear, BatchNorm1d, GELU, Dropout, Linear
        assertEquals(9, mlp.modules().size());
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias", "5.weight", "5.bias",
                "8.weight", "8.bias"), names(mlp.parameters()));
        assertEquals(List.of("1.running_mean", "1.running_var", "5.running_mean", "5.running_var"),
                List.copyOf(mlp.buffers().keySet()));
        mlp.eval();
        assertTrue(mlp.modules().stream().noneMatch(Module::training));
        mlp.train();
        assertTrue(mlp.modules().stream().allMatch(Module::training));
    }

    @Test
    void sameSeedSameNetwork() {
        Sequential a = Mlp.builder(4, 16, 3).build(RandomSource.XO_RO_SHI_RO_128_PP.create(5));
        Sequential b = Mlp.builder(4, 16, 3).build(RandomSource.XO_RO_SHI_RO_128_PP.create(5));
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value().data, b.parameters().get(i).value().data);
        }
    }

    private static FMatrixRMaj masks(Dropout dropout) {
        try (Tape tape = Tape.create()) {
            FMatrixRMaj ones = new FMatrixRMaj(10, 10);
            ones.fill(1f);
            return dropout.forward(tape, tape.constant(ones)).value().copy();
        }
    }

    static List<String> names(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::name).toList();
    }

    static FMatrixRMaj random(int rows, int cols, UniformRandomProvider rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) (4 * rng.nextDouble() - 2);
        }
        return m;
    }
}
