package org.sixsa4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float functions against fdlibm's double results, to one float ulp, over many decades. */
class FloatFunctionsTest {

    /** x = ±10^u, u uniform over the decades that matter, and a few exact points. */
    private static float argument(SplittableRandom random, double lowDecade, double highDecade) {
        double magnitude = Math.pow(10, lowDecade + (highDecade - lowDecade) * random.nextDouble());
        return (float) (random.nextBoolean() ? magnitude : -magnitude);
    }

    private static void assertWithinOneUlp(double exact, float actual, String what) {
        assertEquals(exact, actual, Math.ulp((float) exact), what);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void expm1MatchesFdlibm(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            float x = argument(random, -12, 1.9);
            assertWithinOneUlp(Math.expm1(x), FloatFunctions.expm1(x), "expm1(" + x + "), seed " + seed);
        }
        assertEquals(0f, FloatFunctions.expm1(0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatFunctions.expm1(100f));
        assertEquals(-1f, FloatFunctions.expm1(-100f));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void log1pMatchesFdlibm(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            float x = argument(random, -12, 30);
            if (x <= -1) {
                x = -x;
            }
            assertWithinOneUlp(Math.log1p(x), FloatFunctions.log1p(x), "log1p(" + x + "), seed " + seed);
        }
        for (float x = -0.999f; x < 0; x += 0.001f) {
            assertWithinOneUlp(Math.log1p(x), FloatFunctions.log1p(x), "log1p(" + x + ")");
        }
        assertEquals(Float.NEGATIVE_INFINITY, FloatFunctions.log1p(-1f));
        assertEquals(Float.NaN, FloatFunctions.log1p(-2f));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void softplusTailMatchesFdlibm(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            double e = Math.pow(10, -40 * random.nextDouble());
            // e is a double here, so 1 + e is rounded: a relative 1e-16/e, far below float's 6e-8.
            assertEquals(Math.log1p(e), FloatFunctions.log1pOfSmall(e), 1e-11 * Math.log1p(e), "ln(1 + " + e + ")");
        }
    }
}
