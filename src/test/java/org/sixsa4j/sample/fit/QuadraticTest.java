package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sample.fit.ConfidenceInterval.Limit;

/** Quadratic statistics, where the minimum, the covariance and the profile intervals are known exactly. */
class QuadraticTest {
    /** Correlated: the correlation coefficients are −0.30, −0.06 and −0.13. */
    private static final Quadratic F3 = new Quadratic(new double[][] {{4, 1, 0.25}, {1, 3, 0.5}, {0.25, 0.5, 5}}, new double[] {1, -2, 3}, 7.5);
    /** Correlation 0.8 between the two parameters. */
    private static final Quadratic F2 = new Quadratic(new double[][] {{2, -1.6}, {-1.6, 2}}, new double[] {0.3, -1.7}, 12);
    private static final List<double[]> STARTS = List.of(new double[] {10, 10, -10}, new double[] {0, 0, 0}, new double[] {-50, 3, 40});

    @Test
    void findsTheMinimumFromEveryStart() {
        Fitter fitter = Fitter.minimizing(F3, Bounds.unbounded(3)).build();
        for (double[] start : STARTS) {
            FitResult fit = fitter.fit(start);
            assertEquals(Status.CONVERGED, fit.status(), fit.message());
            for (int i = 0; i < 3; i++) {
                assertEquals(F3.mu()[i], fit.parameters()[i], 1e-6, "parameter " + i + " from " + Arrays.toString(start));
            }
            assertEquals(F3.c(), fit.statistic(), 1e-11);
        }
    }

    @Test
    void covarianceIsTwiceTheInverseHessian() {
        FitResult fit = Fitter.minimizing(F3, Bounds.unbounded(3)).build().fit(STARTS.get(0));
        double[][] expected = F3.inverse();
        double[][] cov = fit.covariance().matrix();
        assertNull(fit.covariance().problem());
        assertEquals(0, fit.covariance().atBound().length);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], cov[i][j], 1e-6 * expected[i][i], "Cov[" + i + "][" + j + "]");
            }
            assertEquals(Math.sqrt(expected[i][i]), fit.standardErrors()[i], 1e-6 * Math.sqrt(expected[i][i]));
        }
    }

    @ParameterizedTest(name = "delta {0}")
    @ValueSource(doubles = {1.0, 2.706, 9.0})
    void profileIntervalsOfACorrelatedQuadraticAreExact(double delta) {
        Fitter fitter = Fitter.minimizing(F2, Bounds.unbounded(2)).build();
        assertExactIntervals(fitter, delta);
    }

    @ParameterizedTest(name = "delta {0}")
    @ValueSource(doubles = {1.0, 2.706})
    void levenbergMarquardtGivesTheSameIntervals(double delta) {
        // Q = RᵀR with R upper triangular, so f − c = ‖R(θ − μ)‖².
        double[][] q = F2.q();
        double r00 = Math.sqrt(q[0][0]);
        double r01 = q[0][1] / r00;
        double r11 = Math.sqrt(q[1][1] - r01 * r01);
        Residuals residuals = new Residuals() {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public void residuals(double[] theta, double[] out) {
                double a = theta[0] - F2.mu()[0];
                double b = theta[1] - F2.mu()[1];
                out[0] = r00 * a + r01 * b;
                out[1] = r11 * b;
                out[2] = Math.sqrt(F2.c());
            }
        };
        assertExactIntervals(Fitter.leastSquares(residuals, Bounds.unbounded(2)).build(), delta);
    }

    private static void assertExactIntervals(Fitter fitter, double delta) {
        FitResult fit = fitter.intervals(fitter.fit(new double[] {5, 5}), delta, 0, 1);
        double[][] cov = F2.inverse();
        assertEquals(2, fit.intervals().size());
        for (ConfidenceInterval ci : fit.intervals()) {
            int i = ci.parameter();
            double half = Math.sqrt(delta * cov[i][i]);
            assertEquals(Limit.FOUND, ci.lowerLimit());
            assertEquals(Limit.FOUND, ci.upperLimit());
            assertEquals(F2.mu()[i] - half, ci.lower(), 1e-6, "lower limit of parameter " + i + ", delta " + delta);
            assertEquals(F2.mu()[i] + half, ci.upper(), 1e-6, "upper limit of parameter " + i + ", delta " + delta);
            assertEquals(delta, ci.delta());
        }
        assertEquals(0, fit.newMinima());
    }

    @Test
    void analyticGradientIsUsedAndSavesEvaluations() {
        double[] start = STARTS.get(2);
        Stopping stopping = Stopping.defaults();
        LocalFit numeric = new BoundedQuasiNewton(stopping).minimize(F3, Bounds.unbounded(3), start);
        LocalFit analytic = new BoundedQuasiNewton(stopping).minimize(F3, (theta, value, out) -> F3.gradient(theta, out), Bounds.unbounded(3), start);
        assertEquals(Status.CONVERGED, analytic.status(), analytic.message());
        for (int i = 0; i < 3; i++) {
            assertEquals(F3.mu()[i], analytic.parameters()[i], 1e-6);
        }
        // Finite differences cost 2n = 6 evaluations per iteration; the analytic gradient none.
        assertTrue(analytic.evaluations() + 6L * analytic.iterations() <= numeric.evaluations() + 6,
                analytic.evaluations() + " analytic vs " + numeric.evaluations() + " numeric evaluations");
    }
}
