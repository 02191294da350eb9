package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sixsa4j.sample.fit.ConfidenceInterval.Limit;

/**
 * f(x, y) = 10 (x − 1)² + 5 (x − 1) y + (y² − 1)² + 0.3 y: for fixed x a double well in y tilted
 * by t = 0.3 + 5 (x − 1), with two minima while |t| < 8 / √27 ≈ 1.54. A fit started at (1, 1)
 * stops in the upper well, near x = 0.72; the upper interval search on x steps to x ≈ 1.3, where
 * the upper well has gone, so the re-fit of y falls into the lower one, below the fit's minimum.
 *
 * <p>The global minimum, for the check: for fixed y, f is least at x − 1 = −y/4, leaving
 * g(y) = (y² − 1)² + 0.3 y − 0.625 y², whose lower well is found here by golden-section search.
 */
class NewMinimumTest {
    private static final Objective F = t -> {
        double a = t[0] - 1;
        double w = t[1] * t[1] - 1;
        return 10 * a * a + 5 * a * t[1] + w * w + 0.3 * t[1];
    };

    private static double reduced(double y) {
        double w = y * y - 1;
        return w * w + 0.3 * y - 0.625 * y * y;
    }

    /** The minimum of the reduced function in its lower well, y in [−2, 0]. */
    private static double lowerWell() {
        double lo = -2;
        double hi = 0;
        double ratio = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-12) {
            double a = hi - ratio * (hi - lo);
            double b = lo + ratio * (hi - lo);
            if (reduced(a) < reduced(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void intervalSearchReportsAndRefitsFromABetterMinimum() {
        Fitter fitter = Fitter.minimizing(F, Bounds.of(new double[] {-5, -5}, new double[] {5, 5})).build();
        FitResult local = fitter.fit(new double[] {1, 1});
        assertTrue(local.parameters()[1] > 0, "the premise: the fit stops in the upper well");
        FitResult fit = fitter.intervals(local, 2.706, 0, 1);
        double y = lowerWell();
        assertTrue(fit.newMinima() >= 1, "a new minimum should have been found");
        assertEquals(y, fit.parameters()[1], 1e-5);
        assertEquals(1 - y / 4, fit.parameters()[0], 1e-5);
        assertEquals(reduced(y), fit.statistic(), 1e-9);
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        for (ConfidenceInterval ci : fit.intervals()) {
            assertEquals(Limit.FOUND, ci.lowerLimit(), ci.toString());
            assertEquals(Limit.FOUND, ci.upperLimit(), ci.toString());
            assertEquals(fit.parameters()[ci.parameter()], ci.best());
        }
        assertTrue(fit.toString().contains("new minimum"), fit.toString());
    }
}
