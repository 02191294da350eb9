package org.sixsa4j.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.internal.kernels.Kernels;

/**
 * A reverse-mode automatic-differentiation tape over 2-D float tensors: each operation computes
 * its value at once and is recorded, and {@link #backward} runs the recording in reverse,
 * accumulating adjoints (Griewank &amp; Walther, <i>Evaluating Derivatives</i>, 2nd ed., SIAM
 * 2008, ch. 3; Baydin et al., JMLR 18(153), 2018).
 *
 * <p>A training step is: ops on the tape, {@code backward(loss)}, an optimizer step on the
 * parameters' gradients, {@link #reset()}. Reset returns every buffer to a pool and keeps the
 * node objects, so the next step of the same shapes allocates (almost) nothing. A tensor
 * returned by an op is valid until the next reset.
 *
 * <p>Values and gradients are float32 as in PyTorch. Sums and means, log-sum-exp and batch-norm
 * statistics accumulate in double, as do the broadcast sums of gradients (a bias gradient sums
 * over the whole batch); transcendental functions are evaluated with {@link Math} in double and
 * rounded once. Binary ops broadcast only their second operand {@code b}: it may have the shape
 * of {@code a}, or be a 1×cols row, a rows×1 column or a 1×1 scalar.
 *
 * <p>Matrix products go through {@link Kernels}; those of more than {@value
 * MatrixProducts#PARALLEL_WORK} multiply-adds split their output rows into fixed chunks run on
 * the tape's threads, so results are bit-identical for any thread count. A tape is used by one
 * thread at a time; {@link #close()} stops its worker threads.
 */
public final class Tape implements AutoCloseable {

    private final BufferPool pool = new BufferPool();
    private final MatrixProducts products;
    private final Backward backward;
    private final ArrayList<Tensor> nodes = new ArrayList<>();
    private int count;
    private double[] scratch = new double[16];

    private Tape(int threads) {
        products = new MatrixProducts(threads);
        backward = new Backward(pool, products);
    }

    /** A single-threaded tape. */
    public static Tape create() {
        return new Tape(1);
    }

    /**
     * A tape whose large matrix products use {@code threads} threads, the caller's included; the
     * {@code threads − 1} others are daemon threads that wait parked until {@link #close()}.
     */
    public static Tape create(int threads) {
        return new Tape(threads);
    }

    /** The number of threads the tape's matrix products use. */
    public int threads() {
        return products.threads();
    }

    /** Stops the worker threads; the tape must not be used afterwards. */
    @Override
    public void close() {
        products.close();
    }

    // ---------------------------------------------------------------------------------------
    // Leaves

    /**
     * A constant recorded on the tape, wrapping {@code value} without copying it: the pooled
     * alternative to {@link Tensor#constant} for per-step inputs such as a mini-batch.
     */
    public Tensor constant(FMatrixRMaj value) {
        Tensor t = next(Op.CONSTANT, null, null, null);
        t.value = value;
        t.requiresGrad = false;
        return t;
    }

    // ---------------------------------------------------------------------------------------
    // Matrix products

