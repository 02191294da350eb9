package org.sixsa4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tape op against central finite differences of an independent double-precision
 * reference of the same function, over seeded random shapes and values.
 *
 * <p>The scalar checked is {@code L = Σ W ∘ op(inputs)} with random weights W, so that every
 * output element carries a different weight: a sign error, a missing broadcast sum or a
 * transposed product changes the gradient of some input element by far more than the
 * tolerance. The differences are taken on the double reference with a step of 1e-5, which
 * leaves a truncation and rounding error near 1e-10; the tolerance, 2e-3 relative, covers the
 * float32 rounding of the tape's own gradient. The op's values are compared with the reference
 * too.
 */
class GradientCheckTest {

    private static final int SEEDS = 6;
    private static final double STEP = 1e-5;
    private static final double RELATIVE_TOLERANCE = 2e-3;
    /** Values are float32 results of at most a few dozen operations on inputs of order 1. */
    private static final double VALUE_TOLERANCE = 1e-5;

    /** A dense double matrix for the reference path. */
    record D(int rows, int cols, double[] v) {
        static D zeros(int rows, int cols) {
            return new D(rows, cols, new double[rows * cols]);
        }

        double at(int i, int j) {
            // The broadcast rule of the tape: a length-1 axis repeats.
            return v[(rows == 1 ? 0 : i) * cols + (cols == 1 ? 0 : j)];
        }

        D copy() {
            return new D(rows, cols, v.clone());
        }
    }

    /** How an input's values are drawn, keeping them where the op is smooth. */
    enum Domain {
        ANY, POSITIVE, AWAY_FROM_ZERO, AWAY_FROM_CLAMP_BOUNDS, MASK
    }

    interface TapeOp {
        Tensor apply(Tape tape, Tensor[] in);
    }

    interface RefOp {
        D apply(D[] in);
    }

