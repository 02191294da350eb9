package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Priors;

/**
 * The chained Rosenbrock function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1),
 * reached along a curved narrow valley. In 4 to 7 dimensions it has a second local minimum near
 * x₁ = −1 (Kok &amp; Sandrock 2009, Evolutionary Computation 17, 437), so the 5-D starts here have
 * x₁ ≥ 0, and a start at x₁ = −1.2 is left to multi-start.
 */
class RosenbrockTest {
    private static final Objective ROSENBROCK = x -> {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double valley = x[i + 1] - x[i] * x[i];
            double off = 1 - x[i];
            sum += 100 * valley * valley + off * off;
        }
        return sum;
    };

    static List<double[]> starts() {
        return List.of(new double[] {-1.2, 1}, new double[] {2, 2}, new double[] {-1.5, -1}, new double[] {0, 0}, new double[] {1.5, -0.5},
                new double[] {0, 0, 0, 0, 0}, new double[] {2, 2, 2, 2, 2}, new double[] {0.5, -0.5, 1.5, 0.3, 1.7},
                new double[] {1.2, 1.5, -1, 0, 2});
    }

    @ParameterizedTest
    @MethodSource("starts")
    void convergesToAllOnes(double[] start) {
        LocalFit fit = new BoundedQuasiNewton(Stopping.defaults()).minimize(ROSENBROCK, Bounds.unbounded(start.length), start);
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        for (double x : fit.parameters()) {
            assertEquals(1, x, 1e-5, "from " + Arrays.toString(start) + " to " + Arrays.toString(fit.parameters()));
        }
        assertTrue(fit.statistic() < 1e-10, "f = " + fit.statistic());
    }

    @Test
    void multiStartLeavesTheLocalMinimumOfFiveDimensions() {
        double[] bad = {-1.2, 1, 1, 1, 1};
        LocalFit local = new BoundedQuasiNewton(Stopping.defaults()).minimize(ROSENBROCK, Bounds.unbounded(5), bad);
        assertTrue(local.statistic() > 1 && local.parameters()[0] < -0.9,
                "the start at x1 = -1.2 should end in the local minimum: " + Arrays.toString(local.parameters()));
        List<String> names = List.of("x1", "x2", "x3", "x4", "x5");
        JointPrior prior = JointPrior.of(names, List.of(Priors.uniform(-2, 2), Priors.uniform(-2, 2), Priors.uniform(-2, 2),
                Priors.uniform(-2, 2), Priors.uniform(-2, 2)));
        long seed = 20240605L;
        FitResult fit = Fitter.minimizing(ROSENBROCK, Bounds.of(prior)).multiStart(prior, 8, seed).build().fit(bad);
        // Each uniform draw has x1 > 0 with probability 1/2; all 8 missing has probability 0.4 %.
        for (double x : fit.parameters()) {
            assertEquals(1, x, 1e-5, "seed " + seed + ": " + Arrays.toString(fit.parameters()));
        }
        assertEquals(names, fit.names());
        assertEquals(9, fit.starts().size());
        assertEquals(local.statistic(), fit.starts().get(0).statistic(), 1e-9 * local.statistic());
    }
}
