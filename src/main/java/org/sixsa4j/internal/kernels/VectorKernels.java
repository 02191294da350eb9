package org.sixsa4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API. Loaded by reflection only when {@link KernelSelection} has
 * checked that the incubator module is present, so the rest of the code never links to it.
 *
 * <p>Each segment's dot products live in a method of their own, with the vector accumulators
 * born and reduced inside it. JDK 17's C2 cannot keep a vector accumulator in registers across
 * nested loops (it boxes it on every iteration, which made a first version slower than the
 * scalar code); confined to one loop, it compiles to plain FMA instructions.
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
        int rows = a.rows();
        int[] rowSegment = a.rowSegment();
        int[] segmentColumn = a.segmentColumn();
        int[] segmentValue = a.segmentValue();
        double[] values = a.values();
        int s = 0;
        // Four vectors at a time: each matrix value is loaded once and used four times, which
        // keeps the loop from being bound by loads of the matrix.
        for (; s + 4 <= batch; s += 4) {
            int xs = xOffset + s * xStride;
            int ys = yOffset + s * yStride;
            for (int r = 0; r < rows; r++) {
                y[ys + r] = 0.0;
                y[ys + yStride + r] = 0.0;
                y[ys + 2 * yStride + r] = 0.0;
                y[ys + 3 * yStride + r] = 0.0;
                for (int g = rowSegment[r]; g < rowSegment[r + 1]; g++) {
                    addDotFour(values, segmentValue[g], segmentValue[g + 1] - segmentValue[g],
                            x, xs + segmentColumn[g], xStride, y, ys + r, yStride);
                }
            }
        }
        for (; s < batch; s++) {
            int xs = xOffset + s * xStride;
            int ys = yOffset + s * yStride;
            for (int r = 0; r < rows; r++) {
                double sum = 0.0;
                for (int g = rowSegment[r]; g < rowSegment[r + 1]; g++) {
                    sum += dot(values, segmentValue[g], segmentValue[g + 1] - segmentValue[g], x, xs + segmentColumn[g]);
                }
                y[ys + r] = sum;
            }
        }
    }

    /** The dot product of {@code v[v0 .. v0+n-1]} and {@code x[x0 .. x0+n-1]}. */
    private static double dot(double[] v, int v0, int n, double[] x, int x0) {
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        int k = 0;
        // Two accumulators hide part of the FMA latency.
        for (int bound = n - 2 * LANES; k <= bound; k += 2 * LANES) {
            acc0 = DoubleVector.fromArray(SPECIES, v, v0 + k).fma(DoubleVector.fromArray(SPECIES, x, x0 + k), acc0);
            acc1 = DoubleVector.fromArray(SPECIES, v, v0 + k + LANES).fma(DoubleVector.fromArray(SPECIES, x, x0 + k + LANES), acc1);
        }
        double sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) {
            sum += v[v0 + k] * x[x0 + k];
        }
        return sum;
    }

    /**
     * Adds to {@code y[yi + j*yStride]} the dot product of {@code v[v0 .. v0+n-1]} with
     * {@code x[x0 + j*xStride ..]}, for j = 0..3.
     */
    private static void addDotFour(double[] v, int v0, int n, double[] x, int x0, int xStride,
                                   double[] y, int yi, int yStride) {
        int x1 = x0 + xStride;
        int x2 = x1 + xStride;
        int x3 = x2 + xStride;
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        DoubleVector acc2 = DoubleVector.zero(SPECIES);
        DoubleVector acc3 = DoubleVector.zero(SPECIES);
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += LANES) {
            DoubleVector w = DoubleVector.fromArray(SPECIES, v, v0 + k);
            acc0 = w.fma(DoubleVector.fromArray(SPECIES, x, x0 + k), acc0);
            acc1 = w.fma(DoubleVector.fromArray(SPECIES, x, x1 + k), acc1);
            acc2 = w.fma(DoubleVector.fromArray(SPECIES, x, x2 + k), acc2);
            acc3 = w.fma(DoubleVector.fromArray(SPECIES, x, x3 + k), acc3);
        }
        double t0 = acc0.reduceLanes(VectorOperators.ADD);
        double t1 = acc1.reduceLanes(VectorOperators.ADD);
        double t2 = acc2.reduceLanes(VectorOperators.ADD);
        double t3 = acc3.reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) {
            double w = v[v0 + k];
            t0 += w * x[x0 + k];
            t1 += w * x[x1 + k];
            t2 += w * x[x2 + k];
            t3 += w * x[x3 + k];
        }
        y[yi] += t0;
        y[yi + yStride] += t1;
        y[yi + 2 * yStride] += t2;
        y[yi + 3 * yStride] += t3;
    }

    @Override
    public void exp(double[] x, int xOffset, double[] y, int yOffset, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, x, xOffset + i).lanewise(VectorOperators.EXP).intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] = Math.exp(x[xOffset + i]);
        }
    }

    @Override
    public void expm1(double[] x, int xOffset, double[] y, int yOffset, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, x, xOffset + i).lanewise(VectorOperators.EXPM1).intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] = Math.expm1(x[xOffset + i]);
        }
    }
}
