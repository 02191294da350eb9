package org.sixsa4j.sample.fit;

/**
 * First derivatives by finite differences: the Jacobian of a residual vector and, as its
 * one-row case, the gradient of an objective (Nocedal &amp; Wright 2006, Numerical Optimization,
 * 2nd ed., Sect. 8.1). The step is h = ε^(1/3) times the parameter's scale (see {@link
 * Bounds#scale}), which balances the O(h²) truncation error of a central difference against the
 * rounding error ε|f|/h. Points outside the box are never evaluated ({@link Stencil}), and when f
 * is not finite at one side the next stencil is tried, so that a model undefined beyond the
 * minimum still gets a derivative from the other side.
 */
final class FiniteDifferences {
    /** ε^(1/3), the relative step of a central difference. */
    static final double STEP = Math.cbrt(Math.ulp(1.0));

    private FiniteDifferences() {
    }

    /**
     * Writes ∂r_k/∂θ_i to {@code jacobian[k][i]}; the columns of fixed parameters are 0.
     *
     * @param r0 the values at x, all finite
     * @return the first parameter along which no stencil gave finite values (its column is NaN),
     *     or −1 when every column was computed
     */
    static int jacobian(CountedFunction fn, Bounds bounds, double[] x, double[] r0, double[][] jacobian) {
        double[] point = x.clone();
        double[] ra = new double[fn.size()];
        double[] rb = new double[fn.size()];
        int failed = -1;
        for (int i = 0; i < x.length; i++) {
            if (bounds.isFixed(i)) {
                setColumn(jacobian, i, 0);
            } else if (!column(fn, bounds, point, i, r0, ra, rb, jacobian)) {
                setColumn(jacobian, i, Double.NaN);
                failed = failed < 0 ? i : failed;
            }
        }
        return failed;
    }

    /** The finite-difference gradient of a scalar function, charged to its count. */
    static Gradient gradient(CountedFunction fn, Bounds bounds) {
        return (theta, value, out) -> jacobian(fn, bounds, theta, new double[] {value}, new double[][] {out});
    }

    /**
     * The first of {@link Stencil#candidates} of step h at which fn is finite at both points,
     * with the values there in {@code ra} and {@code rb}; null if there is none. {@code point}
     * holds x and is restored.
     */
    static Stencil evaluate(CountedFunction fn, Bounds bounds, double[] point, int i, double h, double[] ra, double[] rb) {
        double xi = point[i];
        try {
            for (Stencil s : Stencil.candidates(bounds, i, xi, h)) {
                point[i] = xi + s.a();
                if (!fn.evaluate(point, ra)) {
                    continue;
                }
                point[i] = xi + s.b();
                if (fn.evaluate(point, rb)) {
                    return s;
                }
            }
            return null;
        } finally {
            point[i] = xi;
        }
    }

    /** Column i of the Jacobian; false if no stencil had finite values. */
    private static boolean column(CountedFunction fn, Bounds bounds, double[] point, int i, double[] r0,
            double[] ra, double[] rb, double[][] jacobian) {
        Stencil s = evaluate(fn, bounds, point, i, STEP * bounds.scale(i, point[i]), ra, rb);
        if (s == null) {
            return false;
        }
        for (int k = 0; k < r0.length; k++) {
            jacobian[k][i] = s.first(r0[k], ra[k], rb[k]);
        }
        return true;
    }

    private static void setColumn(double[][] jacobian, int i, double value) {
        for (double[] row : jacobian) {
            row[i] = value;
        }
    }
}
