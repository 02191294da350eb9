package org.sixsa4j.internal.kernels;

import java.util.Arrays;

/** Plain-Java kernels: the reference every other implementation is tested against. */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void multiply(SegmentedMatrix a, double[] x, int xOffset, int xStride,
                         double[] y, int yOffset, int yStride, int batch) {
        int rows = a.rows();
        int[] rowSegment = a.rowSegment();
        int[] segmentColumn = a.segmentColumn();
        int[] segmentValue = a.segmentValue();
        double[] values = a.values();
        for (int s = 0; s < batch; s++) {
            int xs = xOffset + s * xStride;
            int ys = yOffset + s * yStride;
            for (int r = 0; r < rows; r++) {
                double sum = 0.0;
                for (int g = rowSegment[r]; g < rowSegment[r + 1]; g++) {
                    int xi = xs + segmentColumn[g];
                    for (int k = segmentValue[g], end = segmentValue[g + 1]; k < end; k++) {
                        sum += values[k] * x[xi++];
                    }
                }
                y[ys + r] = sum;
            }
        }
    }

    @Override
    public void exp(double[] x, int xOffset, double[] y, int yOffset, int n) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] = Math.exp(x[xOffset + i]);
        }
    }

    @Override
    public void expm1(double[] x, int xOffset, double[] y, int yOffset, int n) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] = Math.expm1(x[xOffset + i]);
        }
    }

    // The matrix products run i-k-j: the innermost loop walks a row of B and a row of C, so it
    // reads memory in order and the JIT can vectorise it on its own.

    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        for (int i = rowFrom; i < rowTo; i++) {
            int ci = i * n;
            if (!accumulate) {
                Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        // Rows of A and of B are both contiguous here, so each entry is a dot product.
        for (int i = rowFrom; i < rowTo; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    @Override
    public void gemmTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        for (int i = rowFrom; i < rowTo; i++) {
            int ci = i * n;
            if (!accumulate) {
                Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float api = a[p * m + i];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] = Tanh.value(x[xOffset + i]);
        }
    }

    @Override
    public void gelu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Gelu.value(x[i]);
        }
    }

    @Override
    public void geluBackward(float[] x, float[] dy, float[] dx, int n, boolean accumulate) {
        for (int i = 0; i < n; i++) {
            float g = dy[i] * Gelu.derivative(x[i]);
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }
}
