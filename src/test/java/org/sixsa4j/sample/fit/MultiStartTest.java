package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Priors;

/**
 * A tilted double well, f(x, y) = (x² − 4)² + 2x + y². Its stationary points have y = 0 and x a
 * root of x³ − 4x + 1/2 = 0, which the trigonometric solution of the cubic gives in closed form:
 * the global minimum near x = −2.06 and a local one near x = +1.93, separated by a maximum near
 * x = 0.13.
 */
class MultiStartTest {
    private static final Objective WELLS = t -> {
        double w = t[0] * t[0] - 4;
        return w * w + 2 * t[0] + t[1] * t[1];
    };
    private static final Bounds BOX = Bounds.of(new double[] {-4, -4}, new double[] {4, 4});
    private static final JointPrior PRIOR = JointPrior.of(List.of("x", "y"), List.of(Priors.uniform(-4, 4), Priors.uniform(-4, 4)));
    private static final long SEED = 77L;
    private static final int DRAWS = 8;

    /** Root k of t³ + p t + q = 0 with three real roots (Viète). */
    private static double cubicRoot(int k) {
        double p = -4;
        double q = 0.5;
        double angle = Math.acos(3 * q / (2 * p) * Math.sqrt(-3 / p)) / 3 - 2 * Math.PI * k / 3;
        return 2 * Math.sqrt(-p / 3) * Math.cos(angle);
    }

    @Test
    void aSingleBadStartStopsInTheLocalWell() {
        FitResult fit = Fitter.minimizing(WELLS, BOX).build().fit(new double[] {3, 1});
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(cubicRoot(0), fit.parameters()[0], 1e-6);
    }

    @Test
    void multiStartFindsTheGlobalMinimum() {
        FitResult fit = Fitter.minimizing(WELLS, BOX).multiStart(PRIOR, DRAWS, SEED).build().fit(new double[] {3, 1});
        // Half the prior mass (x < 0.13) drains to the global well: 8 draws all miss it with probability 0.3 %.
        double x = cubicRoot(2);
        assertEquals(x, fit.parameters()[0], 1e-6, "seed " + SEED);
        assertEquals(0, fit.parameters()[1], 1e-6, "seed " + SEED);
        assertEquals((x * x - 4) * (x * x - 4) + 2 * x, fit.statistic(), 1e-10, "seed " + SEED);
        assertEquals(DRAWS + 1, fit.starts().size());
        assertEquals(cubicRoot(0), fit.starts().get(0).parameters()[0], 1e-6, "the given start comes first");
        for (LocalFit start : fit.starts()) {
            assertTrue(start.statistic() >= fit.statistic(), "the best start is reported");
            assertTrue(BOX.contains(start.start()), "prior draws lie in the box");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Fitter one = Fitter.minimizing(WELLS, BOX).multiStart(PRIOR, DRAWS, SEED).build();
        Fitter four = Fitter.minimizing(WELLS, BOX).multiStart(PRIOR, DRAWS, SEED).threads(4).build();
        FitResult a = one.intervals(one.fit(), 2.706, 0, 1);
        FitResult b = four.intervals(four.fit(), 2.706, 0, 1);
        assertArrayEquals(a.parameters(), b.parameters());
        assertEquals(a.evaluations(), b.evaluations());
        for (int k = 0; k < DRAWS; k++) {
            assertArrayEquals(a.starts().get(k).start(), b.starts().get(k).start(), "start " + k);
            assertArrayEquals(a.starts().get(k).parameters(), b.starts().get(k).parameters(), "start " + k);
        }
        assertEquals(a.intervals(), b.intervals());
    }

    @Test
    void fitWithoutAStartNeedsDraws() {
        assertThrows(IllegalStateException.class, () -> Fitter.minimizing(WELLS, BOX).build().fit());
        assertThrows(IllegalArgumentException.class, () -> Fitter.minimizing(WELLS, BOX).build().fit(new double[] {1}));
    }
}
