package org.sixsa4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API. Loaded by reflection only when {@link KernelSelection} has
 * checked that the incubator module is present, so the rest of the code never links to it.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    VectorKernels() {
    }

    static int lanes() {
        return LANES;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void multiply(SegmentedMatrix a, double[] x, int xOffset, int xStride,
                         double[] y, int yOffset, int yStride, int batch) {
        int s = 0;
        // Four vectors at a time: each matrix value is loaded once and used four times, which
        // keeps the loop from being bound by loads of the matrix.
        for (; s + 4 <= batch; s += 4) {
            multiplyFour(a, x, xOffset + s * xStride, xStride, y, yOffset + s * yStride, yStride);
        }
        for (; s < batch; s++) {
            multiplyOne(a, x, xOffset + s * xStride, y, yOffset + s * yStride);
        }
    }

    private static void multiplyOne(SegmentedMatrix a, double[] x, int xs, double[] y, int ys) {
        int rows = a.rows();
        int[] rowSegment = a.rowSegment();
        int[] segmentColumn = a.segmentColumn();
        int[] segmentValue = a.segmentValue();
        double[] values = a.values();
        for (int r = 0; r < rows; r++) {
            DoubleVector acc0 = DoubleVector.zero(SPECIES);
            DoubleVector acc1 = DoubleVector.zero(SPECIES);
            double tail = 0.0;
            for (int g = rowSegment[r]; g < rowSegment[r + 1]; g++) {
                int v0 = segmentValue[g];
                int length = segmentValue[g + 1] - v0;
                int x0 = xs + segmentColumn[g];
                int k = 0;
                for (int bound = length - 2 * LANES; k <= bound; k += 2 * LANES) {
                    acc0 = DoubleVector.fromArray(SPECIES, values, v0 + k)
                            .fma(DoubleVector.fromArray(SPECIES, x, x0 + k), acc0);
                    acc1 = DoubleVector.fromArray(SPECIES, values, v0 + k + LANES)
                            .fma(DoubleVector.fromArray(SPECIES, x, x0 + k + LANES), acc1);
                }
                for (; k < length; k++) {
                    tail += values[v0 + k] * x[x0 + k];
                }
            }
            y[ys + r] = acc0.add(acc1).reduceLanes(VectorOperators.ADD) + tail;
        }
    }

    private static void multiplyFour(SegmentedMatrix a, double[] x, int xs, int xStride,
                                     double[] y, int ys, int yStride) {
        int rows = a.rows();
        int[] rowSegment = a.rowSegment();
        int[] segmentColumn = a.segmentColumn();
        int[] segmentValue = a.segmentValue();
        double[] values = a.values();
        for (int r = 0; r < rows; r++) {
            DoubleVector acc0 = DoubleVector.zero(SPECIES);
            DoubleVector acc1 = DoubleVector.zero(SPECIES);
            DoubleVector acc2 = DoubleVector.zero(SPECIES);
            DoubleVector acc3 = DoubleVector.zero(SPECIES);
            double t0 = 0.0;
            double t1 = 0.0;
            double t2 = 0.0;
            double t3 = 0.0;
            for (int g = rowSegment[r]; g < rowSegment[r + 1]; g++) {
                int v0 = segmentValue[g];
                int length = segmentValue[g + 1] - v0;
                int x0 = xs + segmentColumn[g];
                int x1 = x0 + xStride;
                int x2 = x1 + xStride;
                int x3 = x2 + xStride;
                int k = 0;
                for (int bound = SPECIES.loopBound(length); k < bound; k += LANES) {
                    DoubleVector v = DoubleVector.fromArray(SPECIES, values, v0 + k);
                    acc0 = v.fma(DoubleVector.fromArray(SPECIES, x, x0 + k), acc0);
                    acc1 = v.fma(DoubleVector.fromArray(SPECIES, x, x1 + k), acc1);
                    acc2 = v.fma(DoubleVector.fromArray(SPECIES, x, x2 + k), acc2);
                    acc3 = v.fma(DoubleVector.fromArray(SPECIES, x, x3 + k), acc3);
                }
                for (; k < length; k++) {
                    double v = values[v0 + k];
                    t0 += v * x[x0 + k];
                    t1 += v * x[x1 + k];
                    t2 += v * x[x2 + k];
                    t3 += v * x[x3 + k];
                }
            }
            y[ys + r] = acc0.reduceLanes(VectorOperators.ADD) + t0;
            y[ys + yStride + r] = acc1.reduceLanes(VectorOperators.ADD) + t1;
            y[ys + 2 * yStride + r] = acc2.reduceLanes(VectorOperators.ADD) + t2;
            y[ys + 3 * yStride + r] = acc3.reduceLanes(VectorOperators.ADD) + t3;
        }
    }
}