    /** {@code a·b}, with a m×k and b k×n. */
    public Tensor matmul(Tensor a, Tensor b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("matmul: a is " + shape(a) + " and b is " + shape(b)
                    + "; a's columns must equal b's rows");
        }
        Tensor out = result(Op.MATMUL, a.rows(), b.cols(), a, b, null);
        products.ab(a.value.data, b.value.data, out.value.data, a.rows(), a.cols(), b.cols(), false);
        return out;
    }

    /**
     * A fully connected layer {@code x·weightᵀ + bias}: x batch×in, weight out×in (PyTorch's
     * layout), bias 1×out or null.
     */
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        checkLinear("linear", x, weight, bias);
        Tensor out = result(Op.LINEAR, x.rows(), weight.rows(), x, weight, bias);
        linearForward(x, weight.value, bias, out);
        return out;
    }

    /**
     * A linear layer whose weight is multiplied elementwise by a constant 0/1 {@code mask} of
     * the weight's shape, {@code x·(weight∘mask)ᵀ + bias}, as in MADE (Germain et al., ICML
     * 2015). The weight's gradient is masked too, so masked entries never change.
     */
    public Tensor maskedLinear(Tensor x, Tensor weight, FMatrixRMaj mask, Tensor bias) {
        checkLinear("maskedLinear", x, weight, bias);
        if (mask.numRows != weight.rows() || mask.numCols != weight.cols()) {
            throw new IllegalArgumentException("maskedLinear: mask is " + mask.numRows + "×" + mask.numCols
                    + " but weight is " + shape(weight) + "; they must match");
        }
        Tensor out = result(Op.MASKED_LINEAR, x.rows(), weight.rows(), x, weight, bias);
        out.constant = mask;
        out.aux = pool.acquire(weight.rows(), weight.cols());
        float[] w = weight.value.data;
        float[] mk = mask.data;
        float[] wm = out.aux.data;
        for (int i = 0, n = weight.rows() * weight.cols(); i < n; i++) {
            wm[i] = w[i] * mk[i];
        }
        linearForward(x, out.aux, bias, out);
        return out;
    }

    private void linearForward(Tensor x, FMatrixRMaj weight, Tensor bias, Tensor out) {
        int batch = x.rows();
        int outs = weight.numRows;
        float[] y = out.value.data;
        if (bias != null) {
            // Starting from the bias and accumulating saves a separate pass over the output.
            for (int i = 0; i < batch; i++) {
                System.arraycopy(bias.value.data, 0, y, i * outs, outs);
            }
        }
        products.abt(x.value.data, weight.data, y, batch, x.cols(), outs, bias != null);
    }

    private static void checkLinear(String op, Tensor x, Tensor weight, Tensor bias) {
        if (x.cols() != weight.cols()) {
            throw new IllegalArgumentException(op + ": x is " + shape(x) + " and weight is " + shape(weight)
                    + "; weight must be out×in with in = x's columns");
        }
        if (bias != null && (bias.rows() != 1 || bias.cols() != weight.rows())) {
            throw new IllegalArgumentException(op + ": bias is " + shape(bias) + " but must be 1×"
                    + weight.rows() + " for a weight of " + shape(weight));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Elementwise binary ops with broadcasting of b

    /** {@code a + b}, b broadcast (same shape, 1×cols, rows×1 or 1×1). */
    public Tensor add(Tensor a, Tensor b) {
        return binary(Op.ADD, "add", a, b);
    }

    /** {@code a − b}, b broadcast (same shape, 1×cols, rows×1 or 1×1). */
    public Tensor sub(Tensor a, Tensor b) {
        return binary(Op.SUB, "sub", a, b);
    }

    /** {@code a ∘ b} elementwise, b broadcast (same shape, 1×cols, rows×1 or 1×1). */
    public Tensor mul(Tensor a, Tensor b) {
        return binary(Op.MUL, "mul", a, b);
    }

    /** {@code a / b} elementwise, b broadcast (same shape, 1×cols, rows×1 or 1×1). */
    public Tensor div(Tensor a, Tensor b) {
        return binary(Op.DIV, "div", a, b);
    }

    /**
     * {@code a ∘ c} with a constant matrix {@code c} (a dropout mask, per-element weights),
     * broadcast like {@code b} of {@link #mul}; c is read again by backward, so keep it intact
     * until then.
     */
    public Tensor mulConstant(Tensor a, FMatrixRMaj c) {
        Tensor out = result(Op.MUL_CONSTANT, a.rows(), a.cols(), a, null, null);
        out.constant = c;
        broadcast(out, "mulConstant", a, c.numRows, c.numCols);
        float[] x = a.value.data;
        float[] k = c.data;
        float[] y = out.value.data;
        int rows = a.rows();
        int cols = a.cols();
        int rs = out.int1;
        int cs = out.int2;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                y[o + j] = x[o + j] * k[i * rs + j * cs];
            }
        }
        return out;
    }

    private Tensor binary(Op op, String name, Tensor a, Tensor b) {
        Tensor out = result(op, a.rows(), a.cols(), a, b, null);
        broadcast(out, name, a, b.rows(), b.cols());
        float[] x = a.value.data;
        float[] z = b.value.data;
        float[] y = out.value.data;
        int rows = a.rows();
        int cols = a.cols();
        int rs = out.int1;
        int cs = out.int2;
        if (rs == cols * cs) {
            // b of a's shape, or one scalar: one loop over the whole matrix. Row by row, a
            // flow's 5-wide rows would never reach the JIT's unrolled vector loop.
            binary(op, x, 0, z, 0, cs, y, rows * cols);
        } else {
            for (int i = 0; i < rows; i++) {
                binary(op, x, i * cols, z, i * rs, cs, y, cols);
            }
        }
        return out;
    }

    /**
     * {@code y[o + j] = x[o + j] op b[j]} for {@code j < n}, where b is {@code z[p + j]} when
     * {@code stride} is 1 and {@code z[p]} when it is 0: unit strides, which the JIT vectorises.
     */
    private static void binary(Op op, float[] x, int o, float[] z, int p, int stride, float[] y, int n) {
        if (stride == 0) {
            float s = z[p];
            switch (op) {
                case ADD -> {
                    for (int j = o; j < o + n; j++) {
                        y[j] = x[j] + s;
                    }
                }
                case SUB -> {
                    for (int j = o; j < o + n; j++) {
                        y[j] = x[j] - s;
                    }
                }
                case MUL -> {
                    for (int j = o; j < o + n; j++) {
                        y[j] = x[j] * s;
                    }
                }
                case DIV -> {
                    for (int j = o; j < o + n; j++) {
                        y[j] = x[j] / s;
                    }
                }
                default -> throw new AssertionError(op);
            }
            return;
        }
        switch (op) {
            case ADD -> {
                for (int j = 0; j < n; j++) {
                    y[o + j] = x[o + j] + z[p + j];
                }
            }
            case SUB -> {
                for (int j = 0; j < n; j++) {
                    y[o + j] = x[o + j] - z[p + j];
                }
            }
            case MUL -> {
                for (int j = 0; j < n; j++) {
                    y[o + j] = x[o + j] * z[p + j];
                }
            }
            case DIV -> {
                for (int j = 0; j < n; j++) {
                    y[o + j] = x[o + j] / z[p + j];
                }
            }
            default -> throw new AssertionError(op);
        }
    }

    /**
     * Stores in {@code out.int1, out.int2} the row and column strides that address the element
     * of a {@code bRows×bCols} operand matching element (i, j) of {@code a}: {@code i*int1 +
     * j*int2}. A stride of 0 repeats the operand along that axis.
     */
    private static void broadcast(Tensor out, String name, Tensor a, int bRows, int bCols) {
        int rows = a.rows();
        int cols = a.cols();
        if (bRows == rows && bCols == cols) {
            out.int1 = cols;
            out.int2 = 1;
        } else if (bRows == 1 && bCols == cols) {
            out.int1 = 0;
            out.int2 = 1;
        } else if (bRows == rows && bCols == 1) {
            out.int1 = 1;
            out.int2 = 0;
        } else if (bRows == 1 && bCols == 1) {
            out.int1 = 0;
            out.int2 = 0;
        } else {
            throw new IllegalArgumentException(name + ": cannot broadcast a " + bRows + "×" + bCols
                    + " operand against a of " + shape(a) + "; it must be " + rows + "×" + cols
                    + ", 1×" + cols + ", " + rows + "×1 or 1×1");
        }
    }

    // ---------------------------------------------------------------------------------------
    // Elementwise unary ops

    /** {@code a + s}. */
    public Tensor addScalar(Tensor a, double s) {
        return unary(Op.ADD_SCALAR, a, s, 0);
    }

    /** {@code s·a}. */
    public Tensor mulScalar(Tensor a, double s) {
        return unary(Op.MUL_SCALAR, a, s, 0);
    }

    /** {@code exp(a)}. */
    public Tensor exp(Tensor a) {
        return unary(Op.EXP, a, 0, 0);
    }

    /** {@code ln(a)}. */
    public Tensor log(Tensor a) {
        return unary(Op.LOG, a, 0, 0);
    }

    /** {@code ln(1 + a)}, accurate for small a. */
    public Tensor log1p(Tensor a) {
        return unary(Op.LOG1P, a, 0, 0);
    }

    /** {@code exp(a) − 1}, accurate for small a. */
    public Tensor expm1(Tensor a) {
        return unary(Op.EXPM1, a, 0, 0);
    }

    /**
     * {@code ln(1 + exp(a))}, evaluated as {@code max(a, 0) + log1p(exp(−|a|))} so that it
     * neither overflows for large a nor loses the value for very negative a.
     */
    public Tensor softplus(Tensor a) {
        return unary(Op.SOFTPLUS, a, 0, 0);
    }

    /** The logistic function {@code 1 / (1 + exp(−a))}, evaluated without overflow. */
    public Tensor sigmoid(Tensor a) {
        return unary(Op.SIGMOID, a, 0, 0);
    }

    /** {@code tanh(a)}. */
    public Tensor tanh(Tensor a) {
        return unary(Op.TANH, a, 0, 0);
    }

    /**
     * GELU in its exact form {@code a·Φ(a)}, Φ the standard normal distribution function
     * (Hendrycks &amp; Gimpel 2016, arXiv:1606.08415), PyTorch's default.
     */
    public Tensor gelu(Tensor a) {
        return unary(Op.GELU, a, 0, 0);
    }

    /** {@code max(a, 0)}; its gradient at 0 is 0, as in PyTorch. */
    public Tensor relu(Tensor a) {
        return unary(Op.RELU, a, 0, 0);
    }

    /** {@code a²}. */
    public Tensor square(Tensor a) {
        return unary(Op.SQUARE, a, 0, 0);
    }

    /** {@code √a}; its gradient {@code 1/(2√a)} is infinite at 0, as in PyTorch. */
    public Tensor sqrt(Tensor a) {
        return unary(Op.SQRT, a, 0, 0);
    }

    /**
     * {@code min(max(a, lo), hi)}. Gradient rule (PyTorch's): the gradient passes unchanged
     * where {@code lo ≤ a ≤ hi}, bounds included, and is 0 where a lies strictly outside.
     */
    public Tensor clamp(Tensor a, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: lo = " + lo + " must not exceed hi = " + hi);
        }
        return unary(Op.CLAMP, a, lo, hi);
    }

    private Tensor unary(Op op, Tensor a, double s1, double s2) {
        Tensor out = result(op, a.rows(), a.cols(), a, null, null);
        out.scalar1 = s1;
        out.scalar2 = s2;
        float[] x = a.value.data;
        float[] y = out.value.data;
        int n = a.rows() * a.cols();
        switch (op) {
            case ADD_SCALAR -> {
                float s = (float) s1;
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] + s;
                }
            }
            case MUL_SCALAR -> {
                float s = (float) s1;
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * s;
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.log(x[i]);
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    y[i] = FloatFunctions.log1p(x[i]);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    y[i] = FloatFunctions.expm1(x[i]);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    double v = x[i];
                    y[i] = (float) (Math.max(v, 0) + FloatFunctions.log1pOfSmall(Math.exp(-Math.abs(v))));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) sigmoid(x[i]);
                }
            }
            case TANH -> Kernels.get().tanh(x, 0, y, 0, n);
            case GELU -> Kernels.get().gelu(x, y, n);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.max(x[i], 0f); // keeps NaN, so a diverging loss still shows
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * x[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.sqrt(x[i]);
                }
            }
            case CLAMP -> {
                float lo = (float) s1;
                float hi = (float) s2;
                for (int i = 0; i < n; i++) {
                    y[i] = Math.min(Math.max(x[i], lo), hi);
                }
            }
            default -> throw new AssertionError(op);
        }
        return out;
    }

    /** The logistic function without overflow: exp(−|x|) is at most 1 on both branches. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    // ---------------------------------------------------------------------------------------
    // Reductions (accumulated in double)

    /** The sum over rows, a 1×cols row: {@code out[j] = Σᵢ a[i][j]}. */
    public Tensor sumRows(Tensor a) {
        return reduceRows(Op.SUM_ROWS, a, 1.0);
    }

    /** The mean over rows, a 1×cols row. */
    public Tensor meanRows(Tensor a) {
        return reduceRows(Op.MEAN_ROWS, a, 1.0 / a.rows());
    }

    /** The sum over columns, a rows×1 column: {@code out[i] = Σⱼ a[i][j]}. */
    public Tensor sumCols(Tensor a) {
        return reduceCols(Op.SUM_COLS, a, 1.0);
    }

    /** The mean over columns, a rows×1 column. */
    public Tensor meanCols(Tensor a) {
        return reduceCols(Op.MEAN_COLS, a, 1.0 / a.cols());
    }

    /** The sum of all elements, 1×1. */
    public Tensor sum(Tensor a) {
        return reduceAll(Op.SUM, a, 1.0);
    }

    /** The mean of all elements, 1×1. */
    public Tensor mean(Tensor a) {
        return reduceAll(Op.MEAN, a, 1.0 / ((double) a.rows() * a.cols()));
    }

    private Tensor reduceRows(Op op, Tensor a, double scale) {
        int rows = a.rows();
        int cols = a.cols();
        Tensor out = result(op, 1, cols, a, null, null);
        double[] acc = scratch(cols);
        float[] x = a.value.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                acc[j] += x[o + j];
            }
        }
        float[] y = out.value.data;
        for (int j = 0; j < cols; j++) {
            y[j] = (float) (acc[j] * scale);
        }
        return out;
    }

    private Tensor reduceCols(Op op, Tensor a, double scale) {
        int rows = a.rows();
        int cols = a.cols();
        Tensor out = result(op, rows, 1, a, null, null);
        float[] x = a.value.data;
        float[] y = out.value.data;
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int j = 0, o = i * cols; j < cols; j++) {
                acc += x[o + j];
            }
            y[i] = (float) (acc * scale);
        }
        return out;
    }

    private Tensor reduceAll(Op op, Tensor a, double scale) {
        Tensor out = result(op, 1, 1, a, null, null);
        float[] x = a.value.data;
        double acc = 0;
        for (int i = 0, n = a.rows() * a.cols(); i < n; i++) {
            acc += x[i];
        }
        out.value.data[0] = (float) (acc * scale);
        return out;
    }

    /**
     * {@code ln Σⱼ exp(a[i][j])} for each row, a rows×1 column. The row maximum is subtracted
     * before exponentiating and the sum is a double, so it neither overflows nor underflows;
     * its gradient is the row's softmax, computed from the double result.
     */
    public Tensor logSumExpRows(Tensor a) {
        int rows = a.rows();
        int cols = a.cols();
        if (cols == 0) {
            throw new IllegalArgumentException("logSumExpRows: a is " + shape(a) + "; it needs at least one column");
        }
        Tensor out = result(Op.LOG_SUM_EXP_ROWS, rows, 1, a, null, null);
        if (out.stats.length < rows) {
            out.stats = new double[rows];
        }
        float[] x = a.value.data;
        float[] y = out.value.data;
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[o + j]);
            }
            // A row of −∞ has no finite shift; shifting by 0 then gives ln 0 = −∞ as it should.
            double shift = Float.isInfinite(max) ? 0 : max;
            double acc = 0;
            for (int j = 0; j < cols; j++) {
                acc += Math.exp(x[o + j] - shift);
            }
            // Backward takes the softmax from this double: from the float, exp(x − lse) would
            // carry lse's rounding, 3e-5 relative at lse ≈ 1000.
            out.stats[i] = shift + Math.log(acc);
            y[i] = (float) out.stats[i];
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // Reshaping

    /** The parts side by side: all must have the same number of rows. */
    public Tensor concatCols(Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concatCols: needs at least one tensor");
        }
        int rows = parts[0].rows();
        int cols = 0;
        boolean grad = false;
        for (Tensor p : parts) {
            if (p.rows() != rows) {
                throw new IllegalArgumentException("concatCols: parts have " + rows + " and " + p.rows()
                        + " rows; all must have the same number of rows");
            }
            cols += p.cols();
            grad |= p.requiresGrad;
        }
        Tensor out = result(Op.CONCAT_COLS, rows, cols, null, null, null);
        out.requiresGrad = grad;
        if (out.parts.length < parts.length) {
            out.parts = new Tensor[parts.length];
        }
        System.arraycopy(parts, 0, out.parts, 0, parts.length);
        out.partCount = parts.length;
        float[] y = out.value.data;
        int offset = 0;
        for (Tensor p : parts) {
            int w = p.cols();
            float[] x = p.value.data;
            for (int i = 0; i < rows; i++) {
                System.arraycopy(x, i * w, y, i * cols + offset, w);
            }
            offset += w;
        }
        return out;
    }

    /** Columns {@code [from, to)} of {@code a}. */
    public Tensor sliceCols(Tensor a, int from, int to) {
        if (from < 0 || to > a.cols() || from >= to) {
            throw new IllegalArgumentException("sliceCols: columns [" + from + ", " + to + ") of a "
                    + shape(a) + " tensor; need 0 ≤ from < to ≤ " + a.cols());
        }
        int rows = a.rows();
        int w = to - from;
        Tensor out = result(Op.SLICE_COLS, rows, w, a, null, null);
        out.int1 = from;
        float[] x = a.value.data;
        float[] y = out.value.data;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * a.cols() + from, y, i * w, w);
        }
        return out;
    }

    /**
     * Row {@code index[k]} of {@code a} as row k of the result; indices may repeat, and
     * backward adds the gradients of repeated rows. The index array is copied.
     */
    public Tensor gatherRows(Tensor a, int[] index) {
        int cols = a.cols();
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 || index[k] >= a.rows()) {
                throw new IllegalArgumentException("gatherRows: index[" + k + "] = " + index[k]
                        + " is outside the " + a.rows() + " rows of a");
            }
        }
        Tensor out = result(Op.GATHER_ROWS, index.length, cols, a, null, null);
        if (out.index.length < index.length) {
            out.index = new int[index.length];
        }
        System.arraycopy(index, 0, out.index, 0, index.length);
        out.int1 = index.length;
        float[] x = a.value.data;
        float[] y = out.value.data;
        for (int k = 0; k < index.length; k++) {
            System.arraycopy(x, index[k] * cols, y, k * cols, cols);
        }
        return out;
    }

    /**
     * Column {@code index[k]} of {@code a} as column k of the result; indices may repeat, and
     * backward adds the gradients of repeated columns. The index array is copied. With a
     * permutation as index, this is the product with a permutation matrix at the cost of a copy.
     */
    public Tensor gatherCols(Tensor a, int[] index) {
        int cols = a.cols();
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 || index[k] >= cols) {
                throw new IllegalArgumentException("gatherCols: index[" + k + "] = " + index[k]
                        + " is outside the " + cols + " columns of a");
            }
        }
        int rows = a.rows();
        int width = index.length;
        Tensor out = result(Op.GATHER_COLS, rows, width, a, null, null);
        if (out.index.length < width) {
            out.index = new int[width];
        }
        System.arraycopy(index, 0, out.index, 0, width);
        float[] x = a.value.data;
        float[] y = out.value.data;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < width; k++) {
                y[i * width + k] = x[i * cols + index[k]];
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // Batch normalisation

    /**
     * Training-mode batch normalisation over the rows of x (batch×features) (Ioffe &amp; Szegedy,
     * ICML 2015): {@code y = gamma ∘ (x − μ) / √(σ² + eps) + beta} with μ and σ² the batch mean
     * and biased variance of each column. gamma and beta are 1×features, or null for 1 and 0.
     *
     * <p>μ and σ² are accumulated in double (two passes, so no cancellation). When not null,
     * {@code meanOut} receives μ and {@code varOut} the unbiased variance σ²·n/(n−1), which
     * PyTorch feeds into its running statistics. The batch needs at least two rows.
     */
    public Tensor batchNorm(Tensor x, Tensor gamma, Tensor beta, double eps, float[] meanOut, float[] varOut) {
        int rows = x.rows();
        int cols = x.cols();
        if (rows < 2) {
            throw new IllegalArgumentException("batchNorm: x is " + shape(x)
                    + "; training-mode batch norm needs at least 2 rows per batch");
        }
        checkAffine("gamma", gamma, cols);
        checkAffine("beta", beta, cols);
        if ((meanOut != null && meanOut.length < cols) || (varOut != null && varOut.length < cols)) {
            throw new IllegalArgumentException("batchNorm: meanOut and varOut need " + cols + " elements");
        }
        Tensor out = result(Op.BATCH_NORM, rows, cols, x, gamma, beta);
        out.scalar1 = eps;
        out.aux = pool.acquire(rows, cols);
        if (out.stats.length < 3 * cols) {
            out.stats = new double[3 * cols];
        }
        // stats: [0, cols) 1/√(σ²+eps), kept for backward; [cols, 3·cols) scratch for μ and σ².
        double[] s = out.stats;
        Arrays.fill(s, 0, 3 * cols, 0);
        float[] v = x.value.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                s[cols + j] += v[o + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            s[cols + j] /= rows;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                double d = v[o + j] - s[cols + j];
                s[2 * cols + j] += d * d;
            }
        }
        for (int j = 0; j < cols; j++) {
            double biased = s[2 * cols + j] / rows;
            s[j] = 1 / Math.sqrt(biased + eps);
            if (meanOut != null) {
                meanOut[j] = (float) s[cols + j];
            }
            if (varOut != null) {
                varOut[j] = (float) (s[2 * cols + j] / (rows - 1));
            }
        }
        float[] xhat = out.aux.data;
        float[] y = out.value.data;
        float[] g = gamma == null ? null : gamma.value.data;
        float[] b = beta == null ? null : beta.value.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                double h = (v[o + j] - s[cols + j]) * s[j];
                xhat[o + j] = (float) h;
                y[o + j] = (float) ((g == null ? h : g[j] * h) + (b == null ? 0 : b[j]));
            }
        }
        return out;
    }

    private static void checkAffine(String name, Tensor t, int cols) {
        if (t != null && (t.rows() != 1 || t.cols() != cols)) {
            throw new IllegalArgumentException("batchNorm: " + name + " is " + shape(t) + " but must be 1×" + cols);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Backward and reset

    /**
     * Seeds the 1×1 {@code loss} with gradient 1 and runs the tape backwards from it, adding
     * (+=) the gradient of the loss to every parameter it depends on. Gradients of intermediate
     * results are recomputed from zero, so calling backward twice adds the parameters'
     * gradients twice.
     *
     * @throws IllegalArgumentException if the loss is not 1×1, was not computed on this tape
     *     since its last reset, or depends on no parameter
     */
    public void backward(Tensor loss) {
        if (loss.kind != Tensor.Kind.NODE || loss.position >= count || nodes.get(loss.position) != loss) {
            throw new IllegalArgumentException("backward: the loss was not computed on this tape since its last reset");
        }
        if (loss.rows() != 1 || loss.cols() != 1) {
            throw new IllegalArgumentException("backward: the loss must be 1×1 but is " + shape(loss)
                    + "; reduce it first, e.g. with sum or mean");
        }
        if (!loss.requiresGrad) {
            throw new IllegalArgumentException("backward: the loss does not depend on any parameter");
        }
        for (int i = 0; i <= loss.position; i++) {
            Tensor t = nodes.get(i);
            if (t.requiresGrad) {
                // Gradients of intermediate results are taken only now, so forward-only passes
                // (evaluation) need half the memory.
                if (t.grad == null) {
                    t.grad = pool.acquire(t.rows(), t.cols());
                }
                Arrays.fill(t.grad.data, 0, t.rows() * t.cols(), 0f);
            }
        }
        loss.grad.data[0] = 1f;
        for (int i = loss.position; i >= 0; i--) {
            Tensor t = nodes.get(i);
            if (t.requiresGrad) {
                backward.propagate(t);
            }
        }
    }

    /**
     * Forgets everything recorded since the last reset and returns the buffers to the pool;
     * tensors returned by ops before the reset must not be used again. Parameters keep their
     * values and gradients.
     */
    public void reset() {
        for (int i = 0; i < count; i++) {
            Tensor t = nodes.get(i);
            if (t.op != Op.CONSTANT) {
                pool.release(t.value);
            }
            if (t.grad != null) {
                pool.release(t.grad);
            }
            if (t.aux != null) {
                pool.release(t.aux);
            }
            t.value = null;
            t.grad = null;
            t.aux = null;
            t.a = null;
            t.b = null;
            t.c = null;
            t.constant = null;
            Arrays.fill(t.parts, 0, t.partCount, null);
            t.partCount = 0;
        }
        count = 0;
    }

    /** How many ops are recorded since the last reset. */
    public int size() {
        return count;
    }

    // ---------------------------------------------------------------------------------------

    private Tensor next(Op op, Tensor a, Tensor b, Tensor c) {
        Tensor t;
        if (count < nodes.size()) {
            t = nodes.get(count);
        } else {
            t = Tensor.node();
            nodes.add(t);
        }
        t.position = count++;
        t.op = op;
        t.a = a;
        t.b = b;
        t.c = c;
        return t;
    }

    /** A recorded node with a pooled rows × cols value, needing a gradient if any input does. */
    private Tensor result(Op op, int rows, int cols, Tensor a, Tensor b, Tensor c) {
        Tensor t = next(op, a, b, c);
        t.value = pool.acquire(rows, cols);
        t.requiresGrad = (a != null && a.requiresGrad) || (b != null && b.requiresGrad)
                || (c != null && c.requiresGrad);
        return t;
    }

    /** A zeroed double scratch of at least n elements, reused across ops. */
    private double[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new double[Math.max(n, 2 * scratch.length)];
        }
        Arrays.fill(scratch, 0, n, 0);
        return scratch;
    }

    static String shape(Tensor t) {
        return t.rows() + "×" + t.cols();
    }
}
