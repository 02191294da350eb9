package org.sixsa4j.autodiff;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.internal.kernels.Kernels;

/**
 * The reverse step of every tape op: given a node whose gradient is complete, adds its
 * contribution to the gradients of the inputs that need one. A switch on the op replaces a
 * closure per recorded op, so recording allocates nothing.
 *
 * <p>Sums of gradients over a broadcast axis (a bias over the batch, batch-norm's column sums)
 * accumulate in double; elementwise derivatives are evaluated in float, as the values are.
 */
final class Backward {

    private final BufferPool pool;
    private final MatrixProducts products;
    private double[] scratch = new double[16];

    Backward(BufferPool pool, MatrixProducts products) {
        this.pool = pool;
        this.products = products;
    }

    void propagate(Tensor t) {
        switch (t.op) {
            case MATMUL -> matmul(t);
            case LINEAR, MASKED_LINEAR -> linear(t);
            case ADD, SUB, MUL, DIV -> binary(t);
            case MUL_CONSTANT -> mulConstant(t);
            case SUM_ROWS, MEAN_ROWS, SUM_COLS, MEAN_COLS, SUM, MEAN -> reduction(t);
            case LOG_SUM_EXP_ROWS -> logSumExpRows(t);
            case CONCAT_COLS -> concatCols(t);
            case SLICE_COLS -> sliceCols(t);
            case GATHER_ROWS -> gatherRows(t);
            case GATHER_COLS -> gatherCols(t);
            case BATCH_NORM -> batchNorm(t);
            case CONSTANT -> throw new AssertionError("constants need no gradient");
            default -> unary(t);
        }
    }

    private void matmul(Tensor t) {
        Tensor a = t.a;
        Tensor b = t.b;
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        float[] g = t.grad.data;
        if (a.requiresGrad) {
            products.abt(g, b.value.data, a.grad.data, m, n, k, true); // dA += G·Bᵀ
        }
        if (b.requiresGrad) {
            products.atb(a.value.data, g, b.grad.data, k, m, n, true); // dB += Aᵀ·G
        }
    }

    /** y = x·Wᵀ + b (W possibly masked, the masked copy kept in {@code t.aux}). */
    private void linear(Tensor t) {
        Tensor x = t.a;
        Tensor w = t.b;
        Tensor bias = t.c;
        int batch = x.rows();
        int in = x.cols();
        int out = w.rows();
        float[] g = t.grad.data;
        boolean masked = t.op == Op.MASKED_LINEAR;
        if (x.requiresGrad) {
            float[] weight = masked ? t.aux.data : w.value.data;
            products.ab(g, weight, x.grad.data, batch, out, in, true); // dx += G·W
        }
        if (w.requiresGrad) {
            if (masked) {
                // dW += (Gᵀ·x)∘M: the product goes to a temporary so that masked entries of W
                // receive exactly zero.
                FMatrixRMaj tmp = pool.acquire(out, in);
                products.atb(g, x.value.data, tmp.data, out, batch, in, false);
                float[] d = tmp.data;
                float[] mask = t.constant.data;
                float[] gw = w.grad.data;
                for (int i = 0, n = out * in; i < n; i++) {
                    gw[i] += d[i] * mask[i];
                }
                pool.release(tmp);
            } else {
                products.atb(g, x.value.data, w.grad.data, out, batch, in, true); // dW += Gᵀ·x
            }
        }
        if (bias != null && bias.requiresGrad) {
            double[] acc = scratch(out);
            for (int i = 0; i < batch; i++) {
                for (int j = 0, o = i * out; j < out; j++) {
                    acc[j] += g[o + j];
                }
            }
            float[] gb = bias.grad.data;
            for (int j = 0; j < out; j++) {
                gb[j] += (float) acc[j];
            }
        }
    }

    private void binary(Tensor t) {
        Tensor a = t.a;
        Tensor b = t.b;
        int rows = t.rows();
        int cols = t.cols();
        int rs = t.int1;
        int cs = t.int2;
        float[] g = t.grad.data;
        float[] x = a.value.data;
        float[] z = b.value.data;
        float[] y = t.value.data;
        Op op = t.op;
        // Unit-stride loops over the whole matrix where the shapes allow, as in the forward op.
        boolean whole = rs == cols * cs;
        if (a.requiresGrad) {
            float[] ga = a.grad.data;
            if (op == Op.ADD || op == Op.SUB) {
                for (int i = 0, n = rows * cols; i < n; i++) {
                    ga[i] += g[i];
                }
            } else if (whole) {
                scaledGradient(op == Op.DIV, g, 0, z, 0, cs, ga, rows * cols);
            } else {
                for (int i = 0; i < rows; i++) {
                    scaledGradient(op == Op.DIV, g, i * cols, z, i * rs, cs, ga, cols);
                }
            }
        }
        if (b.requiresGrad) {
            float[] gb = b.grad.data;
            if (rs == cols && cs == 1) {
                sameShapeGradientOfB(op, g, x, y, z, gb, rows * cols);
                return;
            }
            // A broadcast operand collects a sum over rows or columns: accumulate it in double.
            double[] acc = scratch(b.rows() * b.cols());
            for (int i = 0; i < rows; i++) {
                int o = i * cols;
                int p = i * rs;
                for (int j = 0; j < cols; j++) {
                    int q = p + j * cs;
                    acc[q] += switch (op) {
                        case ADD -> g[o + j];
                        case SUB -> -g[o + j];
                        case MUL -> g[o + j] * x[o + j];
                        case DIV -> -g[o + j] * y[o + j] / z[q]; // d(a/b)/db = −(a/b)/b
                        default -> throw new AssertionError(op);
                    };
                }
            }
            for (int q = 0, n = b.rows() * b.cols(); q < n; q++) {
                gb[q] += (float) acc[q];
            }
        }
    }

