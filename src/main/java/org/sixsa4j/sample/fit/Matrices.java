package org.sixsa4j.sample.fit;

/** The few dense vector and matrix operations the fitter needs, on plain arrays. */
final class Matrices {
    private Matrices() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** A v as a new vector. */
    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The rows and columns {@code index} of a square matrix. */
    static double[][] submatrix(double[][] a, int[] index) {
        double[][] s = new double[index.length][index.length];
        for (int p = 0; p < index.length; p++) {
            for (int q = 0; q < index.length; q++) {
                s[p][q] = a[index[p]][index[q]];
            }
        }
        return s;
    }

    static boolean allFinite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
