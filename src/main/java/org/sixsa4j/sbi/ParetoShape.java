package org.sixsa4j.sbi;

import java.util.Arrays;

/**
 * The Pareto k̂ diagnostic of importance weights (Vehtari, Simpson, Gelman, Yao &amp; Gabry 2024,
 * "Pareto smoothed importance sampling", JMLR 25(72)): the shape of a generalized Pareto
 * distribution fitted to the largest weights. Below 0.5 the weights have a finite variance; up to
 * 0.7 importance sampling is reliable in practice; above 0.7 the estimate cannot be trusted, since
 * a few draws dominate and more draws converge too slowly.
 *
 * <p>The tail is the M = min(N/5, 3√N) largest weights, measured above the next largest. The
 * shape is Zhang &amp; Stephens' (2009, Technometrics 51(3):316) empirical-Bayes estimate, with
 * Vehtari et al.'s weakly informative adjustment toward 0.5 (as if 10 more points had shape 0.5).
 */
public final class ParetoShape {
    private static final int PRIOR_POINTS = 10;
    private static final double PRIOR_SHAPE = 0.5;

    private ParetoShape() {
    }

    /**
     * k̂ of the weights whose logs are {@code logWeights} (any common offset); NaN when there are
     * fewer than 5 tail points (N below about 25) or the tail is flat.
     */
    public static double of(double[] logWeights) {
        int n = logWeights.length;
        int m = (int) Math.min(Math.ceil(0.2 * n), Math.ceil(3 * Math.sqrt(n)));
        if (m < 5 || m >= n) {
            return Double.NaN;
        }
        double[] sorted = logWeights.clone();
        Arrays.sort(sorted);
        double max = sorted[n - 1];
        double cutoff = Math.exp(sorted[n - m - 1] - max);
        double[] tail = new double[m];
        for (int i = 0; i < m; i++) {
            tail[i] = Math.exp(sorted[n - m + i] - max) - cutoff;
        }
        if (!(tail[m - 1] > 0)) {
            return Double.NaN;
        }
        return generalizedParetoShape(tail);
    }

    /**
     * Zhang &amp; Stephens' estimate of the shape ξ of a generalized Pareto distribution from its
     * exceedances {@code x}, sorted ascending and positive at the top, with the prior adjustment.
     */
    static double generalizedParetoShape(double[] x) {
        int n = x.length;
        int grid = 30 + (int) Math.sqrt(n);
        double quartile = x[Math.max(0, (int) (n / 4.0 + 0.5) - 1)];
        double[] b = new double[grid];
        double[] profile = new double[grid];
        for (int j = 0; j < grid; j++) {
            // Candidates for θ = −ξ/σ, spread below 1/x_max on the quartile's scale (their section 3).
            b[j] = 1 / x[n - 1] + (1 - Math.sqrt(grid / (j + 0.5))) / (3 * quartile);
            double k = meanLog1p(b[j], x);
            profile[j] = n * (Math.log(-b[j] / k) - k - 1);
        }
        double posteriorB = 0;
        for (int j = 0; j < grid; j++) {
            double sum = 0;
            for (int i = 0; i < grid; i++) {
                sum += Math.exp(profile[i] - profile[j]);
            }
            posteriorB += b[j] / sum;
        }
        // With θ = −ξ/σ, the mean of log(1 − θx) estimates ξ itself (their eq. 4).
        double shape = meanLog1p(posteriorB, x);
        return (n * shape + PRIOR_POINTS * PRIOR_SHAPE) / (n + PRIOR_POINTS);
    }

    private static double meanLog1p(double b, double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.log1p(-b * v);
        }
        return sum / x.length;
    }
}
