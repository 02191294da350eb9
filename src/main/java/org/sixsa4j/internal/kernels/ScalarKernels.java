package org.sixsa4j.internal.kernels;

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
}