    record Case(String name, Function<UniformRandomProvider, int[][]> shapes, Domain[] domains,
                TapeOp tape, RefOp ref) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final double CLAMP_LO = -0.5;
    static final double CLAMP_HI = 0.7;

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        Domain any = Domain.ANY;
        cs.add(new Case("matmul", r -> {
            int m = dim(r), k = dim(r), n = dim(r);
            return new int[][] {{m, k}, {k, n}};
        }, doms(any, any), (t, in) -> t.matmul(in[0], in[1]), in -> matmul(in[0], in[1], false)));
        cs.add(new Case("linear", r -> {
            int m = dim(r), i = dim(r), o = dim(r);
            return new int[][] {{m, i}, {o, i}, {1, o}};
        }, doms(any, any, any), (t, in) -> t.linear(in[0], in[1], in[2]),
                in -> add(matmul(in[0], in[1], true), in[2])));
        cs.add(new Case("linear without bias", r -> {
            int m = dim(r), i = dim(r), o = dim(r);
            return new int[][] {{m, i}, {o, i}};
        }, doms(any, any), (t, in) -> t.linear(in[0], in[1], null), in -> matmul(in[0], in[1], true)));
        cs.add(new Case("maskedLinear", r -> {
            int m = dim(r), i = dim(r), o = dim(r);
            return new int[][] {{m, i}, {o, i}, {o, i}, {1, o}};
        }, doms(any, any, Domain.MASK, any),
                (t, in) -> t.maskedLinear(in[0], in[1], in[2].value(), in[3]),
                in -> add(matmul(in[0], zip(in[1], in[2], (w, k) -> w * k), true), in[3])));
        for (String mode : new String[] {"same", "row", "column", "scalar"}) {
            Function<UniformRandomProvider, int[][]> shapes = r -> {
                int m = dim(r), n = dim(r);
                int[] b = switch (mode) {
                    case "same" -> new int[] {m, n};
                    case "row" -> new int[] {1, n};
                    case "column" -> new int[] {m, 1};
                    default -> new int[] {1, 1};
                };
                return new int[][] {{m, n}, b};
            };
            cs.add(new Case("add " + mode, shapes, doms(any, any), (t, in) -> t.add(in[0], in[1]),
                    in -> zip(in[0], in[1], Double::sum)));
            cs.add(new Case("sub " + mode, shapes, doms(any, any), (t, in) -> t.sub(in[0], in[1]),
                    in -> zip(in[0], in[1], (x, y) -> x - y)));
            cs.add(new Case("mul " + mode, shapes, doms(any, any), (t, in) -> t.mul(in[0], in[1]),
                    in -> zip(in[0], in[1], (x, y) -> x * y)));
            cs.add(new Case("div " + mode, shapes, doms(any, Domain.AWAY_FROM_ZERO),
                    (t, in) -> t.div(in[0], in[1]), in -> zip(in[0], in[1], (x, y) -> x / y)));
            cs.add(new Case("mulConstant " + mode, shapes, doms(any, Domain.MASK),
                    (t, in) -> t.mulConstant(in[0], in[1].value()), in -> zip(in[0], in[1], (x, y) -> x * y)));
        }
        cs.add(unaryCase("addScalar", any, (t, a) -> t.addScalar(a, 1.25), x -> x + 1.25));
        cs.add(unaryCase("mulScalar", any, (t, a) -> t.mulScalar(a, -0.75), x -> -0.75 * x));
        cs.add(unaryCase("exp", any, Tape::exp, Math::exp));
        cs.add(unaryCase("log", Domain.POSITIVE, Tape::log, Math::log));
        cs.add(unaryCase("log1p", Domain.POSITIVE, Tape::log1p, Math::log1p));
        cs.add(unaryCase("expm1", any, Tape::expm1, Math::expm1));
        cs.add(unaryCase("softplus", any, Tape::softplus, x -> Math.log(1 + Math.exp(x))));
        cs.add(unaryCase("sigmoid", any, Tape::sigmoid, x -> 1 / (1 + Math.exp(-x))));
        cs.add(unaryCase("tanh", any, Tape::tanh, Math::tanh));
        cs.add(unaryCase("gelu", any, Tape::gelu, x -> 0.5 * x * (1 + Erf.value(x / Math.sqrt(2)))));
        cs.add(unaryCase("relu", Domain.AWAY_FROM_ZERO, Tape::relu, x -> Math.max(x, 0)));
        cs.add(unaryCase("square", any, Tape::square, x -> x * x));
        cs.add(unaryCase("sqrt", Domain.POSITIVE, Tape::sqrt, Math::sqrt));
        cs.add(unaryCase("clamp", Domain.AWAY_FROM_CLAMP_BOUNDS, (t, a) -> t.clamp(a, CLAMP_LO, CLAMP_HI),
                x -> Math.min(Math.max(x, CLAMP_LO), CLAMP_HI)));
        cs.add(reductionCase("sumRows", any, Tape::sumRows, a -> reduce(a, true, false, false)));
        cs.add(reductionCase("meanRows", any, Tape::meanRows, a -> reduce(a, true, false, true)));
        cs.add(reductionCase("sumCols", any, Tape::sumCols, a -> reduce(a, false, true, false)));
        cs.add(reductionCase("meanCols", any, Tape::meanCols, a -> reduce(a, false, true, true)));
        cs.add(reductionCase("sum", any, Tape::sum, a -> reduce(a, true, true, false)));
        cs.add(reductionCase("mean", any, Tape::mean, a -> reduce(a, true, true, true)));
        cs.add(reductionCase("logSumExpRows", any, Tape::logSumExpRows, GradientCheckTest::logSumExpRows));
        cs.add(new Case("concatCols", r -> {
            int m = dim(r);
            return new int[][] {{m, dim(r)}, {m, dim(r)}, {m, dim(r)}};
        }, doms(any, any, any), (t, in) -> t.concatCols(in[0], in[1], in[2]), GradientCheckTest::concatCols));
        cs.add(new Case("sliceCols", r -> new int[][] {{dim(r), dim(r) + 2}}, doms(any),
                (t, in) -> t.sliceCols(in[0], 1, in[0].cols() - 1), in -> sliceCols(in[0], 1, in[0].cols() - 1)));
        cs.add(new Case("gatherRows", r -> new int[][] {{dim(r), dim(r)}}, doms(any),
                (t, in) -> t.gatherRows(in[0], gatherIndex(in[0].rows())),
                in -> gatherRows(in[0], gatherIndex(in[0].rows()))));
        cs.add(new Case("gatherCols", r -> new int[][] {{dim(r), dim(r)}}, doms(any),
                (t, in) -> t.gatherCols(in[0], gatherIndex(in[0].cols())),
                in -> gatherCols(in[0], gatherIndex(in[0].cols()))));
        cs.add(new Case("batchNorm", r -> {
            int m = dim(r) + 2, n = dim(r);
            return new int[][] {{m, n}, {1, n}, {1, n}};
        }, doms(any, any, any), (t, in) -> t.batchNorm(in[0], in[1], in[2], 1e-5, null, null),
                in -> batchNorm(in[0], in[1], in[2], 1e-5)));
        cs.add(new Case("batchNorm without affine", r -> new int[][] {{dim(r) + 2, dim(r)}}, doms(any),
                (t, in) -> t.batchNorm(in[0], null, null, 1e-3, null, null),
                in -> batchNorm(in[0], null, null, 1e-3)));
        // Inputs used twice and a chain of ops: the adjoints of shared nodes must add up.
        cs.add(new Case("shared inputs in a chain", r -> {
            int m = dim(r), n = dim(r);
            return new int[][] {{m, n}, {1, n}};
        }, doms(any, any), (t, in) -> t.tanh(t.mul(t.add(in[0], in[1]), t.sigmoid(t.add(in[0], in[1])))),
                in -> map(zip(in[0], in[1], Double::sum), x -> Math.tanh(x / (1 + Math.exp(-x))))));
        return cs;
    }

    static Stream<Arguments> casesAndSeeds() {
        List<Arguments> args = new ArrayList<>();
        long seed = 0x5eed_a17d_0000L;
        for (Case c : cases()) {
            for (int s = 0; s < SEEDS; s++) {
                args.add(Arguments.of(c, seed++));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("casesAndSeeds")
    void gradientMatchesFiniteDifferences(Case c, long seed) {
        assertNull(check(c, c.ref, seed), () -> c.name + ", seed " + seed + ": " + check(c, c.ref, seed));
    }

    /**
     * The check must catch a wrong gradient: a sign error in a broadcast operand, and a
     * derivative 1% off.
     */
    @Test
    void checkFailsForAWrongGradient() {
        Case add = cases().stream().filter(c -> c.name.equals("add row")).findFirst().orElseThrow();
        assertNotNull(check(add, in -> zip(in[0], in[1], (x, y) -> x - y), 1L));
        Case scale = cases().stream().filter(c -> c.name.equals("mulScalar")).findFirst().orElseThrow();
        assertNotNull(check(scale, in -> map(in[0], x -> -0.7575 * x), 1L));
    }

    /** Null when the tape's gradients agree with the reference's finite differences. */
    static String check(Case c, RefOp ref, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[][] shapes = c.shapes.apply(rng);
        Tensor[] in = new Tensor[shapes.length];
        D[] ds = new D[shapes.length];
        for (int k = 0; k < shapes.length; k++) {
            FMatrixRMaj m = new FMatrixRMaj(shapes[k][0], shapes[k][1]);
            for (int e = 0; e < m.data.length; e++) {
                m.data[e] = (float) draw(rng, c.domains[k]);
            }
            in[k] = c.domains[k] == Domain.MASK ? Tensor.constant(m) : Tensor.parameter(m);
            ds[k] = new D(m.numRows, m.numCols, toDouble(m.data));
        }
        try (Tape tape = Tape.create()) {
            Tensor out = c.tape.apply(tape, in);
            FMatrixRMaj weights = new FMatrixRMaj(out.rows(), out.cols());
            for (int e = 0; e < weights.data.length; e++) {
                weights.data[e] = (float) (2 * rng.nextDouble() - 1);
            }
            double[] w = toDouble(weights.data);
            D refOut = ref.apply(ds);
            if (refOut.rows != out.rows() || refOut.cols != out.cols()) {
                return "shape " + Tape.shape(out) + " but the reference gives " + refOut.rows + "×" + refOut.cols;
            }
            float[] value = out.value().data;
            for (int e = 0; e < refOut.v.length; e++) {
                if (!(Math.abs(value[e] - refOut.v[e]) <= VALUE_TOLERANCE * (1 + Math.abs(refOut.v[e])))) {
                    return "value element " + e + ": tape " + value[e] + ", reference " + refOut.v[e];
                }
            }
            tape.backward(tape.sum(tape.mulConstant(out, weights)));
            for (int k = 0; k < in.length; k++) {
                if (!in[k].requiresGrad()) {
                    continue;
                }
                double[] numeric = new double[ds[k].v.length];
                double largest = 0;
                for (int e = 0; e < numeric.length; e++) {
                    D[] plus = ds.clone();
                    D[] minus = ds.clone();
                    plus[k] = ds[k].copy();
                    minus[k] = ds[k].copy();
                    plus[k].v[e] += STEP;
                    minus[k].v[e] -= STEP;
                    numeric[e] = (dot(w, ref.apply(plus)) - dot(w, ref.apply(minus))) / (2 * STEP);
                    largest = Math.max(largest, Math.abs(numeric[e]));
                }
                float[] analytic = in[k].grad().data;
                for (int e = 0; e < numeric.length; e++) {
                    double err = Math.abs(analytic[e] - numeric[e]);
                    if (!(err <= RELATIVE_TOLERANCE * Math.max(Math.abs(numeric[e]), 0.05 * largest + 1e-6))) {
                        return "input " + k + " (" + Tape.shape(in[k]) + ") element " + e + ": tape gradient "
                                + analytic[e] + ", finite differences " + numeric[e];
                    }
                }
            }
        }
        return null;
    }

    // --- test data

    static int dim(UniformRandomProvider r) {
        return 1 + r.nextInt(5);
    }

    static Domain[] doms(Domain... ds) {
        return ds;
    }

    static double draw(UniformRandomProvider r, Domain d) {
        switch (d) {
            case POSITIVE:
                return 0.3 + 2.7 * r.nextDouble();
            case AWAY_FROM_ZERO:
                return (r.nextBoolean() ? 1 : -1) * (0.3 + 1.7 * r.nextDouble());
            case AWAY_FROM_CLAMP_BOUNDS:
                while (true) {
                    double x = 4 * r.nextDouble() - 2;
                    if (Math.abs(x - CLAMP_LO) > 0.05 && Math.abs(x - CLAMP_HI) > 0.05) {
                        return x;
                    }
                }
            case MASK:
                return r.nextInt(2);
            default:
                return 4 * r.nextDouble() - 2;
        }
    }

    /** Every row (or column), then row 0 once more, so that backward must add repeated rows' gradients. */
    static int[] gatherIndex(int rows) {
        int[] index = new int[rows + 1];
        for (int k = 0; k < rows; k++) {
            index[k] = rows - 1 - k;
        }
        return index;
    }

    static Case unaryCase(String name, Domain domain, java.util.function.BiFunction<Tape, Tensor, Tensor> op,
                          DoubleUnaryOperator ref) {
        return reductionCase(name, domain, op, a -> map(a, ref));
    }

    /** An op of one input whose reference is given as a whole-matrix function. */
    static Case reductionCase(String name, Domain domain, java.util.function.BiFunction<Tape, Tensor, Tensor> op,
                              Function<D, D> ref) {
        return new Case(name, r -> new int[][] {{dim(r), dim(r)}}, doms(domain),
                (t, in) -> op.apply(t, in[0]), in -> ref.apply(in[0]));
    }

    // --- the double-precision reference

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    static double dot(double[] w, D d) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * d.v[i];
        }
        return s;
    }

    static D map(D a, DoubleUnaryOperator f) {
        D out = D.zeros(a.rows, a.cols);
        for (int i = 0; i < a.v.length; i++) {
            out.v[i] = f.applyAsDouble(a.v[i]);
        }
        return out;
    }

    /** Elementwise with the second operand broadcast along its length-1 axes. */
    static D zip(D a, D b, java.util.function.DoubleBinaryOperator f) {
        D out = D.zeros(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                out.v[i * a.cols + j] = f.applyAsDouble(a.at(i, j), b.at(i, j));
            }
        }
        return out;
    }

    static D add(D a, D b) {
        return zip(a, b, Double::sum);
    }

    /** a·b, or a·bᵀ when {@code transposeB}. */
    static D matmul(D a, D b, boolean transposeB) {
        int n = transposeB ? b.rows : b.cols;
        D out = D.zeros(a.rows, n);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < a.cols; p++) {
                    s += a.v[i * a.cols + p] * (transposeB ? b.v[j * b.cols + p] : b.v[p * b.cols + j]);
                }
                out.v[i * n + j] = s;
            }
        }
        return out;
    }

    static D reduce(D a, boolean overRows, boolean overCols, boolean mean) {
        D out = D.zeros(overRows ? 1 : a.rows, overCols ? 1 : a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                out.v[(overRows ? 0 : i) * out.cols + (overCols ? 0 : j)] += a.v[i * a.cols + j];
            }
        }
        if (mean) {
            double n = (overRows ? a.rows : 1) * (overCols ? a.cols : 1);
            for (int i = 0; i < out.v.length; i++) {
                out.v[i] /= n;
            }
        }
        return out;
    }

    static D logSumExpRows(D a) {
        D out = D.zeros(a.rows, 1);
        for (int i = 0; i < a.rows; i++) {
            double s = 0;
            for (int j = 0; j < a.cols; j++) {
                s += Math.exp(a.v[i * a.cols + j]);
            }
            out.v[i] = Math.log(s);
        }
        return out;
    }

    static D concatCols(D[] parts) {
        int cols = 0;
        for (D p : parts) {
            cols += p.cols;
        }
        D out = D.zeros(parts[0].rows, cols);
        int offset = 0;
        for (D p : parts) {
            for (int i = 0; i < p.rows; i++) {
                for (int j = 0; j < p.cols; j++) {
                    out.v[i * cols + offset + j] = p.v[i * p.cols + j];
                }
            }
            offset += p.cols;
        }
        return out;
    }

    static D sliceCols(D a, int from, int to) {
        D out = D.zeros(a.rows, to - from);
        for (int i = 0; i < a.rows; i++) {
            for (int j = from; j < to; j++) {
                out.v[i * out.cols + j - from] = a.v[i * a.cols + j];
            }
        }
        return out;
    }

    static D gatherRows(D a, int[] index) {
        D out = D.zeros(index.length, a.cols);
        for (int k = 0; k < index.length; k++) {
            System.arraycopy(a.v, index[k] * a.cols, out.v, k * a.cols, a.cols);
        }
        return out;
    }

    static D gatherCols(D a, int[] index) {
        D out = D.zeros(a.rows, index.length);
        for (int i = 0; i < a.rows; i++) {
            for (int k = 0; k < index.length; k++) {
                out.v[i * index.length + k] = a.v[i * a.cols + index[k]];
            }
        }
        return out;
    }

    static D batchNorm(D x, D gamma, D beta, double eps) {
        D out = D.zeros(x.rows, x.cols);
        for (int j = 0; j < x.cols; j++) {
            double mean = 0;
            for (int i = 0; i < x.rows; i++) {
                mean += x.v[i * x.cols + j];
            }
            mean /= x.rows;
            double var = 0;
            for (int i = 0; i < x.rows; i++) {
                double d = x.v[i * x.cols + j] - mean;
                var += d * d;
            }
            var /= x.rows;
            for (int i = 0; i < x.rows; i++) {
                double h = (x.v[i * x.cols + j] - mean) / Math.sqrt(var + eps);
                out.v[i * x.cols + j] = (gamma == null ? h : gamma.v[j] * h) + (beta == null ? 0 : beta.v[j]);
            }
        }
        return out;
    }
}
