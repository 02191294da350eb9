package org.sixsa4j.internal.kernels;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API. Loaded by reflection only when {@link KernelSelection} has
 * checked that the incubator module is present, so the rest of the code never links to it.
 *
 * <p>Each segment's dot products live in a method of their own, with the vector accumulators
 * born and reduced inside it. JDK 17's C2 cannot keep a vector accumulator in registers across
 * nested loops (it boxes it on every iteration, which made a first version slower than the
 * scalar code); confined to one loop, it compiles to plain FMA instructions. The float matrix
 * products follow the same rule: each register tile of C is a method whose accumulators live
 * through a single loop over the depth of the product.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /**
     * The float species of the matrix products and of GELU. On Zen 4 with AVX-512 the preferred
     * 512-bit species beat a 256-bit one with the same 4×3-vector tiles on every product of
     * {@code GemmBenchmark} (best of six one-second iterations: 63–80 against 43–74 GFLOP/s),
     * although Zen 4 splits each 512-bit operation in two: the wider tile halves the loads and
     * loop overhead per multiply-add.
     */
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();
    /**
     * Columns of a wide last panel, {@link #wide4}: four vectors, sixteen accumulators, which
     * only a 512-bit instruction set (32 vector registers) holds without spilling.
     */
    private static final int WR = 4 * FL;
    private static final boolean WIDE = FL >= 16;
    /** Rows of C per register tile of {@link #tile4}. */
    private static final int MR = 4;
    /** Columns of C per register tile and per packed panel of B: three vectors. */
    private static final int NR = 3 * FL;
    /**
     * Depth of a packed panel of B: 256 × {@link #NR} floats (48 KB with 512-bit vectors) stay
     * near L1 while every row block of C reads them. Unblocked (the whole depth k in one panel,
     * 192 KB for k = 1000) was markedly slower (37–54 against 69–80 GFLOP/s, on a busy machine).
     */
    private static final int KC = 256;
    /** Elements of GELU per pass: three buffers of this many floats stay in L1. */
    private static final int CHUNK = 512;

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

    /*
     * exp and expm1 are our own, not the Vector API's EXP and EXPM1: those run one routine in
     * compiled code and another in the interpreter, which differ in the last bit for about one
     * argument in ten, so a model evaluated before and after the JIT compiled it gave different
     * counts. Ours are built from operations whose results IEEE 754 fixes exactly (additions,
     * multiplications, fused multiply-adds, integer and bit operations), so a run gives the same
     * bits whenever it runs. The method (fdlibm's, Sun Microsystems 1993, after Cody & Waite 1980):
     * x = n ln2 + r with n the integer nearest x/ln2 and |r| <= ln2/2, ln2 split in two so that
     * n ln2_hi is exact; e^r − 1 by its Taylor series to r^13/13! (truncation below 5e-18
     * relative); 2^n written into the exponent bits, in two factors so that every n from −1076
     * to 1024 stays a normal number.
     */
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding and subtracting it rounds to an integer, which its low bits then hold. */
    private static final double ROUNDER = 6755399441055744.0;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** Beyond these, e^x overflows or underflows whatever is computed; arguments are clamped. */
    private static final double EXP_LOW = -746;
    private static final double EXP_HIGH = 710;
    /** Above this e^x − 1 overflows; below the other it rounds to −1. */
    private static final double EXPM1_HIGH = 709.782712893384;
    private static final double EXPM1_LOW = -40;
    /** Above this, e^x − 1 is computed as e^x, whose 2^n needs two factors. */
    private static final double EXPM1_LARGE = 709;
    /** 1/k! for k = 2..13, the coefficients of (e^r − 1 − r)/r². */
    private static final double[] INVERSE_FACTORIALS = inverseFactorials();

    private static double[] inverseFactorials() {
        double[] c = new double[12];
        double f = 1;
        for (int k = 2; k <= 13; k++) {
            f *= k;
            c[k - 2] = 1 / f;
        }
        return c;
    }

    @Override
    public void exp(double[] x, int xOffset, double[] y, int yOffset, int n) {
        double[] c = INVERSE_FACTORIALS;
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, xOffset + i).max(EXP_LOW).min(EXP_HIGH);
            DoubleVector shifted = v.mul(LOG2E).add(ROUNDER);
            DoubleVector k = shifted.sub(ROUNDER);
            DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), v);
            r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r);
            // Horner's rule written out: a loop would carry a vector through it, which JDK 17 boxes.
            DoubleVector p = r.fma(c[11], c[10]).fma(r, DoubleVector.broadcast(SPECIES, c[9]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[8])).fma(r, DoubleVector.broadcast(SPECIES, c[7]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[6])).fma(r, DoubleVector.broadcast(SPECIES, c[5]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[4])).fma(r, DoubleVector.broadcast(SPECIES, c[3]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[2])).fma(r, DoubleVector.broadcast(SPECIES, c[1]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[0]));
            DoubleVector expm1r = r.mul(r).fma(p, r);
            // n = bits(shifted) − bits(1.5·2^52); 2^n = 2^n1 · 2^n2 with n1 = floor(n/2), both normal.
            LongVector nPlus = shifted.reinterpretAsLongs().sub(ROUNDER_BITS - 2048);
            LongVector n1 = nPlus.lanewise(VectorOperators.LSHR, 1).sub(1024);
            LongVector n2 = nPlus.sub(2048).sub(n1);
            DoubleVector scale1 = n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector scale2 = n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            expm1r.add(1).mul(scale1).mul(scale2).intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] = Math.exp(x[xOffset + i]);
        }
    }

    @Override
    public void expm1(double[] x, int xOffset, double[] y, int yOffset, int n) {
        double[] c = INVERSE_FACTORIALS;
        DoubleVector infinity = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xOffset + i);
            // The reduction and the polynomial repeat exp's: a helper taking or returning
            // vectors would be boxed by JDK 17 whenever it is not inlined.
            DoubleVector v = x0.max(EXPM1_LOW).min(EXPM1_HIGH);
            DoubleVector shifted = v.mul(LOG2E).add(ROUNDER);
            DoubleVector k = shifted.sub(ROUNDER);
            DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), v);
            r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r);
            DoubleVector p = r.fma(c[11], c[10]).fma(r, DoubleVector.broadcast(SPECIES, c[9]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[8])).fma(r, DoubleVector.broadcast(SPECIES, c[7]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[6])).fma(r, DoubleVector.broadcast(SPECIES, c[5]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[4])).fma(r, DoubleVector.broadcast(SPECIES, c[3]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[2])).fma(r, DoubleVector.broadcast(SPECIES, c[1]))
                    .fma(r, DoubleVector.broadcast(SPECIES, c[0]));
            DoubleVector q = r.mul(r).fma(p, r);
            // e^x − 1 = 2^n q + (2^n − 1): for |x| < ln2/2, n = 0 and this is q itself, with no
            // cancellation; 2^n − 1 is exact for |n| <= 53, and beyond it rounds below the
            // result's last bit. Above x = 709, 2^n itself would overflow: there the −1 is
            // negligible and e^x is built as in exp, from two factors of 2.
            LongVector nPlus = shifted.reinterpretAsLongs().sub(ROUNDER_BITS - 2048);
            DoubleVector scale = nPlus.sub(2048 - 1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            LongVector n1 = nPlus.lanewise(VectorOperators.LSHR, 1).sub(1024);
            LongVector n2 = nPlus.sub(2048).sub(n1);
            DoubleVector large = q.add(1).mul(n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())
                    .mul(n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
            q.fma(scale, scale.sub(1))
                    .blend(large, x0.compare(VectorOperators.GT, EXPM1_LARGE))
                    .blend(infinity, x0.compare(VectorOperators.GT, EXPM1_HIGH))
                    .intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] = Math.expm1(x[xOffset + i]);
        }
    }

    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        // A(i, p) = a[i*k + p], B(p, j) = b[p*n + j]
        panelProduct(a, k, 1, b, false, c, k, n, accumulate, rowFrom, rowTo);
    }

    @Override
    public void gemmTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        // A(i, p) = a[p*m + i]: the four rows of a tile read four neighbouring floats.
        panelProduct(a, 1, m, b, false, c, k, n, accumulate, rowFrom, rowTo);
    }

    /**
     * {@code C[rowFrom, rowTo) (+)= A·B} with {@code A(i, p) = a[i*rowStride + p*colStride]} and
     * B k×n, stored row-major or, when {@code bTransposed}, as its n×k transpose. B is copied,
     * {@link #KC} rows by {@link #NR} columns at a time, into a contiguous panel that every block
     * of rows of C then reads in order (the packing of K. Goto and R. van de Geijn, "Anatomy of
     * high-performance matrix multiplication", ACM TOMS 34(3), 2008); the tile of C is loaded and
     * stored again between panels of the depth, which leaves every entry's sequence of
     * multiply-adds, and so its rounding, unchanged. No entry is ever a horizontal sum of vector
     * lanes, whose order the Vector API leaves open (it differs between interpreted and compiled
     * code), so the result is the same bit for bit on every run.
     */
    private static void panelProduct(float[] a, int rowStride, int colStride, float[] b, boolean bTransposed,
                                     float[] c, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        if (rowFrom >= rowTo) {
            return;
        }
        Scratch scratch = SCRATCH.get();
        float[] panel = scratch.panel(Math.min(k, KC) * WR);
        float[] tile = scratch.tile;
        for (int j0 = 0, width; j0 < n; j0 += width) {
            // When at most one vector would be left after this panel (a flow's 50 columns are
            // 48 + 2), it joins this panel: one pass over A's rows instead of two, and each
            // broadcast of A feeds four vectors instead of one.
            width = WIDE && n - j0 > NR && n - j0 <= WR ? n - j0 : Math.min(NR, n - j0);
            int stride = width > NR ? WR : NR;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int depth = Math.min(KC, k - p0);
                boolean add = accumulate || p0 > 0;
                if (bTransposed) {
                    packTransposed(b, k, p0, depth, j0, width, stride, panel);
                } else {
                    if (width < stride) {
                        // One long fill for the padding of every row: per row, a fill of a few
                        // floats cost more than the copy.
                        Arrays.fill(panel, 0, depth * stride, 0f);
                    }
                    for (int p = 0; p < depth; p++) {
                        System.arraycopy(b, (p0 + p) * n + j0, panel, p * stride, width);
                    }
                }
                int aStart = p0 * colStride;
                int i = rowFrom;
                if (width > NR) {
                    widePanel(a, aStart, rowStride, colStride, panel, depth, c, n, j0, width, add, rowFrom, rowTo, tile);
                } else if (width == NR) {
                    for (; i + MR <= rowTo; i += MR) {
                        tile4(a, i * rowStride + aStart, rowStride, colStride, panel, depth, c, i * n + j0, n, add);
                    }
                    for (; i < rowTo; i++) {
                        tile1(a, i * rowStride + aStart, colStride, panel, depth, c, i * n + j0, add);
                    }
                } else {
                    narrowPanel(a, aStart, rowStride, colStride, panel, depth, c, n, j0, width, add, rowFrom, rowTo, tile);
                }
            }
        }
    }

    /**
     * The last panel when it is wider than {@link #NR} by at most one vector: the tiles of
     * {@link #wide4} and {@link #wide1}, their fourth vector computed into the scratch {@code tile}
     * (rows {@link #FL} apart) and copied back for the columns that exist. Each entry gets the
     * same multiply-adds as in {@link #tile4}.
     */
    private static void widePanel(float[] a, int aStart, int rowStride, int colStride, float[] panel, int depth,
                                  float[] c, int n, int j0, int width, boolean add, int rowFrom, int rowTo, float[] tile) {
        int tail = width - NR;
        int i = rowFrom;
        for (; i + MR <= rowTo; i += MR) {
            for (int r = 0; add && r < MR; r++) {
                System.arraycopy(c, (i + r) * n + j0 + NR, tile, r * FL, tail);
            }
            wide4(a, i * rowStride + aStart, rowStride, colStride, panel, depth, c, i * n + j0, n, tile, add);
            for (int r = 0; r < MR; r++) {
                System.arraycopy(tile, r * FL, c, (i + r) * n + j0 + NR, tail);
            }
        }
        for (; i < rowTo; i++) {
            if (add) {
                System.arraycopy(c, i * n + j0 + NR, tile, 0, tail);
            }
            wide1(a, i * rowStride + aStart, colStride, panel, depth, c, i * n + j0, tile, add);
            System.arraycopy(tile, 0, c, i * n + j0 + NR, tail);
        }
    }

    /**
     * Four rows by four vectors of C, the panel {@link #WR} wide: three vectors go to C at
     * {@code c0}, the fourth to {@code tail} (rows {@link #FL} apart).
     */
    private static void wide4(float[] a, int a0, int rowStride, int colStride, float[] panel, int k,
                              float[] c, int c0, int ldc, float[] tail, boolean accumulate) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33;
        if (accumulate) {
            s00 = FloatVector.fromArray(FS, c, c0);
            s01 = FloatVector.fromArray(FS, c, c0 + FL);
            s02 = FloatVector.fromArray(FS, c, c0 + 2 * FL);
            s03 = FloatVector.fromArray(FS, tail, 0);
            s10 = FloatVector.fromArray(FS, c, c1);
            s11 = FloatVector.fromArray(FS, c, c1 + FL);
            s12 = FloatVector.fromArray(FS, c, c1 + 2 * FL);
            s13 = FloatVector.fromArray(FS, tail, FL);
            s20 = FloatVector.fromArray(FS, c, c2);
            s21 = FloatVector.fromArray(FS, c, c2 + FL);
            s22 = FloatVector.fromArray(FS, c, c2 + 2 * FL);
            s23 = FloatVector.fromArray(FS, tail, 2 * FL);
            s30 = FloatVector.fromArray(FS, c, c3);
            s31 = FloatVector.fromArray(FS, c, c3 + FL);
            s32 = FloatVector.fromArray(FS, c, c3 + 2 * FL);
            s33 = FloatVector.fromArray(FS, tail, 3 * FL);
        } else {
            s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = FloatVector.zero(FS);
            s20 = s21 = s22 = s23 = s30 = s31 = s32 = s33 = FloatVector.zero(FS);
        }
        int a1 = a0 + rowStride;
        int a2 = a1 + rowStride;
        int a3 = a2 + rowStride;
        for (int p = 0, q = 0, ap = 0; p < k; p++, q += WR, ap += colStride) {
            FloatVector b0 = FloatVector.fromArray(FS, panel, q);
            FloatVector b1 = FloatVector.fromArray(FS, panel, q + FL);
            FloatVector b2 = FloatVector.fromArray(FS, panel, q + 2 * FL);
            FloatVector b3 = FloatVector.fromArray(FS, panel, q + 3 * FL);
            FloatVector x = FloatVector.broadcast(FS, a[a0 + ap]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            s02 = b2.fma(x, s02);
            s03 = b3.fma(x, s03);
            x = FloatVector.broadcast(FS, a[a1 + ap]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            s12 = b2.fma(x, s12);
            s13 = b3.fma(x, s13);
            x = FloatVector.broadcast(FS, a[a2 + ap]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            s22 = b2.fma(x, s22);
            s23 = b3.fma(x, s23);
            x = FloatVector.broadcast(FS, a[a3 + ap]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
            s32 = b2.fma(x, s32);
            s33 = b3.fma(x, s33);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + FL);
        s02.intoArray(c, c0 + 2 * FL);
        s03.intoArray(tail, 0);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + FL);
        s12.intoArray(c, c1 + 2 * FL);
        s13.intoArray(tail, FL);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + FL);
        s22.intoArray(c, c2 + 2 * FL);
        s23.intoArray(tail, 2 * FL);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + FL);
        s32.intoArray(c, c3 + 2 * FL);
        s33.intoArray(tail, 3 * FL);
    }

    /** One row by four vectors, as {@link #wide4}. */
    private static void wide1(float[] a, int a0, int colStride, float[] panel, int k, float[] c, int c0,
                              float[] tail, boolean accumulate) {
        FloatVector s0, s1, s2, s3;
        if (accumulate) {
            s0 = FloatVector.fromArray(FS, c, c0);
            s1 = FloatVector.fromArray(FS, c, c0 + FL);
            s2 = FloatVector.fromArray(FS, c, c0 + 2 * FL);
            s3 = FloatVector.fromArray(FS, tail, 0);
        } else {
            s0 = s1 = s2 = s3 = FloatVector.zero(FS);
        }
        for (int p = 0, q = 0, ap = a0; p < k; p++, q += WR, ap += colStride) {
            FloatVector x = FloatVector.broadcast(FS, a[ap]);
            s0 = FloatVector.fromArray(FS, panel, q).fma(x, s0);
            s1 = FloatVector.fromArray(FS, panel, q + FL).fma(x, s1);
            s2 = FloatVector.fromArray(FS, panel, q + 2 * FL).fma(x, s2);
            s3 = FloatVector.fromArray(FS, panel, q + 3 * FL).fma(x, s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + FL);
        s2.intoArray(c, c0 + 2 * FL);
        s3.intoArray(tail, 0);
    }

    /**
     * The last panel, narrower than {@link #NR}: slices of two vectors or one, four rows at a
     * time, computed into the scratch {@code tile} (rows {@code 2·FL} apart) and copied back for
     * the columns that exist. Each entry gets the same multiply-adds as in {@link #tile4}, so the
     * result does not depend on which tile computed it. A flow's layers are 50 or 10 wide: their
     * last panel (2 or 10 columns) computed three vectors wide cost more than the rest of the
     * product. Vectors of half the width would waste less, but one float species of two shapes in
     * one JVM makes JDK 17's type profiles of the Vector API polymorphic, and it then stops
     * compiling vector operations to instructions, everywhere (measured: 2 GFLOP/s).
     */
    private static void narrowPanel(float[] a, int aStart, int rowStride, int colStride, float[] panel, int depth,
                                    float[] c, int n, int j0, int width, boolean add, int rowFrom, int rowTo, float[] tile) {
        int ld = 2 * FL;
        for (int j = 0; j < width; j += ld) {
            int cols = Math.min(ld, width - j);
            int i = rowFrom;
            for (; i + MR <= rowTo; i += MR) {
                for (int r = 0; add && r < MR; r++) {
                    System.arraycopy(c, (i + r) * n + j0 + j, tile, r * ld, cols);
                }
                if (cols <= FL) {
                    narrow4x1(a, i * rowStride + aStart, rowStride, colStride, panel, j, depth, tile, add);
                } else {
                    narrow4x2(a, i * rowStride + aStart, rowStride, colStride, panel, j, depth, tile, add);
                }
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(tile, r * ld, c, (i + r) * n + j0 + j, cols);
                }
            }
            for (; i < rowTo; i++) {
                if (add) {
                    System.arraycopy(c, i * n + j0 + j, tile, 0, cols);
                }
                if (cols <= FL) {
                    narrow1x1(a, i * rowStride + aStart, colStride, panel, j, depth, tile, add);
                } else {
                    narrow1x2(a, i * rowStride + aStart, colStride, panel, j, depth, tile, add);
                }
                System.arraycopy(tile, 0, c, i * n + j0 + j, cols);
            }
        }
    }

    /** Four rows by two vectors, from panel columns {@code j ..}, into {@code tile} (rows 2·FL apart). */
    private static void narrow4x2(float[] a, int a0, int rowStride, int colStride, float[] panel, int j, int k,
                                float[] tile, boolean accumulate) {
        int ld = 2 * FL;
        FloatVector s00, s01, s10, s11, s20, s21, s30, s31;
        if (accumulate) {
            s00 = FloatVector.fromArray(FS, tile, 0);
            s01 = FloatVector.fromArray(FS, tile, FL);
            s10 = FloatVector.fromArray(FS, tile, ld);
            s11 = FloatVector.fromArray(FS, tile, ld + FL);
            s20 = FloatVector.fromArray(FS, tile, 2 * ld);
            s21 = FloatVector.fromArray(FS, tile, 2 * ld + FL);
            s30 = FloatVector.fromArray(FS, tile, 3 * ld);
            s31 = FloatVector.fromArray(FS, tile, 3 * ld + FL);
        } else {
            s00 = s01 = s10 = s11 = s20 = s21 = s30 = s31 = FloatVector.zero(FS);
        }
        int a1 = a0 + rowStride;
        int a2 = a1 + rowStride;
        int a3 = a2 + rowStride;
        for (int p = 0, q = j, ap = 0; p < k; p++, q += NR, ap += colStride) {
            FloatVector b0 = FloatVector.fromArray(FS, panel, q);
            FloatVector b1 = FloatVector.fromArray(FS, panel, q + FL);
            FloatVector x = FloatVector.broadcast(FS, a[a0 + ap]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            x = FloatVector.broadcast(FS, a[a1 + ap]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            x = FloatVector.broadcast(FS, a[a2 + ap]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            x = FloatVector.broadcast(FS, a[a3 + ap]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
        }
        s00.intoArray(tile, 0);
        s01.intoArray(tile, FL);
        s10.intoArray(tile, ld);
        s11.intoArray(tile, ld + FL);
        s20.intoArray(tile, 2 * ld);
        s21.intoArray(tile, 2 * ld + FL);
        s30.intoArray(tile, 3 * ld);
        s31.intoArray(tile, 3 * ld + FL);
    }

    /** Four rows by one vector, as {@link #narrow4x2}. */
    private static void narrow4x1(float[] a, int a0, int rowStride, int colStride, float[] panel, int j, int k,
                                float[] tile, boolean accumulate) {
        int ld = 2 * FL;
        FloatVector s0, s1, s2, s3;
        if (accumulate) {
            s0 = FloatVector.fromArray(FS, tile, 0);
            s1 = FloatVector.fromArray(FS, tile, ld);
            s2 = FloatVector.fromArray(FS, tile, 2 * ld);
            s3 = FloatVector.fromArray(FS, tile, 3 * ld);
        } else {
            s0 = s1 = s2 = s3 = FloatVector.zero(FS);
        }
        int a1 = a0 + rowStride;
        int a2 = a1 + rowStride;
        int a3 = a2 + rowStride;
        for (int p = 0, q = j, ap = 0; p < k; p++, q += NR, ap += colStride) {
            FloatVector b = FloatVector.fromArray(FS, panel, q);
            s0 = b.fma(FloatVector.broadcast(FS, a[a0 + ap]), s0);
            s1 = b.fma(FloatVector.broadcast(FS, a[a1 + ap]), s1);
            s2 = b.fma(FloatVector.broadcast(FS, a[a2 + ap]), s2);
            s3 = b.fma(FloatVector.broadcast(FS, a[a3 + ap]), s3);
        }
        s0.intoArray(tile, 0);
        s1.intoArray(tile, ld);
        s2.intoArray(tile, 2 * ld);
        s3.intoArray(tile, 3 * ld);
    }

    /** One row by two vectors, as {@link #narrow4x2}. */
    private static void narrow1x2(float[] a, int a0, int colStride, float[] panel, int j, int k, float[] tile, boolean accumulate) {
        FloatVector s0, s1;
        if (accumulate) {
            s0 = FloatVector.fromArray(FS, tile, 0);
            s1 = FloatVector.fromArray(FS, tile, FL);
        } else {
            s0 = s1 = FloatVector.zero(FS);
        }
        for (int p = 0, q = j, ap = a0; p < k; p++, q += NR, ap += colStride) {
            FloatVector x = FloatVector.broadcast(FS, a[ap]);
            s0 = FloatVector.fromArray(FS, panel, q).fma(x, s0);
            s1 = FloatVector.fromArray(FS, panel, q + FL).fma(x, s1);
        }
        s0.intoArray(tile, 0);
        s1.intoArray(tile, FL);
    }

    /** One row by one vector, as {@link #narrow4x2}. */
    private static void narrow1x1(float[] a, int a0, int colStride, float[] panel, int j, int k, float[] tile, boolean accumulate) {
        FloatVector s0 = accumulate ? FloatVector.fromArray(FS, tile, 0) : FloatVector.zero(FS);
        for (int p = 0, q = j, ap = a0; p < k; p++, q += NR, ap += colStride) {
            s0 = FloatVector.fromArray(FS, panel, q).fma(FloatVector.broadcast(FS, a[ap]), s0);
        }
        s0.intoArray(tile, 0);
    }

    /**
     * Four rows by {@link #NR} columns of C: twelve accumulators, and per step of {@code p}
     * three loads of the panel and four broadcasts of A feed twelve fused multiply-adds.
     */
    private static void tile4(float[] a, int a0, int rowStride, int colStride, float[] panel, int k,
                              float[] c, int c0, int ldc, boolean accumulate) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00, s01, s02, s10, s11, s12, s20, s21, s22, s30, s31, s32;
        if (accumulate) {
            s00 = FloatVector.fromArray(FS, c, c0);
            s01 = FloatVector.fromArray(FS, c, c0 + FL);
            s02 = FloatVector.fromArray(FS, c, c0 + 2 * FL);
            s10 = FloatVector.fromArray(FS, c, c1);
            s11 = FloatVector.fromArray(FS, c, c1 + FL);
            s12 = FloatVector.fromArray(FS, c, c1 + 2 * FL);
            s20 = FloatVector.fromArray(FS, c, c2);
            s21 = FloatVector.fromArray(FS, c, c2 + FL);
            s22 = FloatVector.fromArray(FS, c, c2 + 2 * FL);
            s30 = FloatVector.fromArray(FS, c, c3);
            s31 = FloatVector.fromArray(FS, c, c3 + FL);
            s32 = FloatVector.fromArray(FS, c, c3 + 2 * FL);
        } else {
            s00 = s01 = s02 = s10 = s11 = s12 = s20 = s21 = s22 = s30 = s31 = s32 = FloatVector.zero(FS);
        }
        int a1 = a0 + rowStride;
        int a2 = a1 + rowStride;
        int a3 = a2 + rowStride;
        for (int p = 0, q = 0, ap = 0; p < k; p++, q += NR, ap += colStride) {
            FloatVector b0 = FloatVector.fromArray(FS, panel, q);
            FloatVector b1 = FloatVector.fromArray(FS, panel, q + FL);
            FloatVector b2 = FloatVector.fromArray(FS, panel, q + 2 * FL);
            FloatVector x = FloatVector.broadcast(FS, a[a0 + ap]);
            s00 = b0.fma(x, s00);
            s01 = b1.fma(x, s01);
            s02 = b2.fma(x, s02);
            x = FloatVector.broadcast(FS, a[a1 + ap]);
            s10 = b0.fma(x, s10);
            s11 = b1.fma(x, s11);
            s12 = b2.fma(x, s12);
            x = FloatVector.broadcast(FS, a[a2 + ap]);
            s20 = b0.fma(x, s20);
            s21 = b1.fma(x, s21);
            s22 = b2.fma(x, s22);
            x = FloatVector.broadcast(FS, a[a3 + ap]);
            s30 = b0.fma(x, s30);
            s31 = b1.fma(x, s31);
            s32 = b2.fma(x, s32);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + FL);
        s02.intoArray(c, c0 + 2 * FL);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + FL);
        s12.intoArray(c, c1 + 2 * FL);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + FL);
        s22.intoArray(c, c2 + 2 * FL);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + FL);
        s32.intoArray(c, c3 + 2 * FL);
    }

    /** One row by {@link #NR} columns of C, with the same operations per entry as {@link #tile4}. */
    private static void tile1(float[] a, int a0, int colStride, float[] panel, int k,
                              float[] c, int c0, boolean accumulate) {
        FloatVector s0, s1, s2;
        if (accumulate) {
            s0 = FloatVector.fromArray(FS, c, c0);
            s1 = FloatVector.fromArray(FS, c, c0 + FL);
            s2 = FloatVector.fromArray(FS, c, c0 + 2 * FL);
        } else {
            s0 = s1 = s2 = FloatVector.zero(FS);
        }
        for (int p = 0, q = 0, ap = a0; p < k; p++, q += NR, ap += colStride) {
            FloatVector x = FloatVector.broadcast(FS, a[ap]);
            s0 = FloatVector.fromArray(FS, panel, q).fma(x, s0);
            s1 = FloatVector.fromArray(FS, panel, q + FL).fma(x, s1);
            s2 = FloatVector.fromArray(FS, panel, q + 2 * FL).fma(x, s2);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + FL);
        s2.intoArray(c, c0 + 2 * FL);
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        // B(p, j) = b[j*k + p]: packing reads each row of b once per panel, an n·k copy against
        // the m·n·k multiply-adds, and turns the product into the same register tiles as gemm.
        panelProduct(a, k, 1, b, true, c, k, n, accumulate, rowFrom, rowTo);
    }

    /**
     * Packs B(p0 .. p0+depth-1, j0 .. j0+width-1) of a B stored transposed (n×k row-major) into
     * {@code panel}, row p at {@code p*stride}, zero beyond {@code width}.
     */
    private static void packTransposed(float[] b, int k, int p0, int depth, int j0, int width, int stride, float[] panel) {
        for (int j = 0; j < width; j++) {
            int from = (j0 + j) * k + p0;
            for (int p = 0, q = j; p < depth; p++, q += stride) {
                panel[q] = b[from + p];
            }
        }
        for (int j = width; j < stride; j++) {
            for (int p = 0, q = j; p < depth; p++, q += stride) {
                panel[q] = 0f;
            }
        }
    }

    /** Per-thread buffers for the packed panels of B, grown on demand and reused. */
    private static final class Scratch {
        private float[] panel = new float[0];
        /** C's rows for the narrow last panel: {@link #MR} rows of two vectors. */
        final float[] tile = new float[MR * 2 * FL];
        /** t, the erfc exponent and the density exponent of a chunk of GELU. */
        final float[] t = new float[CHUNK];
        final float[] tail = new float[CHUNK];
        final float[] density = new float[CHUNK];

        float[] panel(int size) {
            if (panel.length < size) {
                panel = new float[size];
            }
            return panel;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * In chunks of {@link #CHUNK}, as GELU: one loop writes −2|x| to the scratch, {@link #exp}
     * exponentiates it in place, and a last loop evaluates both branches of {@link Tanh} and keeps
     * one per lane.
     */
    @Override
    public void tanh(float[] x, int xOffset, float[] y, int yOffset, int n) {
        int bound = FS.loopBound(n);
        float[] e = SCRATCH.get().tail;
        for (int from = 0; from < bound; from += CHUNK) {
            int length = Math.min(CHUNK, bound - from);
            for (int j = 0; j < length; j += FL) {
                FloatVector.fromArray(FS, x, xOffset + from + j).abs().mul(-2f).intoArray(e, j);
            }
            exp(e, length);
            tanhCombine(x, xOffset + from, y, yOffset + from, e, length);
        }
        for (int i = bound; i < n; i++) {
            y[yOffset + i] = Tanh.value(x[xOffset + i]);
        }
    }

    private static void tanhCombine(float[] x, int xOffset, float[] y, int yOffset, float[] e, int length) {
        float[] q = Tanh.Q;
        FloatVector one = FloatVector.broadcast(FS, 1f);
        for (int j = 0; j < length; j += FL) {
            FloatVector v = FloatVector.fromArray(FS, x, xOffset + j);
            FloatVector a = v.abs();
            FloatVector s = a.mul(a);
            FloatVector poly = s.fma(q[4], q[3]).fma(s, FloatVector.broadcast(FS, q[2]))
                    .fma(s, FloatVector.broadcast(FS, q[1])).fma(s, FloatVector.broadcast(FS, q[0]));
            FloatVector series = a.mul(s).fma(poly, a);
            FloatVector ej = FloatVector.fromArray(FS, e, j);
            FloatVector t = one.sub(ej).div(one.add(ej)).blend(series, a.lt(Tanh.SERIES_LIMIT));
            // Math.copySign: t ≥ 0, so OR-ing in x's sign bit gives it x's sign.
            IntVector sign = v.reinterpretAsInts().and(Integer.MIN_VALUE);
            t.reinterpretAsInts().or(sign).reinterpretAsFloats().intoArray(y, yOffset + j);
        }
    }

    @Override
    public void gelu(float[] x, float[] y, int n) {
        int bound = FS.loopBound(n);
        geluLanes(x, null, y, bound, false, false);
        for (int i = bound; i < n; i++) {
            y[i] = Gelu.value(x[i]);
        }
    }

    @Override
    public void geluBackward(float[] x, float[] dy, float[] dx, int n, boolean accumulate) {
        int bound = FS.loopBound(n);
        geluLanes(x, dy, dx, bound, true, accumulate);
        for (int i = bound; i < n; i++) {
            float g = dy[i] * Gelu.derivative(x[i]);
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }

    /**
     * GELU ({@code backward} false) or {@code dy·GELU'} for the first {@code bound} elements, a
     * multiple of the lane count, by the formula of {@link Gelu}, in chunks of {@link #CHUNK}:
     * one loop writes the arguments of exp and the factor t of erfc, {@link #exp} exponentiates
     * them in place, and a last loop combines. No vector lives across a call: JDK 17 boxes
     * vectors that are live across, passed to or returned from a call it does not inline, which
     * cost hundreds of KB per training step. For the same reason each branch ends in its own
     * store instead of merging vectors.
     */
    private static void geluLanes(float[] x, float[] dy, float[] out, int bound, boolean backward, boolean accumulate) {
        Scratch scratch = SCRATCH.get();
        for (int from = 0; from < bound; from += CHUNK) {
            int to = Math.min(bound, from + CHUNK);
            erfcArguments(x, from, to, scratch.t, scratch.tail);
            exp(scratch.tail, to - from);
            if (backward) {
                densityArguments(x, from, to, scratch.density);
                exp(scratch.density, to - from);
            }
            geluCombine(x, dy, out, from, to, scratch, backward, accumulate);
        }
    }

    /** For x[from .. to): t = 1/(1 + z/2) and the exponent −z² + P(t) of erfc(z), z = |x|/√2. */
    private static void erfcArguments(float[] x, int from, int to, float[] tOut, float[] argOut) {
        float[] c = Gelu.P;
        FloatVector one = FloatVector.broadcast(FS, 1f);
        for (int i = from, j = 0; i < to; i += FL, j += FL) {
            FloatVector z = FloatVector.fromArray(FS, x, i).abs().mul(Gelu.INV_SQRT2);
            FloatVector t = one.div(z.fma(0.5f, 1f));
            // Horner's rule written out: a loop over the coefficients would carry a vector
            // through an inner loop, which JDK 17 boxes.
            FloatVector poly = t.fma(c[9], c[8]).fma(t, FloatVector.broadcast(FS, c[7]))
                    .fma(t, FloatVector.broadcast(FS, c[6])).fma(t, FloatVector.broadcast(FS, c[5]))
                    .fma(t, FloatVector.broadcast(FS, c[4])).fma(t, FloatVector.broadcast(FS, c[3]))
                    .fma(t, FloatVector.broadcast(FS, c[2])).fma(t, FloatVector.broadcast(FS, c[1]))
                    .fma(t, FloatVector.broadcast(FS, c[0]));
            t.intoArray(tOut, j);
            z.mul(z).neg().add(poly).intoArray(argOut, j);
        }
    }

    /** For x[from .. to): the exponent −x²/2 of the normal density. */
    private static void densityArguments(float[] x, int from, int to, float[] argOut) {
        for (int i = from, j = 0; i < to; i += FL, j += FL) {
            FloatVector v = FloatVector.fromArray(FS, x, i);
            v.mul(-0.5f).mul(v).intoArray(argOut, j);
        }
    }

    /** GELU or dy·GELU' for x[from .. to) from the exponentials in {@code scratch}. */
    private static void geluCombine(float[] x, float[] dy, float[] out, int from, int to, Scratch scratch,
                                    boolean backward, boolean accumulate) {
        FloatVector one = FloatVector.broadcast(FS, 1f);
        for (int i = from, j = 0; i < to; i += FL, j += FL) {
            FloatVector v = FloatVector.fromArray(FS, x, i);
            FloatVector half = FloatVector.fromArray(FS, scratch.t, j).mul(FloatVector.fromArray(FS, scratch.tail, j)).mul(0.5f);
            FloatVector cdf = one.sub(half).blend(half, v.lt(0f));
            if (!backward) {
                v.mul(cdf).intoArray(out, i);
            } else {
                FloatVector density = FloatVector.fromArray(FS, scratch.density, j).mul(Gelu.INV_SQRT_2PI);
                FloatVector g = v.fma(density, cdf).mul(FloatVector.fromArray(FS, dy, i));
                if (accumulate) {
                    g.add(FloatVector.fromArray(FS, out, i)).intoArray(out, i);
                } else {
                    g.intoArray(out, i);
                }
            }
        }
    }

    /**
     * {@link Gelu#exp} of {@code values[0 .. n)}, n a multiple of the lane count, in place, with
     * the same operations in the same order as the scalar formula, so both kernels give the same
     * bits.
     */
    private static void exp(float[] values, int n) {
        float[] e = Gelu.E;
        for (int i = 0; i < n; i += FL) {
            FloatVector a = FloatVector.fromArray(FS, values, i).max(Gelu.EXP_MIN);
            FloatVector shifted = a.mul(Gelu.LOG2E).add(Gelu.ROUNDER);
            FloatVector k = shifted.sub(Gelu.ROUNDER);
            FloatVector r = k.fma(FloatVector.broadcast(FS, -Gelu.LN2_HI), a);
            r = k.fma(FloatVector.broadcast(FS, -Gelu.LN2_LO), r);
            FloatVector p = r.fma(e[5], e[4]).fma(r, FloatVector.broadcast(FS, e[3])).fma(r, FloatVector.broadcast(FS, e[2]))
                    .fma(r, FloatVector.broadcast(FS, e[1])).fma(r, FloatVector.broadcast(FS, e[0]))
                    .fma(r, FloatVector.broadcast(FS, 1f)).fma(r, FloatVector.broadcast(FS, 1f));
            // The low bits of 1.5·2^23 + k hold the integer k: 2^k is built from them, since a
            // float-to-int conversion is not compiled to an instruction by JDK 17 (it allocates).
            IntVector exponent = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(Gelu.ROUNDER) - 127);
            p.mul(exponent.lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()).intoArray(values, i);
        }
    }
}
