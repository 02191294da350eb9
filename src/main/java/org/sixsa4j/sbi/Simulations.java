package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs (θ, x) of parameters and simulated data, one row each, as a simulator returned them.
 * Immutable; the arrays are copied in and out.
 */
public final class Simulations {
    private final double[][] theta;
    private final double[][] x;

    private Simulations(double[][] theta, double[][] x) {
        this.theta = theta;
        this.x = x;
    }

    /** The pairs (θ<sub>i</sub>, x<sub>i</sub>); every θ row and every x row must have the same length. */
    public static Simulations of(double[][] theta, double[][] x) {
        if (theta.length != x.length) {
            throw new IllegalArgumentException(theta.length + " parameter rows for " + x.length + " simulations");
        }
        return new Simulations(copy(theta, "θ"), copy(x, "x"));
    }

    private static double[][] copy(double[][] rows, String what) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException(what + " row " + i + " has " + rows[i].length + " values, row 0 has " + rows[0].length);
            }
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** The number of pairs. */
    public int size() {
        return theta.length;
    }

    /** The dimension of θ (0 when empty). */
    public int parameterCount() {
        return theta.length == 0 ? 0 : theta[0].length;
    }

    /** The dimension of x (0 when empty). */
    public int dataCount() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /** θ of pair i, a copy. */
    public double[] theta(int i) {
        return theta[i].clone();
    }

    /** x of pair i, a copy. */
    public double[] x(int i) {
        return x[i].clone();
    }

    /**
     * The pairs whose θ and x are all finite, in order. A simulator may return NaN or ∞ for
     * parameters where the model is undefined; such rows would poison the training loss.
     */
    public Simulations finite() {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < theta.length; i++) {
            if (allFinite(theta[i]) && allFinite(x[i])) {
                keep.add(i);
            }
        }
        double[][] t = new double[keep.size()][];
        double[][] d = new double[keep.size()][];
        for (int k = 0; k < t.length; k++) {
            t[k] = theta[keep.get(k)];
            d[k] = x[keep.get(k)];
        }
        return new Simulations(t, d);
    }

    private static boolean allFinite(double[] row) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The θ rows (not copied: for this package's training code). */
    double[][] thetaRows() {
        return theta;
    }

    /** The x rows (not copied: for this package's training code). */
    double[][] xRows() {
        return x;
    }
}
