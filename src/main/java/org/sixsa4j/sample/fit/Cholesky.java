package org.sixsa4j.sample.fit;

import java.util.Arrays;

/**
 * The Cholesky factor L of a symmetric positive-definite matrix, A = L Lᵀ (Golub &amp; Van Loan
 * 2013, Matrix Computations, 4th ed., Sect. 4.2), with solves and the inverse. The fitter's
 * matrices are small (one row per free parameter), so plain arrays do. Failure to factor is
 * the test of positive definiteness that the quasi-Newton, Levenberg–Marquardt and covariance
 * code rely on.
 */
final class Cholesky {
    /**
     * A pivot below this fraction of its diagonal entry counts as zero: the matrix is then
     * positive definite at most by rounding, and its inverse would be noise.
     */
    private static final double SINGULAR = 1e-13;

    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /** The factor of {@code a} (read only, lower triangle used), or null if a is not positive definite. */
    static Cholesky decompose(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j][k] * l[j][k];
            }
            if (!(pivot > SINGULAR * a[j][j]) || !(a[j][j] > 0) || a[j][j] == Double.POSITIVE_INFINITY) {
                return null;
            }
            double d = Math.sqrt(pivot);
            l[j][j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / d;
            }
        }
        return new Cholesky(l);
    }

    /** Solves L y = b; {@code y} may be {@code b}. */
    void solveLower(double[] b, double[] y) {
        for (int i = 0; i < l.length; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
    }

    /** Solves A x = b; {@code x} may be {@code b}. */
    void solve(double[] b, double[] x) {
        solveLower(b, x);
        for (int i = l.length - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < l.length; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
    }

    /** A⁻¹, column by column. */
    double[][] inverse() {
        int n = l.length;
        double[][] inv = new double[n][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            Arrays.fill(e, 0);
            e[j] = 1;
            solve(e, e);
            for (int i = 0; i < n; i++) {
                inv[i][j] = e[i];
            }
        }
        // Symmetrise: the two triangles differ by rounding only.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        return inv;
    }
}
