package org.sixsa4j.autodiff;

import org.sixsa4j.internal.kernels.Kernels;

/**
 * The three float matrix products of a tape (A·B, A·Bᵀ, Aᵀ·B) through {@link Kernels}, with the
 * output rows of large products split into fixed chunks that {@link RowParallel} spreads over
 * the tape's threads.
 *
 * <p>There is one chunk per thread. The kernels compute every row of a product by the same
 * operations whatever row range it falls in (the {@link Kernels} contract, tested bit for bit
 * there), so the products are identical for any number of threads. Fewer, larger chunks also
 * matter for speed: each call packs the whole of B, which for the 256-row batches of training
 * costs as much as a third of the product, so it should happen once per thread, not more.
 */
final class MatrixProducts implements AutoCloseable, RowParallel.RowTask {

    /** Below this many multiply-adds a product is one chunk: waking a thread costs ~10 µs. */
    static final long PARALLEL_WORK = 1L << 22;
    /** Chunks start on multiples of 8 rows and hold at least 16. */
    private static final int ALIGN = 8;
    private static final int MIN_CHUNK_ROWS = 16;

    private enum Kind { AB, ABT, ATB }

    private final Kernels kernels = Kernels.get();
    private final RowParallel parallel;
    private final int[] bounds;

    // The product in flight, read by run(); one product at a time per tape.
    private Kind kind;
    private float[] a;
    private float[] b;
    private float[] c;
    private int m;
    private int k;
    private int n;
    private boolean accumulate;

    MatrixProducts(int threads) {
        parallel = new RowParallel(threads);
        bounds = new int[threads + 1];
    }

    int threads() {
        return parallel.threads();
    }

    /** C (+)= A·B with A m×k, B k×n, C m×n. */
    void ab(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        start(Kind.AB, a, b, c, m, k, n, accumulate);
    }

    /** C (+)= A·Bᵀ with A m×k, B n×k, C m×n. */
    void abt(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        start(Kind.ABT, a, b, c, m, k, n, accumulate);
    }

    /** C (+)= Aᵀ·B with A k×m, B k×n, C m×n. */
    void atb(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        start(Kind.ATB, a, b, c, m, k, n, accumulate);
    }

    private void start(Kind kind, float[] a, float[] b, float[] c, int m, int k, int n,
                       boolean accumulate) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.m = m;
        this.k = k;
        this.n = n;
        this.accumulate = accumulate;
        int chunks = chunkBounds(m, (long) m * k * n, parallel.threads(), bounds);
        parallel.run(this, bounds, chunks);
        this.a = null;
        this.b = null;
        this.c = null;
    }

    /**
     * Fills {@code bounds[0..chunks]} for {@code rows} output rows shared by {@code threads}
     * threads and returns {@code chunks}.
     */
    static int chunkBounds(int rows, long work, int threads, int[] bounds) {
        int chunks = work < PARALLEL_WORK ? 1 : Math.max(1, Math.min(threads, rows / MIN_CHUNK_ROWS));
        int size = (rows + chunks - 1) / chunks;
        size = (size + ALIGN - 1) / ALIGN * ALIGN;
        bounds[0] = 0;
        int used = 0;
        for (int ch = 1; ch <= chunks; ch++) {
            bounds[ch] = Math.min(rows, bounds[ch - 1] + size);
            if (bounds[ch] > bounds[ch - 1]) {
                used = ch;
            }
        }
        return used == 0 ? 1 : used;
    }

    @Override
    public void run(int rowFrom, int rowTo) {
        switch (kind) {
            case AB -> kernels.gemm(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            case ABT -> kernels.gemmTransB(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            case ATB -> kernels.gemmTransA(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
        }
    }

    @Override
    public void close() {
        parallel.close();
    }
}
