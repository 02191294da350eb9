package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BrentRootTest {
    /** The Dottie number, the root of cos x = x, to 16 digits (OEIS A003957). */
    private static final double DOTTIE = 0.7390851332151607;

    @Test
    void findsASmoothRootSuperlinearly() {
        AtomicInteger calls = new AtomicInteger();
        double root = BrentRoot.find(x -> {
            calls.incrementAndGet();
            return Math.cos(x) - x;
        }, 0, 1, 1, Math.cos(1) - 1, 1e-15, 0);
        assertEquals(DOTTIE, root, 2e-15);
        // Bisection alone would need 50 halvings to reach 1e-15.
        assertTrue(calls.get() <= 12, calls.get() + " evaluations");
    }

    @Test
    void handlesAnInfiniteEnd() {
        // Undefined (+∞) from 2 on, as a profile can be where the model is.
        double root = BrentRoot.find(x -> x >= 2 ? Double.POSITIVE_INFINITY : x * x - 2, 0, -2, 3, Double.POSITIVE_INFINITY, 1e-13, 0);
        assertEquals(Math.sqrt(2), root, 1e-12);
    }

    @Test
    void stopsAtTheValueTolerance() {
        double root = BrentRoot.find(x -> x - 0.3, 0, -0.3, 1, 0.7, 0, 1e-3);
        assertTrue(Math.abs(root - 0.3) <= 1e-3, "root " + root);
    }

    @Test
    void aStepFunctionFallsBackToBisection() {
        AtomicInteger calls = new AtomicInteger();
        double root = BrentRoot.find(x -> {
            calls.incrementAndGet();
            return x < 0.123456 ? -1 : 1;
        }, 0, -1, 1, 1, 1e-9, 0);
        assertEquals(0.123456, root, 1e-9);
        assertTrue(calls.get() <= 2 * 30 + 5, calls.get() + " evaluations");
    }
}
