package org.sixsa4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GELU and its derivative, both implementations, against {@code x Φ(x)} computed in double with
 * Commons Numbers' {@link Erfc}, to the documented {@code 1e-6·max(1, |x|)}.
 */
class GeluKernelTest {

    static Stream<Kernels> implementations() {
        return FloatGemmTest.implementations().stream();
    }

    /** A grid over [-10, 10] in steps of 1/128, then random points out to ±1e4, then special values. */
    private static float[] arguments(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int grid = 20 * 128 + 1;
        int random = 997;
        float[] x = new float[grid + random + 4];
        for (int i = 0; i < grid; i++) {
            x[i] = -10f + i / 128f;
        }
        for (int i = 0; i < random; i++) {
            // Log-uniform magnitudes from 1e-8 to 1e4, either sign.
            x[grid + i] = (float) ((rng.nextBoolean() ? 1 : -1) * Math.pow(10, -8 + 12 * rng.nextDouble()));
        }
        x[grid + random] = 0f;
        x[grid + random + 1] = -0f;
        x[grid + random + 2] = Float.MIN_VALUE;
        x[grid + random + 3] = -40f;
        return x;
    }

    private static double cdf(double x) {
        return 0.5 * Erfc.value(-x / Math.sqrt(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void geluMatchesTheExactFunction(Kernels kernels) {
        float[] x = arguments(5);
        float[] y = new float[x.length];
        kernels.gelu(x, y, x.length);
        for (int i = 0; i < x.length; i++) {
            double want = x[i] * cdf(x[i]);
            assertEquals(want, y[i], 1e-6 * Math.max(1, Math.abs(x[i])), "x = " + x[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void geluBackwardMatchesTheAnalyticDerivativeAndAccumulates(Kernels kernels) {
        float[] x = arguments(6);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        float[] dy = new float[x.length];
        float[] start = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            dy[i] = 4 * rng.nextFloat() - 2;
            start[i] = rng.nextFloat();
        }
        float[] dx = start.clone();
        kernels.geluBackward(x, dy, dx, x.length, false);
        float[] summed = start.clone();
        kernels.geluBackward(x, dy, summed, x.length, true);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double derivative = cdf(xi) + xi * Math.exp(-0.5 * xi * xi) / Math.sqrt(2 * Math.PI);
            double want = dy[i] * derivative;
            double tolerance = 1e-6 * Math.max(1, Math.abs(xi));
            assertEquals(want, dx[i], tolerance, "x = " + x[i]);
            assertEquals(start[i] + want, summed[i], tolerance, "accumulated, x = " + x[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void inPlaceAndOddLengthsTouchExactlyTheFirstN(Kernels kernels) {
        float[] x = arguments(8);
        for (int n : new int[] {0, 1, 7, 17, 33, 100}) {
            float[] y = x.clone();
            kernels.gelu(y, y, n);
            float[] d = x.clone();
            kernels.geluBackward(x, d, d, n, false);
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                if (i < n) {
                    assertEquals(xi * cdf(xi), y[i], 1e-6 * Math.max(1, Math.abs(xi)), "n " + n + " x = " + xi);
                } else {
                    assertEquals(x[i], y[i], "n " + n + " index " + i + " untouched");
                    assertEquals(x[i], d[i], "n " + n + " index " + i + " untouched");
                }
            }
        }
    }

    /**
     * Both kernels evaluate the same operations in the same order, exp included, so they agree
     * bit for bit: a run gives the same numbers on either path, compiled or interpreted.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void vectorAndScalarAgreeBitForBit(long seed) {
        float[] x = arguments(seed);
        float[] dy = arguments(seed + 100);
        float[] scalar = new float[x.length];
        float[] scalarGrad = new float[x.length];
        Kernels.scalar().gelu(x, scalar, x.length);
        Kernels.scalar().geluBackward(x, dy, scalarGrad, x.length, false);
        for (Kernels kernels : FloatGemmTest.implementations()) {
            float[] y = new float[x.length];
            float[] grad = new float[x.length];
            kernels.gelu(x, y, x.length);
            kernels.geluBackward(x, dy, grad, x.length, false);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(y[i]), kernels.name() + " GELU at x = " + x[i]);
                assertEquals(Float.floatToIntBits(scalarGrad[i]), Float.floatToIntBits(grad[i]), kernels.name() + " GELU' at x = " + x[i]);
            }
        }
    }

    /** Our exp against Math.exp over the whole range GELU uses, to 3 float ulp. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void expIsAccurateToAFewUlp(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) (-87 * random.nextDouble());
            double exact = Math.exp(x);
            assertEquals(exact, Gelu.exp(x), 3 * Math.ulp((float) exact), "exp(" + x + ")");
        }
        assertEquals((float) Math.exp(-87), Gelu.exp(-1000f), "clamped below");
        assertEquals(1f, Gelu.exp(0f));
    }

    static Stream<Long> seeds() {
        return Stream.of(11L, 12L, 13L);
    }
}
