package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    /** The 4 × 4 Hilbert matrix 1/(i + j + 1) and its inverse, whose entries are integers (Choi 1983, Amer. Math. Monthly 90, 301). */
    private static final double[][] INVERSE_HILBERT = {
        {16, -120, 240, -140}, {-120, 1200, -2700, 1680}, {240, -2700, 6480, -4200}, {-140, 1680, -4200, 2800}};

    private static double[][] hilbert() {
        double[][] h = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        return h;
    }

    @Test
    void invertsTheHilbertMatrix() {
        Cholesky chol = Cholesky.decompose(hilbert());
        assertNotNull(chol);
        double[][] inv = chol.inverse();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                // cond(H4) ≈ 1.6e4, so about 12 digits survive.
                assertEquals(INVERSE_HILBERT[i][j], inv[i][j], 1e-9 * Math.abs(INVERSE_HILBERT[i][j]), "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void solvesAndFactorsTheLowerTriangle() {
        double[][] a = {{4, 2}, {2, 3}};
        Cholesky chol = Cholesky.decompose(a);
        double[] x = new double[2];
        chol.solve(new double[] {8, 7}, x);
        assertEquals(1.25, x[0], 1e-15);
        assertEquals(1.5, x[1], 1e-15);
        // L = [[2, 0], [1, √2]]: L y = (2, 1 + √2) has y = (1, 1).
        double[] y = new double[2];
        chol.solveLower(new double[] {2, 1 + Math.sqrt(2)}, y);
        assertEquals(1, y[0], 1e-15);
        assertEquals(1, y[1], 1e-15);
    }

    @Test
    void rejectsMatricesThatAreNotPositiveDefinite() {
        assertNull(Cholesky.decompose(new double[][] {{1, 2}, {2, 1}}), "indefinite");
        assertNull(Cholesky.decompose(new double[][] {{1, 1}, {1, 1}}), "singular");
        assertNull(Cholesky.decompose(new double[][] {{1, 0}, {0, Double.NaN}}), "NaN");
        assertNull(Cholesky.decompose(new double[][] {{-1}}), "negative");
    }
}
