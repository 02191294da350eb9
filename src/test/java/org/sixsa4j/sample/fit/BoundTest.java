package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sixsa4j.sample.fit.ConfidenceInterval.Limit;

/**
 * A quadratic whose unconstrained minimum lies below the lower bound of θ₀. The constrained
 * minimum has θ₀ = 0 and the others at their conditional minimum μ_r − Q_rr⁻¹ Q_r0 (0 − μ₀);
 * with θ₀ held there, their covariance is Q_rr⁻¹. The profile in θ₀ ≥ 0 is S (v − μ₀)² + const
 * with S = Q₀₀ − Q_0r Q_rr⁻¹ Q_r0 (the Schur complement), so its upper limit is where
 * S [(v − μ₀)² − μ₀²] = Δ.
 */
class BoundTest {
    private static final double[][] Q = {{4, 0.5, 0.2}, {0.5, 3, 0.6}, {0.2, 0.6, 2}};
    private static final double[] MU = {-1, 2, -0.5};
    private static final Quadratic F = new Quadratic(Q, MU, 3);
    private static final Bounds BOX = Bounds.of(new double[] {0, -10, -10}, new double[] {10, 10, 10});
    private static final double[][] Q_RR_INVERSE = Quadratic.invert(new double[][] {{Q[1][1], Q[1][2]}, {Q[2][1], Q[2][2]}});

    private static double[] constrainedMinimum() {
        double[] x = {0, 0, 0};
        for (int p = 0; p < 2; p++) {
            double shift = 0;
            for (int q = 0; q < 2; q++) {
                shift += Q_RR_INVERSE[p][q] * Q[q + 1][0] * (0 - MU[0]);
            }
            x[p + 1] = MU[p + 1] - shift;
        }
        return x;
    }

    @Test
    void minimumSitsOnTheBoundWhichIsFlaggedAndTheOthersGetErrors() {
        Fitter fitter = Fitter.minimizing(F, BOX).build();
        FitResult fit = fitter.fit(new double[] {5, 5, 5});
        double[] expected = constrainedMinimum();
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(0.0, fit.parameters()[0], "θ0 must sit exactly on its bound");
        assertEquals(expected[1], fit.parameters()[1], 1e-6);
        assertEquals(expected[2], fit.parameters()[2], 1e-6);
        assertArrayEquals(new int[] {0}, fit.covariance().atBound());
        assertNull(fit.covariance().problem());
        double[] errors = fit.standardErrors();
        assertTrue(Double.isNaN(errors[0]), "no symmetric error at a bound");
        double[][] cov = fit.covariance().matrix();
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
                assertEquals(Q_RR_INVERSE[p][q], cov[p + 1][q + 1], 1e-6 * Q_RR_INVERSE[p][p], "Cov[" + (p + 1) + "][" + (q + 1) + "]");
            }
            assertTrue(Double.isNaN(cov[0][p + 1]));
        }
    }

    @Test
    void intervalIsPeggedAtTheBoundOnOneSide() {
        Fitter fitter = Fitter.minimizing(F, BOX).build();
        double delta = 1.0;
        FitResult fit = fitter.intervals(fitter.fit(new double[] {5, 5, 5}), delta, 0, 1);
        double schur = Q[0][0];
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
                schur -= Q[0][p + 1] * Q_RR_INVERSE[p][q] * Q[q + 1][0];
            }
        }
        ConfidenceInterval onBound = fit.intervals().get(0);
        assertEquals(Limit.AT_BOUND, onBound.lowerLimit());
        assertEquals(0.0, onBound.lower());
        assertEquals(Limit.FOUND, onBound.upperLimit());
        assertEquals(MU[0] + Math.sqrt(MU[0] * MU[0] + delta / schur), onBound.upper(), 1e-6);
        // θ0 stays on its bound along θ1's profile (its gradient keeps pushing outward), so the
        // interval is the quadratic one with θ0 held.
        ConfidenceInterval free = fit.intervals().get(1);
        double half = Math.sqrt(delta * Q_RR_INVERSE[0][0]);
        assertEquals(constrainedMinimum()[1] - half, free.lower(), 1e-6);
        assertEquals(constrainedMinimum()[1] + half, free.upper(), 1e-6);
    }

    @Test
    void anUpperBoundIsPeggedWhenTheStatisticNeverRisesEnough() {
        // A shallow statistic: Δ = 2.706 would need θ0 = ±3.3, beyond the bound at 2.
        Objective shallow = t -> 0.25 * t[0] * t[0] + (t[1] - 1) * (t[1] - 1);
        Fitter fitter = Fitter.minimizing(shallow, Bounds.of(new double[] {-10, -10}, new double[] {2, 10})).build();
        FitResult fit = fitter.intervals(fitter.fit(new double[] {1, 0}), 2.706, 0);
        ConfidenceInterval ci = fit.intervals().get(0);
        assertEquals(Limit.AT_BOUND, ci.upperLimit());
        assertEquals(2.0, ci.upper());
        assertEquals(Limit.FOUND, ci.lowerLimit());
        assertEquals(-Math.sqrt(2.706 / 0.25), ci.lower(), 1e-6);
    }

    @Test
    void levenbergMarquardtHoldsAParameterAtItsBound() {
        // Residuals of the same kind as the quadratic: r = (θ0 + 1, θ1 − 2) with θ0 >= 0.
        Residuals r = new Residuals() {
            @Override
            public int size() {
                return 2;
            }

            @Override
            public void residuals(double[] t, double[] out) {
                out[0] = t[0] + 1 + 0.3 * (t[1] - 2);
                out[1] = t[1] - 2;
            }
        };
        FitResult fit = Fitter.leastSquares(r, Bounds.of(new double[] {0, -10}, new double[] {10, 10})).build().fit(new double[] {3, -4});
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(0.0, fit.parameters()[0]);
        // With θ0 = 0, f = (1 + 0.3 (θ1 − 2))² + (θ1 − 2)² is least at θ1 − 2 = −0.3 / 1.09.
        assertEquals(2 - 0.3 / 1.09, fit.parameters()[1], 1e-7);
        assertArrayEquals(new int[] {0}, fit.covariance().atBound());
        // f has curvature 2 × 1.09 in θ1, so Cov = 2 / (2 × 1.09).
        assertEquals(Math.sqrt(1 / 1.09), fit.standardErrors()[1], 1e-6);
    }
}
