package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {
    /** r(θ) = (e^θ₀ sin θ₁, θ₀² θ₁); its Jacobian is known in closed form. */
    private static final Residuals R = new Residuals() {
        @Override
        public int size() {
            return 2;
        }

        @Override
        public void residuals(double[] t, double[] out) {
            out[0] = Math.exp(t[0]) * Math.sin(t[1]);
            out[1] = t[0] * t[0] * t[1];
        }
    };

    private static double[][] jacobian(Bounds bounds, double[] x) {
        CountedFunction fn = CountedFunction.of(R);
        double[] r0 = new double[2];
        fn.evaluate(x, r0);
        double[][] j = new double[2][2];
        assertEquals(-1, FiniteDifferences.jacobian(fn, bounds, x, r0, j));
        return j;
    }

    private static void assertJacobian(double[][] j, double[] x, double tolerance) {
        double[][] exact = {{Math.exp(x[0]) * Math.sin(x[1]), Math.exp(x[0]) * Math.cos(x[1])}, {2 * x[0] * x[1], x[0] * x[0]}};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(exact[k][i], j[k][i], tolerance * (1 + Math.abs(exact[k][i])), "[" + k + "][" + i + "]");
            }
        }
    }

    @Test
    void centralDifferencesInsideTheBox() {
        double[] x = {0.7, 1.3};
        // Central differences with h = ε^(1/3) |x| are good to about ε^(2/3) ≈ 4e-11.
        assertJacobian(jacobian(Bounds.unbounded(2), x), x, 1e-9);
    }

    @Test
    void oneSidedDifferencesAtTheBounds() {
        double[] x = {0.7, 1.3};
        Bounds lowerAtX = Bounds.of(new double[] {0.7, 1.3}, new double[] {2, 2});
        Bounds upperAtX = Bounds.of(new double[] {0, 0}, new double[] {0.7, 1.3});
        // The one-sided three-point formula is also second order, with a larger constant.
        assertJacobian(jacobian(lowerAtX, x), x, 1e-9);
        assertJacobian(jacobian(upperAtX, x), x, 1e-9);
    }

    @Test
    void theOtherSideIsUsedWhereFIsUndefined() {
        double[] x = {1, 2};
        Objective f = t -> t[0] > 1 ? Double.NaN : t[0] * t[0] * t[0] + t[1];
        CountedFunction fn = CountedFunction.of(f);
        double[] g = new double[2];
        FiniteDifferences.gradient(fn, Bounds.unbounded(2)).compute(x, f.value(x), g);
        assertEquals(3, g[0], 1e-9);
        assertEquals(1, g[1], 1e-9);
    }

    @Test
    void fixedParametersGetZeroAndUndefinedOnesNaN() {
        Objective f = t -> t[1] != 2 ? Double.NaN : t[0];
        CountedFunction fn = CountedFunction.of(f);
        double[][] g = new double[1][3];
        Bounds bounds = Bounds.unbounded(3).fix(2, 5);
        int failed = FiniteDifferences.jacobian(fn, bounds, new double[] {1, 2, 5}, new double[] {1}, g);
        assertEquals(1, failed);
        assertEquals(1, g[0][0], 1e-9);
        assertTrue(Double.isNaN(g[0][1]));
        assertEquals(0, g[0][2]);
    }

    @Test
    void stencilsStayInTheBox() {
        Bounds narrow = Bounds.of(new double[] {0}, new double[] {1e-9});
        List<Stencil> candidates = Stencil.candidates(narrow, 0, 0.3e-9, 1e-6);
        assertEquals(1, candidates.size());
        Stencil s = candidates.get(0);
        for (double offset : new double[] {s.a(), s.b()}) {
            assertTrue(0.3e-9 + offset >= 0 && 0.3e-9 + offset <= 1e-9, "offset " + offset);
        }
        // The parabola through three points of x² has f′(x) = 2x and f″ = 2 exactly.
        double x = 0.3e-9;
        assertEquals(2 * x, s.first(x * x, (x + s.a()) * (x + s.a()), (x + s.b()) * (x + s.b())), 1e-22);
        assertEquals(2, s.second(x * x, (x + s.a()) * (x + s.a()), (x + s.b()) * (x + s.b())), 1e-5);
    }
}
