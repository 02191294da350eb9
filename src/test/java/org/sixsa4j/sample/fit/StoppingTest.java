package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StoppingTest {
    private static final Objective ROSENBROCK = x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);

    @Test
    void iterationAndEvaluationLimitsAreReported() {
        LocalFit iterations = new BoundedQuasiNewton(new Stopping(1e-12, 3, 1_000_000)).minimize(ROSENBROCK, Bounds.unbounded(2), new double[] {-1.2, 1});
        assertEquals(Status.MAX_ITERATIONS, iterations.status());
        assertEquals(3, iterations.iterations());
        LocalFit evaluations = new BoundedQuasiNewton(new Stopping(1e-12, 1000, 50)).minimize(ROSENBROCK, Bounds.unbounded(2), new double[] {-1.2, 1});
        assertEquals(Status.MAX_EVALUATIONS, evaluations.status());
        // The limit is checked once per iteration, which costs a gradient and a line search.
        assertTrue(evaluations.evaluations() >= 50 && evaluations.evaluations() < 80, evaluations.evaluations() + " evaluations");
    }

    @Test
    void aWallOfUndefinedFDoesNotPassForConvergence() {
        // The valley of a² + 3b² + 2ab + a⁴/10 towards (1, 1) runs through y > 1.2, where f is
        // undefined, so the search from (−8, −8) creeps along the wall y = 1.2.
        Objective walled = t -> {
            if (t[1] > 1.2) {
                return Double.NaN;
            }
            double a = t[0] - 1;
            double b = t[1] - 1;
            return a * a + 3 * b * b + 2 * a * b + 0.1 * a * a * a * a;
        };
        LocalFit fit = new BoundedQuasiNewton(Stopping.defaults()).minimize(walled, Bounds.of(new double[] {-10, -10}, new double[] {10, 10}),
                new double[] {-8, -8});
        boolean atMinimum = Math.abs(fit.parameters()[0] - 1) < 1e-6 && Math.abs(fit.parameters()[1] - 1) < 1e-6;
        assertTrue(atMinimum || fit.status() != Status.CONVERGED, fit.status() + " at " + Arrays.toString(fit.parameters()));
        assertNotEquals(Status.INFEASIBLE, fit.status());
    }

    @Test
    void rejectsImpossibleRules() {
        assertThrows(IllegalArgumentException.class, () -> new Stopping(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new Stopping(1e-8, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Stopping(1e-8, 10, 0));
    }
}