    /**
     * {@code ga[o + j] += g[o + j]·b[j]}, or {@code / b[j]} when {@code divide}, with b
     * {@code z[p + j]} for stride 1 and {@code z[p]} for stride 0.
     */
    private static void scaledGradient(boolean divide, float[] g, int o, float[] z, int p, int stride, float[] ga, int n) {
        if (stride == 0) {
            float s = z[p];
            if (divide) {
                for (int j = o; j < o + n; j++) {
                    ga[j] += g[j] / s;
                }
            } else {
                for (int j = o; j < o + n; j++) {
                    ga[j] += g[j] * s;
                }
            }
        } else if (divide) {
            for (int j = 0; j < n; j++) {
                ga[o + j] += g[o + j] / z[p + j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                ga[o + j] += g[o + j] * z[p + j];
            }
        }
    }

    /** b's gradient when b has a's shape: no sum, so float as the values. */
    private static void sameShapeGradientOfB(Op op, float[] g, float[] x, float[] y, float[] z, float[] gb, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    gb[i] += g[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    gb[i] -= g[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    gb[i] += g[i] * x[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    gb[i] += -g[i] * y[i] / z[i]; // d(a/b)/db = −(a/b)/b
                }
            }
            default -> throw new AssertionError(op);
        }
    }

    private void mulConstant(Tensor t) {
        Tensor a = t.a;
        if (!a.requiresGrad) {
            return;
        }
        int rows = t.rows();
        int cols = t.cols();
        int rs = t.int1;
        int cs = t.int2;
        float[] g = t.grad.data;
        float[] k = t.constant.data;
        float[] ga = a.grad.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                ga[o + j] += g[o + j] * k[i * rs + j * cs];
            }
        }
    }

    private void unary(Tensor t) {
        Tensor a = t.a;
        float[] g = t.grad.data;
        float[] x = a.value.data;
        float[] y = t.value.data;
        float[] ga = a.grad.data;
        int n = t.rows() * t.cols();
        switch (t.op) {
            case ADD_SCALAR -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i];
                }
            }
            case MUL_SCALAR -> {
                float s = (float) t.scalar1;
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * s;
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * y[i];
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] / x[i];
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] / (1f + x[i]);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * (y[i] + 1f);
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * (float) Tape.sigmoid(x[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * y[i] * (1f - y[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * (1f - y[i] * y[i]);
                }
            }
            case GELU -> Kernels.get().geluBackward(x, g, ga, n, true);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    if (x[i] > 0) {
                        ga[i] += g[i];
                    }
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += 2f * x[i] * g[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] / (2f * y[i]);
                }
            }
            case CLAMP -> {
                float lo = (float) t.scalar1;
                float hi = (float) t.scalar2;
                for (int i = 0; i < n; i++) {
                    if (x[i] >= lo && x[i] <= hi) {
                        ga[i] += g[i];
                    }
                }
            }
            default -> throw new AssertionError(t.op);
        }
    }

    private void reduction(Tensor t) {
        Tensor a = t.a;
        if (!a.requiresGrad) {
            return;
        }
        int rows = a.rows();
        int cols = a.cols();
        float[] g = t.grad.data;
        float[] ga = a.grad.data;
        switch (t.op) {
            case SUM_ROWS, MEAN_ROWS -> {
                float s = t.op == Op.MEAN_ROWS ? (float) (1.0 / rows) : 1f;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0, o = i * cols; j < cols; j++) {
                        ga[o + j] += g[j] * s;
                    }
                }
            }
            case SUM_COLS, MEAN_COLS -> {
                float s = t.op == Op.MEAN_COLS ? (float) (1.0 / cols) : 1f;
                for (int i = 0; i < rows; i++) {
                    float d = g[i] * s;
                    for (int j = 0, o = i * cols; j < cols; j++) {
                        ga[o + j] += d;
                    }
                }
            }
            case SUM, MEAN -> {
                float d = t.op == Op.MEAN ? (float) (g[0] / ((double) rows * cols)) : g[0];
                for (int i = 0, n = rows * cols; i < n; i++) {
                    ga[i] += d;
                }
            }
            default -> throw new AssertionError(t.op);
        }
    }

    /** d/dx ln Σ exp(x) is the softmax exp(x − lse). */
    private void logSumExpRows(Tensor t) {
        Tensor a = t.a;
        if (!a.requiresGrad) {
            return;
        }
        int rows = a.rows();
        int cols = a.cols();
        float[] g = t.grad.data;
        float[] x = a.value.data;
        double[] lse = t.stats;
        float[] ga = a.grad.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                ga[o + j] += (float) (g[i] * Math.exp(x[o + j] - lse[i]));
            }
        }
    }

    private void concatCols(Tensor t) {
        int rows = t.rows();
        int cols = t.cols();
        float[] g = t.grad.data;
        int offset = 0;
        for (int p = 0; p < t.partCount; p++) {
            Tensor part = t.parts[p];
            int w = part.cols();
            if (part.requiresGrad) {
                float[] gp = part.grad.data;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0, o = i * cols + offset, q = i * w; j < w; j++) {
                        gp[q + j] += g[o + j];
                    }
                }
            }
            offset += w;
        }
    }

    private void sliceCols(Tensor t) {
        Tensor a = t.a;
        if (!a.requiresGrad) {
            return;
        }
        int rows = t.rows();
        int w = t.cols();
        int cols = a.cols();
        int from = t.int1;
        float[] g = t.grad.data;
        float[] ga = a.grad.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols + from, q = i * w; j < w; j++) {
                ga[o + j] += g[q + j];
            }
        }
    }

    /** Scatter-add: a row gathered k times receives the sum of its k gradients. */
    private void gatherRows(Tensor t) {
        Tensor a = t.a;
        if (!a.requiresGrad) {
            return;
        }
        int cols = t.cols();
        float[] g = t.grad.data;
        float[] ga = a.grad.data;
        for (int k = 0; k < t.int1; k++) {
            for (int j = 0, o = t.index[k] * cols, q = k * cols; j < cols; j++) {
                ga[o + j] += g[q + j];
            }
        }
    }

    /** Scatter-add: a column gathered k times receives the sum of its k gradients. */
    private void gatherCols(Tensor t) {
        Tensor a = t.a;
        if (!a.requiresGrad) {
            return;
        }
        int rows = t.rows();
        int width = t.cols();
        int cols = a.cols();
        float[] g = t.grad.data;
        float[] ga = a.grad.data;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < width; k++) {
                ga[i * cols + t.index[k]] += g[i * width + k];
            }
        }
    }

    /**
     * The closed form of batch-norm's input gradient (Ioffe &amp; Szegedy 2015, §3), with x̂ the
     * normalised input, n the batch size and s = 1/√(σ² + eps):
     * {@code dx = γ s / n · (n·dy − Σᵢ dy − x̂ Σᵢ dy x̂)}, {@code dγ = Σᵢ dy x̂},
     * {@code dβ = Σᵢ dy}; the column sums are doubles.
     */
    private void batchNorm(Tensor t) {
        Tensor x = t.a;
        Tensor gamma = t.b;
        Tensor beta = t.c;
        int rows = t.rows();
        int cols = t.cols();
        float[] g = t.grad.data;
        float[] xhat = t.aux.data;
        double[] s = t.stats; // [0, cols) holds s = 1/√(σ²+eps); the rest is free for the sums
        Arrays.fill(s, cols, 3 * cols, 0);
        for (int i = 0; i < rows; i++) {
            for (int j = 0, o = i * cols; j < cols; j++) {
                s[cols + j] += g[o + j];
                s[2 * cols + j] += (double) g[o + j] * xhat[o + j];
            }
        }
        if (gamma != null && gamma.requiresGrad) {
            float[] gg = gamma.grad.data;
            for (int j = 0; j < cols; j++) {
                gg[j] += (float) s[2 * cols + j];
            }
        }
        if (beta != null && beta.requiresGrad) {
            float[] gb = beta.grad.data;
            for (int j = 0; j < cols; j++) {
                gb[j] += (float) s[cols + j];
            }
        }
        if (x.requiresGrad) {
            float[] gx = x.grad.data;
            float[] gm = gamma == null ? null : gamma.value.data;
            for (int i = 0; i < rows; i++) {
                for (int j = 0, o = i * cols; j < cols; j++) {
                    double scale = (gm == null ? 1.0 : gm[j]) * s[j] / rows;
                    gx[o + j] += (float) (scale * ((double) rows * g[o + j] - s[cols + j] - xhat[o + j] * s[2 * cols + j]));
                }
            }
        }
    }

    /** A zeroed double scratch of at least n elements, reused across ops. */
    private double[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new double[Math.max(n, 2 * scratch.length)];
        }
        Arrays.fill(scratch, 0, n, 0);
        return scratch;
    }
}
