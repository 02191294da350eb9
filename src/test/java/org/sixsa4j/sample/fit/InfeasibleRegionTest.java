package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Priors;

/**
 * A model undefined in part of the box: f is +∞ for x > 1.05 and NaN for y > 1.2, while its
 * minimum at (1, 1) lies just inside the feasible part. The first steps from far away overshoot
 * into the undefined part and must step back.
 */
class InfeasibleRegionTest {
    private static final Bounds BOX = Bounds.of(new double[] {-10, -10}, new double[] {10, 10});

    /**
     * A convex f with minimum 5 at (1, 1) whose curvature is greatest at the minimum (the
     * pseudo-Huber terms flatten away from it), so that Newton steps from afar overshoot.
     */
    private static Objective partlyUndefined(AtomicInteger undefined) {
        return t -> {
            if (t[0] > 1.05 || t[1] > 1.2) {
                undefined.incrementAndGet();
                return t[0] > 1.05 ? Double.POSITIVE_INFINITY : Double.NaN;
            }
            double a = t[0] - 1;
            double b = t[1] - 1;
            return 2 * Math.sqrt(1 + a * a) + 3 * Math.sqrt(1 + b * b) + 0.1 * (a + b) * (a + b);
        };
    }

    @Test
    void quasiNewtonStepsBackOutOfTheUndefinedRegion() {
        AtomicInteger undefined = new AtomicInteger();
        FitResult fit = Fitter.minimizing(partlyUndefined(undefined), BOX).build().fit(new double[] {-8, -8});
        assertTrue(undefined.get() > 0, "the test needs the search to meet the undefined region");
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(1, fit.parameters()[0], 1e-6);
        assertEquals(1, fit.parameters()[1], 1e-6);
        assertTrue(fit.covariance().problem() == null, "the Hessian stencil fits in the feasible part: " + fit.covariance().problem());
    }

    @Test
    void anUndefinedStartIsReportedAndOtherStartsWin() {
        AtomicInteger undefined = new AtomicInteger();
        Objective f = partlyUndefined(undefined);
        LocalFit bad = new BoundedQuasiNewton(Stopping.defaults()).minimize(f, BOX, new double[] {5, 0});
        assertEquals(Status.INFEASIBLE, bad.status());
        assertEquals(1, bad.evaluations());
        JointPrior prior = JointPrior.of(List.of("x", "y"), List.of(Priors.uniform(-10, 1), Priors.uniform(-10, 1)));
        FitResult fit = Fitter.minimizing(f, BOX).multiStart(prior, 2, 5L).build().fit(new double[] {5, 0});
        assertEquals(Status.INFEASIBLE, fit.starts().get(0).status());
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(1, fit.parameters()[0], 1e-6);
    }

    @Test
    void noFeasibleStartGivesNoCovariance() {
        FitResult fit = Fitter.minimizing(t -> Double.NaN, BOX).build().fit(new double[] {0, 0});
        assertEquals(Status.INFEASIBLE, fit.status());
        assertTrue(fit.covariance().matrix() == null && fit.covariance().problem().contains("finite"), fit.covariance().problem());
    }

    @Test
    void levenbergMarquardtStepsBackToo() {
        // An exponential decay, undefined for τ > 2.7 beyond its best fit near τ = 2.49; the
        // Gauss–Newton step from τ = 0.3 overshoots into it.
        double[] t = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            t[i] = 0.25 * i;
            y[i] = 5 * Math.exp(-t[i] / 2.5) + 0.05 * Math.sin(7 * i);
        }
        ExponentialDecay decay = new ExponentialDecay(t, y, 0.05);
        Residuals plain = decay.residuals();
        AtomicInteger undefined = new AtomicInteger();
        Residuals walled = new Residuals() {
            @Override
            public int size() {
                return plain.size();
            }

            @Override
            public void residuals(double[] theta, double[] out) {
                plain.residuals(theta, out);
                if (theta[1] > 2.7) {
                    undefined.incrementAndGet();
                    out[0] = Double.NaN;
                }
            }
        };
        Bounds box = Bounds.of(new double[] {0, 0.01}, new double[] {100, 100});
        FitResult fit = Fitter.leastSquares(walled, box).build().fit(new double[] {1, 0.3});
        double[] ref = decay.leastSquares(1, 2.7);
        assertTrue(undefined.get() > 0, "the test needs the search to meet the undefined region");
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(ref[0], fit.parameters()[0], 1e-7 * ref[0]);
        assertEquals(ref[1], fit.parameters()[1], 1e-7 * ref[1]);
    }
}
