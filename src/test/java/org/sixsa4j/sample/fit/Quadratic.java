package org.sixsa4j.sample.fit;

/**
 * f(θ) = (θ − μ)ᵀ Q (θ − μ) + c: its Hessian is 2Q, so the covariance 2H⁻¹ is Q⁻¹, and the
 * profile of f in θ_i is (v − μ_i)² / (Q⁻¹)_ii + c, which reaches c + Δ at μ_i ± √(Δ (Q⁻¹)_ii).
 * The inverse is by cofactors here, independently of the fitter's Cholesky code.
 */
record Quadratic(double[][] q, double[] mu, double c) implements Objective {

    @Override
    public double value(double[] theta) {
        double f = c;
        for (int i = 0; i < mu.length; i++) {
            for (int j = 0; j < mu.length; j++) {
                f += (theta[i] - mu[i]) * q[i][j] * (theta[j] - mu[j]);
            }
        }
        return f;
    }

    /** ∇f = 2Q(θ − μ). */
    void gradient(double[] theta, double[] out) {
        for (int i = 0; i < mu.length; i++) {
            out[i] = 0;
            for (int j = 0; j < mu.length; j++) {
                out[i] += 2 * q[i][j] * (theta[j] - mu[j]);
            }
        }
    }

    /** Q⁻¹ for Q of size 2 or 3, by cofactors. */
    double[][] inverse() {
        return invert(q);
    }

    static double[][] invert(double[][] a) {
        if (a.length == 2) {
            double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
            return new double[][] {{a[1][1] / det, -a[0][1] / det}, {-a[1][0] / det, a[0][0] / det}};
        }
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3;
                int r1 = (j + 2) % 3;
                int c0 = (i + 1) % 3;
                int c1 = (i + 2) % 3;
                inv[i][j] = a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0];
            }
        }
        double det = a[0][0] * inv[0][0] + a[0][1] * inv[1][0] + a[0][2] * inv[2][0];
        for (double[] row : inv) {
            for (int j = 0; j < 3; j++) {
                row[j] /= det;
            }
        }
        return inv;
    }
}
