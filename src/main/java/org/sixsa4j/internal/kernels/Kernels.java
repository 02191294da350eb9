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
 * <p>Implementations are stateless and thread-safe. Array arguments named {@code y} or
 * {@code out} are written; all others are read only.
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
     * unit in the last place.
     */
    void exp(double[] x, int xOffset, double[] y, int yOffset, int n);

    /**
     * {@code y[yOffset + i] = expm1(x[xOffset + i]) = exp(x) − 1}, accurate near 0, for
     * {@code i < n}; {@code x} and {@code y} may be the same array. The Vector API implementation
     * agrees with {@link Math#expm1} to a few units in the last place.
     */
    void expm1(double[] x, int xOffset, double[] y, int yOffset, int n);
}
