package org.sixsa4j.sample.nested;

import java.util.Arrays;

/** Sample mean and covariance of equal-weight samples. */
final class Moments {
    private Moments() {
    }

    static double[] mean(double[][] samples) {
        int d = samples[0].length;
        double[] m = new double[d];
        for (double[] s : samples) {
            for (int a = 0; a < d; a++) {
                m[a] += s[a] / samples.length;
            }
        }
        return m;
    }

    static double[][] covariance(double[][] samples) {
        int d = samples[0].length;
        double[] m = mean(samples);
        double[][] c = new double[d][d];
        for (double[] s : samples) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += (s[a] - m[a]) * (s[b] - m[b]) / (samples.length - 1);
                }
            }
        }
        return c;
    }

    static double std(double[] values) {
        double m = Arrays.stream(values).average().orElseThrow();
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (values.length - 1));
    }
}
