package org.sixsa4j.diagnostics;

import java.util.Arrays;

/**
 * p-values of Kolmogorov–Smirnov statistics.
 *
 * <p>One sample: P(D<sub>n</sub> ≥ d) for the two-sided statistic of n points against a
 * continuous distribution, by the exact algorithm of Marsaglia, Tsang &amp; Wang (2003,
 * "Evaluating Kolmogorov's distribution", J. Stat. Softw. 8(18)): the (2k − 1)-square matrix of
 * Durbin (1973) raised to the n-th power, with k = ⌈nd⌉. As in their code, the far tail (nd² &gt;
 * 7.24, or nd² &gt; 3.76 for n &gt; 99, where p is about 10<sup>−3</sup> or less) uses their two-term
 * approximation instead, which keeps the matrix below 2√(7.24 n) rows. Beyond 10<sup>4</sup> points
 * even that matrix is slow, and the limiting distribution with Stephens' (1970) correction,
 * Q<sub>KS</sub>((√n + 0.12 + 0.11/√n) d), serves; its error there is below 10<sup>−3</sup>.
 *
 * <p>Two samples of equal size n: P(D ≥ k/n) = 2 Σ<sub>j≥1</sub> (−1)<sup>j−1</sup>
 * C(2n, n − jk)/C(2n, n) exactly (Gnedenko &amp; Korolyuk 1951), the formula scipy's
 * {@code ks_2samp} uses for equal sizes.
 */
final class KolmogorovSmirnov {
    private static final int LARGEST_EXACT = 10_000;
    /** Rescaling step of the matrix power, to keep its entries within the double range. */
    private static final int SCALE_BITS = 400;

    private KolmogorovSmirnov() {
    }

    /** P(D<sub>n</sub> ≥ d) for the one-sample two-sided statistic D<sub>n</sub> of n points. */
    static double oneSamplePValue(double d, int n) {
        if (d <= 0) {
            return 1;
        }
        if (d >= 1) {
            return 0;
        }
        double s = d * d * n;
        if (s > 7.24 || (s > 3.76 && n > 99)) {
            return Math.min(1, 2 * Math.exp(-(2.000071 + 0.331 / Math.sqrt(n) + 1.409 / n) * s));
        }
        if (n > LARGEST_EXACT) {
            double rootN = Math.sqrt(n);
            return limitingPValue((rootN + 0.12 + 0.11 / rootN) * d);
        }
        return Math.min(1, Math.max(0, 1 - durbinCdf(d, n)));
    }

    /**
     * P(D ≥ k/n) for the two-sample statistic of two samples of n points each, whose largest gap
     * between the empirical distribution functions is k/n.
     */
    static double twoSampleEqualSizePValue(int k, int n) {
        if (k <= 0) {
            return 1;
        }
        // ratio = C(2n, n − t)/C(2n, n), built up factor by factor for t = 1, 2, ….
        double ratio = 1;
        double sum = 0;
        int t = 0;
        for (int j = 1; j * k <= n; j++) {
            for (; t < j * k; t++) {
                ratio *= (double) (n - t) / (n + t + 1);
            }
            sum += (j % 2 == 1 ? 1 : -1) * ratio;
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    /** The two-sample statistic's k = n·D of two samples of equal size, ties counted as the same value. */
    static int twoSampleGap(double[] x, double[] y) {
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        int gap = 0;
        while (i < a.length || j < b.length) {
            double z = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.length && a[i] == z) {
                i++;
            }
            while (j < b.length && b[j] == z) {
                j++;
            }
            gap = Math.max(gap, Math.abs(i - j));
        }
        return gap;
    }

    /** Kolmogorov's limiting Q(λ) = 2 Σ<sub>j≥1</sub> (−1)<sup>j−1</sup> exp(−2j²λ²). */
    private static double limitingPValue(double lambda) {
        if (lambda < 0.2) {
            // The series converges slowly here and Q is 1 to double precision.
            return 1;
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * lambda * lambda);
            sum += (j % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-17) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    /** P(D<sub>n</sub> &lt; d) by Durbin's matrix, as Marsaglia, Tsang &amp; Wang compute it. */
    private static double durbinCdf(double d, int n) {
        int k = (int) (n * d) + 1;
        int m = 2 * k - 1;
        double h = k - n * d;
        double[] matrix = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                matrix[i * m + j] = i - j + 1 < 0 ? 0 : 1;
            }
        }
        for (int i = 0; i < m; i++) {
            matrix[i * m] -= Math.pow(h, i + 1);
            matrix[(m - 1) * m + i] -= Math.pow(h, m - i);
        }
        matrix[(m - 1) * m] += 2 * h - 1 > 0 ? Math.pow(2 * h - 1, m) : 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                // Entry (i, j) is divided by (i − j + 1)!.
                for (int g = 1; g <= i - j + 1; g++) {
                    matrix[i * m + j] /= g;
                }
            }
        }
        ScaledMatrix power = ScaledMatrix.power(matrix, m, n, k - 1);
        // P(D < d) = n!/n^n × (H^n)[k−1][k−1], the factorial ratio folded in factor by factor.
        double s = power.values[(k - 1) * m + (k - 1)];
        int exponent = power.exponent;
        for (int i = 1; i <= n; i++) {
            s = s * i / n;
            if (s < 0x1p-400) {
                s = Math.scalb(s, SCALE_BITS);
                exponent -= SCALE_BITS;
            }
        }
        return Math.scalb(s, exponent);
    }

    /** A square matrix times 2<sup>exponent</sup>: its powers outgrow the double range. */
    private static final class ScaledMatrix {
        final double[] values;
        final int exponent;

        ScaledMatrix(double[] values, int exponent) {
            this.values = values;
            this.exponent = exponent;
        }

        /** matrix<sup>n</sup>, rescaled whenever the watched diagonal entry grows large. */
        static ScaledMatrix power(double[] matrix, int m, int n, int watched) {
            if (n == 1) {
                return new ScaledMatrix(matrix.clone(), 0);
            }
            ScaledMatrix half = power(matrix, m, n / 2, watched);
            ScaledMatrix result = half.times(half, m, watched);
            return n % 2 == 0 ? result : result.times(new ScaledMatrix(matrix, 0), m, watched);
        }

        ScaledMatrix times(ScaledMatrix other, int m, int watched) {
            double[] product = new double[m * m];
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < m; l++) {
                    double a = values[i * m + l];
                    if (a == 0) {
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        product[i * m + j] += a * other.values[l * m + j];
                    }
                }
            }
            int e = exponent + other.exponent;
            if (product[watched * m + watched] > 0x1p400) {
                for (int i = 0; i < product.length; i++) {
                    product[i] = Math.scalb(product[i], -SCALE_BITS);
                }
                e += SCALE_BITS;
            }
            return new ScaledMatrix(product, e);
        }
    }
}
