package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sixsa4j.simulate.RandomStreams;

/**
 * Levenberg–Marquardt on χ² of an exponential decay 5 e^(−t/2.5) with Gaussian noise σ = 0.05
 * at 40 times, against the least-squares answer by variable projection ({@link ExponentialDecay}).
 */
class LeastSquaresTest {
    private static final int N = 40;
    private static final double SIGMA = 0.05;
    private static final long SEED = 4242L;
    private static final ExponentialDecay DECAY = decay();
    private static final Bounds BOX = Bounds.of(new double[] {0, 0.01}, new double[] {100, 100});

    private static ExponentialDecay decay() {
        UniformRandomProvider rng = RandomStreams.of(SEED).stream(0);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] t = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = 0.25 * i;
            y[i] = 5 * Math.exp(-t[i] / 2.5) + SIGMA * gauss.sample();
        }
        return new ExponentialDecay(t, y, SIGMA);
    }

    static List<double[]> starts() {
        return List.of(new double[] {1, 1}, new double[] {20, 10}, new double[] {0.1, 0.5}, new double[] {5, 2.5});
    }

    @ParameterizedTest
    @MethodSource("starts")
    void matchesTheLeastSquaresAnswer(double[] start) {
        FitResult fit = Fitter.leastSquares(DECAY.residuals(), BOX).build().fit(start);
        double[] ref = DECAY.leastSquares(1, 5);
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(ref[0], fit.parameters()[0], 1e-7 * ref[0], "A, seed " + SEED);
        assertEquals(ref[1], fit.parameters()[1], 1e-7 * ref[1], "tau, seed " + SEED);
    }

    /**
     * The covariance against 2 H⁻¹ with H the analytic Hessian of χ²,
     * 2 Σ [∇m ∇mᵀ − (y − m) ∇²m] / σ², which keeps the residual-curvature term that the
     * Gauss–Newton matrix drops.
     */
    @Test
    void covarianceMatchesTheAnalyticHessian() {
        FitResult fit = Fitter.leastSquares(DECAY.residuals(), BOX).build().fit(new double[] {1, 1});
        double a = fit.parameters()[0];
        double tau = fit.parameters()[1];
        double[][] h = new double[2][2];
        for (int i = 0; i < N; i++) {
            double ti = DECAY.t()[i];
            double e = Math.exp(-ti / tau);
            double m = a * e;
            double[] grad = {e, a * e * ti / (tau * tau)};
            double[][] second = {{0, e * ti / (tau * tau)}, {e * ti / (tau * tau), a * e * (ti * ti / Math.pow(tau, 4) - 2 * ti / Math.pow(tau, 3))}};
            for (int p = 0; p < 2; p++) {
                for (int q = 0; q < 2; q++) {
                    h[p][q] += 2 * (grad[p] * grad[q] - (DECAY.y()[i] - m) * second[p][q]) / (SIGMA * SIGMA);
                }
            }
        }
        double[][] inverse = Quadratic.invert(h);
        double[][] cov = fit.covariance().matrix();
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
                assertEquals(2 * inverse[p][q], cov[p][q], 1e-5 * 2 * Math.sqrt(inverse[p][p] * inverse[q][q]), "Cov[" + p + "][" + q + "]");
            }
        }
    }

    /**
     * Data with a negative offset, y = 5 e^(−t/2.5) − 0.03, fitted with A e^(−t/τ) + B, B ≥ 0:
     * where the residuals of the two-parameter least-squares fit sum to less than zero (checked),
     * ∂χ²/∂B > 0 at B = 0, so B is held at 0 and (A, τ) are that two-parameter answer.
     */
    @Test
    void aBackgroundPushedBelowZeroStaysOnItsBound() {
        double[] t = DECAY.t();
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = 5 * Math.exp(-t[i] / 2.5) - 0.03;
        }
        Residuals withBackground = new Residuals() {
            @Override
            public int size() {
                return N;
            }

            @Override
            public void residuals(double[] theta, double[] out) {
                for (int i = 0; i < N; i++) {
                    out[i] = (y[i] - theta[0] * Math.exp(-t[i] / theta[1]) - theta[2]) / SIGMA;
                }
            }
        };
        double[] ref = new ExponentialDecay(t, y, SIGMA).leastSquares(1, 5);
        double residualSum = 0;
        for (int i = 0; i < N; i++) {
            residualSum += y[i] - ref[0] * Math.exp(-t[i] / ref[1]);
        }
        assertTrue(residualSum < 0, "the premise: the two-parameter residuals sum to " + residualSum);
        Bounds box = Bounds.of(new double[] {0, 0.01, 0}, new double[] {100, 100, 1});
        FitResult fit = Fitter.leastSquares(withBackground, box).build().fit(new double[] {1, 1, 0.5});
        assertEquals(Status.CONVERGED, fit.status(), fit.message());
        assertEquals(0.0, fit.parameters()[2]);
        assertEquals(ref[0], fit.parameters()[0], 1e-7 * ref[0]);
        assertEquals(ref[1], fit.parameters()[1], 1e-7 * ref[1]);
        assertEquals(2, fit.covariance().atBound()[0]);
    }

    /** A third parameter the residuals ignore: J has a zero column and JᵀJ is singular; both methods must cope. */
    @Test
    void aParameterWithoutEffectDoesNotBlockConvergence() {
        Residuals plain = DECAY.residuals();
        Residuals idle = new Residuals() {
            @Override
            public int size() {
                return plain.size();
            }

            @Override
            public void residuals(double[] theta, double[] out) {
                plain.residuals(new double[] {theta[0], theta[1]}, out);
            }
        };
        Bounds box = Bounds.of(new double[] {0, 0.01, -1}, new double[] {100, 100, 1});
        double[] ref = DECAY.leastSquares(1, 5);
        for (Fitter fitter : List.of(Fitter.leastSquares(idle, box).build(), Fitter.minimizing(idle, box).build())) {
            FitResult fit = fitter.fit(new double[] {1, 1, 0.5});
            assertEquals(Status.CONVERGED, fit.status(), fit.message());
            assertEquals(ref[0], fit.parameters()[0], 1e-7 * ref[0]);
            assertEquals(ref[1], fit.parameters()[1], 1e-7 * ref[1]);
            assertEquals(0.5, fit.parameters()[2], "nothing moves a parameter without effect");
            assertTrue(fit.covariance().problem().contains("no positive curvature along p3"), fit.covariance().problem());
        }
    }
}
