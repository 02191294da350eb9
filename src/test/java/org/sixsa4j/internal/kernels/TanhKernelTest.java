package org.sixsa4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** tanh, both implementations, against fdlibm's {@link Math#tanh} to the documented two float ulp. */
class TanhKernelTest {
    private static final int LOG_UNIFORM = 20_000;

    static Stream<Kernels> implementations() {
        return FloatGemmTest.implementations().stream();
    }

    /** A grid over [-10, 10] in steps of 1/256, log-uniform magnitudes from 1e-12 to 1e3, and special values. */
    private static float[] arguments(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int grid = grid();
        int logUniform = LOG_UNIFORM;
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Tanh.SERIES_LIMIT, -Tanh.SERIES_LIMIT,
            Math.nextDown(Tanh.SERIES_LIMIT), 50f, -50f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] x = new float[grid + logUniform + special.length];
        for (int i = 0; i < grid; i++) {
            x[i] = -10f + i / 256f;
        }
        for (int i = 0; i < logUniform; i++) {
            x[grid + i] = (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, -12 + 15 * random.nextDouble()));
        }
        System.arraycopy(special, 0, x, grid + logUniform, special.length);
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void tanhIsWithinTwoUlpOfFdlibm(Kernels kernels) {
        float[] x = arguments(1);
        float[] y = new float[x.length];
        kernels.tanh(x, 0, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double exact = Math.tanh(x[i]);
            assertEquals(exact, y[i], 2 * Math.ulp((float) exact), "tanh(" + x[i] + ")");
        }
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(y[grid() + LOG_UNIFORM + 1]), "tanh(-0) = -0");
    }

    /** Points of the grid over [-10, 10]. */
    private static int grid() {
        return 20 * 256 + 1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void offsetsAndOddLengthsTouchExactlyTheirRange(Kernels kernels) {
        float[] x = arguments(2);
        for (int n : new int[] {0, 1, 15, 17, 100, 1031}) {
            float[] y = x.clone();
            kernels.tanh(x, 7, y, 3, n);
            for (int i = 0; i < x.length; i++) {
                if (i >= 3 && i < 3 + n) {
                    assertEquals(Float.floatToIntBits(Tanh.value(x[i + 4])), Float.floatToIntBits(y[i]), "n " + n + " index " + i);
                } else {
                    assertEquals(x[i], y[i], "n " + n + " index " + i + " untouched");
                }
            }
            float[] inPlace = x.clone();
            kernels.tanh(inPlace, 5, inPlace, 5, n);
            for (int i = 5; i < 5 + n; i++) {
                assertEquals(Float.floatToIntBits(Tanh.value(x[i])), Float.floatToIntBits(inPlace[i]), "in place, n " + n);
            }
        }
    }

    /** The vector kernel keeps, lane by lane, the branch the scalar formula takes, with the same operations. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 4, 5})
    void vectorAndScalarAgreeBitForBit(long seed) {
        float[] x = arguments(seed);
        float[] scalar = new float[x.length];
        Kernels.scalar().tanh(x, 0, scalar, 0, x.length);
        for (Kernels kernels : FloatGemmTest.implementations()) {
            float[] y = new float[x.length];
            kernels.tanh(x, 0, y, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(y[i]), kernels.name() + " tanh(" + x[i] + ")");
            }
        }
    }
}
