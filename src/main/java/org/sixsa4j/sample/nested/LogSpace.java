package org.sixsa4j.sample.nested;

/**
 * Sums of numbers held as logarithms. Nested sampling's weights span hundreds of orders of
 * magnitude (e<sup>−i/N</sup> times likelihoods), so every sum is taken in log space.
 */
final class LogSpace {
    private LogSpace() {
    }

    /** log(e<sup>a</sup> + e<sup>b</sup>), exact when either is −∞. */
    static double add(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /** log Σ e<sup>x_i</sup>; −∞ for no terms or all −∞. */
    static double sum(double[] x, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, x[i]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += Math.exp(x[i] - max);
        }
        return max + Math.log(s);
    }
}
