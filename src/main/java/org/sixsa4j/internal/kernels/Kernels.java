package org.sixsa4j.internal.kernels;

/**
 * The hot loops of sixsa4j behind one narrow interface, with a scalar implementation that is
 * always present and a Vector API one chosen at start-up when the JVM can run it well.
 *
 * <p>The choice follows Lucene's vectorization package: the Vector API implementation is used
 * only when the {@code jdk.incubator.vector} module is in the boot layer, the C2 compiler is
 * on and the preferred vector holds at least two doubles. The system property
 * {@code sixsa4j.kernels} overrides it with {@code scalar} or {@code vector}. When it falls back
 * to scalar it logs one line saying why.
 *
 * <p>Implementations are stateless and thread-safe. Array arguments named {@code y},
 * {@code out}, {@code c} or {@code dx} are written; all others are read only.
 *
 * <p>The float matrix products take dense row-major arrays without offsets, as
 * {@code org.ejml.data.FMatrixRMaj} stores them, and compute only the rows
 * {@code rowFrom <= i < rowTo} of the product, so that a caller can share the rows of one
 * product among threads. Each row of the result is computed by the same sequence of operations
 * whatever the range it is part of, so a split over threads does not change the result. With
 * {@code accumulate} false those rows of {@code c} are overwritten, otherwise the product is
 * added to them; rows outside the range are not touched.
 */
public interface Kernels {

    /** The implementation selected for this JVM. */
    static Kernels get() {
        return KernelSelection.SELECTED;
    }

    /** The scalar implementation, whatever the selection; a baseline for tests and benchmarks. */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** {@code "vector"} or {@code "scalar"}. */
    String name();

    /**
     * Multiplies a segmented matrix by a batch of vectors: for every vector {@code s < batch} and
     * row {@code r}, {@code y[yOffset + s*yStride + r] = sum_c A[r][c] * x[xOffset + s*xStride + c]}.
     *
     * @param a the matrix
     * @param x the input vectors, one after another with stride {@code xStride}
     * @param y the output, overwritten for rows {@code 0 .. a.rows()-1} of each vector
     */
    void multiply(SegmentedMatrix a, double[] x, int xOffset, int xStride,
                  double[] y, int yOffset, int yStride, int batch);

    /**
     * {@code y[yOffset + i] = exp(x[xOffset + i])} for {@code i < n}; {@code x} and {@code y}
     * may be the same array. The Vector API implementation agrees with {@link Math#exp} to one
     * unit in the last place and, like the scalar one, gives the same bits on every call, before
     * and after the JIT compiles it.
     */
    void exp(double[] x, int xOffset, double[] y, int yOffset, int n);

    /**
     * {@code y[yOffset + i] = expm1(x[xOffset + i]) = exp(x) − 1}, accurate near 0, for
     * {@code i < n}; {@code x} and {@code y} may be the same array. The Vector API implementation
     * agrees with {@link Math#expm1} to a few units in the last place and gives the same bits
     * on every call, before and after the JIT compiles it.
     */
    void expm1(double[] x, int xOffset, double[] y, int yOffset, int n);

    /**
     * {@code C = A·B} (or {@code C += A·B}) for rows {@code [rowFrom, rowTo)} of {@code C}, with
     * {@code A} m×k, {@code B} k×n and {@code C} m×n.
     */
    void gemm(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo);

    /**
     * {@code C = A·Bᵀ} (or {@code C += A·Bᵀ}) for rows {@code [rowFrom, rowTo)} of {@code C},
     * with {@code A} m×k, {@code B} n×k (the out×in layout of a linear layer's weight) and
     * {@code C} m×n.
     */
    void gemmTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo);

    /**
     * {@code C = Aᵀ·B} (or {@code C += Aᵀ·B}) for rows {@code [rowFrom, rowTo)} of {@code C},
     * with {@code A} k×m, {@code B} k×n and {@code C} m×n: the weight gradient of a linear layer.
     */
    void gemmTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate, int rowFrom, int rowTo);

    /**
     * {@code y[yOffset + i] = tanh(x[xOffset + i])} for {@code i < n}, within two float ulp;
     * {@code x} and {@code y} may be the same array. Both implementations give the same bits.
     */
    void tanh(float[] x, int xOffset, float[] y, int yOffset, int n);

    /**
     * {@code y[i] = GELU(x[i]) = x Φ(x)} for {@code i < n}, with Φ the standard normal
     * distribution function (the exact form, not the tanh approximation); {@code x} and
     * {@code y} may be the same array. The error is at most {@code 1e-6·max(1, |x|)}.
     */
    void gelu(float[] x, float[] y, int n);

    /**
     * {@code dx[i] = dy[i]·GELU'(x[i])} (or {@code +=} when {@code accumulate}) for
     * {@code i < n}, where {@code GELU'(x) = Φ(x) + x φ(x)}; {@code dx} may be {@code dy}.
     */
    void geluBackward(float[] x, float[] dy, float[] dx, int n, boolean accumulate);
}
