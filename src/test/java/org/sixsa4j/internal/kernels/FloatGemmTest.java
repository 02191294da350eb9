package org.sixsa4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three float matrix products of {@link Kernels} against a double-precision reference, for
 * both implementations, on random shapes that straddle every tile and vector width (1..67 in
 * each dimension, plus a few large ones), random row ranges and both accumulate modes.
 */
class FloatGemmTest {

    enum Product { PLAIN, TRANS_A, TRANS_B }

    /** Both implementations: the scalar one, and the Vector API one when its module is loaded. */
    static List<Kernels> implementations() {
        List<Kernels> all = new ArrayList<>();
        all.add(Kernels.scalar());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            all.add(new VectorKernels());
        }
        return all;
    }

    static Stream<Arguments> smallCases() {
        return implementations().stream().flatMap(kernels -> LongStream.rangeClosed(1, 60)
                .mapToObj(seed -> Arguments.of(kernels, Product.values()[(int) (seed % 3)], seed)));
    }

    static Stream<Arguments> largeCases() {
        return implementations().stream().flatMap(kernels -> Stream.of(Product.values())
                .flatMap(product -> LongStream.rangeClosed(101, 102).mapToObj(seed -> Arguments.of(kernels, product, seed))));
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("smallCases")
    void smallShapesMatchDoubleArithmetic(Kernels kernels, Product product, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        check(kernels, product, rng, 1 + rng.nextInt(67), 1 + rng.nextInt(67), 1 + rng.nextInt(67), seed);
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("largeCases")
    void largeShapesMatchDoubleArithmetic(Kernels kernels, Product product, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        check(kernels, product, rng, 100 + rng.nextInt(160), 300 + rng.nextInt(700), 100 + rng.nextInt(400), seed);
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("smallCases")
    void splittingTheRowsDoesNotChangeABit(Kernels kernels, Product product, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1000);
        int m = 2 + rng.nextInt(66);
        int k = 1 + rng.nextInt(200);
        int n = 1 + rng.nextInt(100);
        float[] a = random(rng, m * k);
        float[] b = random(rng, k * n);
        float[] whole = new float[m * n];
        float[] pieces = new float[m * n];
        run(kernels, product, a, b, whole, m, k, n, false, 0, m);
        int cut = 1 + rng.nextInt(m - 1);
        run(kernels, product, a, b, pieces, m, k, n, false, cut, m);
        run(kernels, product, a, b, pieces, m, k, n, false, 0, cut);
        assertArrayEquals(whole, pieces, "rows split at " + cut);
    }

    /**
     * Depth 1 on a fresh thread, whose scratch for B is then exactly one panel long: every
     * narrow last panel, one row at a time or four, must read only inside it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void narrowLastPanelsOfDepthOneReadOnlyTheirPanel(Kernels kernels) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread fresh = new Thread(() -> {
            try {
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
                for (int n = 1; n <= 100; n++) {
                    for (int m = 1; m <= 5; m++) {
                        for (Product product : Product.values()) {
                            check(kernels, product, rng, m, 1, n, n);
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        fresh.start();
        fresh.join();
        if (failure.get() != null) {
            throw new AssertionError("depth 1 on a fresh thread", failure.get());
        }
    }

    private static void check(Kernels kernels, Product product, UniformRandomProvider rng, int m, int k, int n, long seed) {
        float[] a = random(rng, m * k);
        float[] b = random(rng, k * n);
        float[] c = random(rng, m * n);
        float[] before = c.clone();
        int rowFrom = rng.nextInt(m);
        int rowTo = rowFrom + 1 + rng.nextInt(m - rowFrom);
        boolean accumulate = rng.nextBoolean();
        run(kernels, product, a, b, c, m, k, n, accumulate, rowFrom, rowTo);
        // Entries lie in [-1, 1], so sqrt(k) is the typical size of a rounding error's random walk.
        double tolerance = 1e-5 * Math.sqrt(k);
        String where = product + " " + m + "x" + k + "x" + n + " rows " + rowFrom + ".." + rowTo
                + (accumulate ? " accumulate" : "") + " seed " + seed;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (i < rowFrom || i >= rowTo) {
                    assertEquals(before[i * n + j], c[i * n + j], "untouched row " + i + ", " + where);
                    continue;
                }
                double sum = accumulate ? before[i * n + j] : 0.0;
                for (int p = 0; p < k; p++) {
                    sum += (double) aEntry(product, a, m, k, i, p) * bEntry(product, b, k, n, p, j);
                }
                assertEquals(sum, c[i * n + j], tolerance, "C[" + i + "][" + j + "], " + where);
            }
        }
    }

    /** A(i, p) of the product, whatever layout the product reads A in. */
    private static float aEntry(Product product, float[] a, int m, int k, int i, int p) {
        return product == Product.TRANS_A ? a[p * m + i] : a[i * k + p];
    }

    /** B(p, j) of the product, whatever layout the product reads B in. */
    private static float bEntry(Product product, float[] b, int k, int n, int p, int j) {
        return product == Product.TRANS_B ? b[j * k + p] : b[p * n + j];
    }

    private static void run(Kernels kernels, Product product, float[] a, float[] b, float[] c,
                            int m, int k, int n, boolean accumulate, int rowFrom, int rowTo) {
        switch (product) {
            case PLAIN -> kernels.gemm(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            case TRANS_A -> kernels.gemmTransA(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            case TRANS_B -> kernels.gemmTransB(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
        }
    }

    private static float[] random(UniformRandomProvider rng, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = 2 * rng.nextFloat() - 1;
        }
        return v;
    }
}
