package org.sixsa4j.sample.fit;

/**
 * Data y_i at times t_i with errors σ for the model A e^(−t/τ), and its least-squares answer
 * found independently of the fitter by variable projection (Golub &amp; Pereyra 1973, SIAM J.
 * Numer. Anal. 10, 413): for fixed τ the best A is S₁/S₂ with S₁ = Σ y e and S₂ = Σ e², so χ²
 * depends on τ alone and is stationary where S₂ dS₁/dτ − ½ S₁ dS₂/dτ = 0, a root found here by
 * bisection to the last bit.
 */
record ExponentialDecay(double[] t, double[] y, double sigma) {

    /** r_i = (y_i − A e^(−t_i/τ)) / σ for θ = (A, τ). */
    Residuals residuals() {
        return new Residuals() {
            @Override
            public int size() {
                return t.length;
            }

            @Override
            public void residuals(double[] theta, double[] out) {
                for (int i = 0; i < t.length; i++) {
                    out[i] = (y[i] - theta[0] * Math.exp(-t[i] / theta[1])) / sigma;
                }
            }
        };
    }

    /** (A, τ) minimising χ², searched for τ in [lo, hi], which must bracket it. */
    double[] leastSquares(double lo, double hi) {
        double gLo = stationarity(lo);
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            double g = stationarity(mid);
            if (Math.signum(g) == Math.signum(gLo)) {
                lo = mid;
                gLo = g;
            } else {
                hi = mid;
            }
        }
        double tau = 0.5 * (lo + hi);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < t.length; i++) {
            double e = Math.exp(-t[i] / tau);
            s1 += y[i] * e;
            s2 += e * e;
        }
        return new double[] {s1 / s2, tau};
    }

    /** S₂ dS₁/dτ − ½ S₁ dS₂/dτ. */
    private double stationarity(double tau) {
        double s1 = 0;
        double s2 = 0;
        double ds1 = 0;
        double ds2 = 0;
        for (int i = 0; i < t.length; i++) {
            double e = Math.exp(-t[i] / tau);
            double de = e * t[i] / (tau * tau);
            s1 += y[i] * e;
            s2 += e * e;
            ds1 += y[i] * de;
            ds2 += 2 * e * de;
        }
        return s2 * ds1 - 0.5 * s1 * ds2;
    }
}
