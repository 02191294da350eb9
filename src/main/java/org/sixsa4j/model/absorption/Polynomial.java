package org.sixsa4j.model.absorption;

/** Polynomials of the tbabs fits, evaluated by Horner's rule. */
final class Polynomial {
    private Polynomial() {
    }

    /** Σ c_k t^k. */
    static double evaluate(double[] c, double t) {
        double sum = 0.0;
        for (int k = c.length - 1; k >= 0; k--) {
            sum = sum * t + c[k];
        }
        return sum;
    }
}
