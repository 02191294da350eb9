package org.sixsa4j.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-parameter summaries of equally weighted posterior samples: mean, standard deviation,
 * median, and the 0.5, 5, 16, 84, 95 and 99.5 % quantiles (the 68, 90 and 99 % central
 * intervals), by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7).
 */
public final class PosteriorSummary {
    private PosteriorSummary() {
    }

    /** Per parameter name: mean, sd, median, q005, q05, q16, q84, q95, q995. */
    public static Map<String, Map<String, Double>> of(List<String> names, double[][] samples) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        int n = samples.length;
        for (int j = 0; j < names.size(); j++) {
            double[] v = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                v[i] = samples[i][j];
                mean += v[i];
            }
            mean /= n;
            double var = 0;
            for (double x : v) {
                var += (x - mean) * (x - mean);
            }
            Arrays.sort(v);
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("mean", mean);
            s.put("sd", Math.sqrt(var / Math.max(1, n - 1)));
            s.put("median", quantile(v, 0.5));
            s.put("q005", quantile(v, 0.005));
            s.put("q05", quantile(v, 0.05));
            s.put("q16", quantile(v, 0.16));
            s.put("q84", quantile(v, 0.84));
            s.put("q95", quantile(v, 0.95));
            s.put("q995", quantile(v, 0.995));
            out.put(names.get(j), s);
        }
        return out;
    }

    /** The p-quantile of sorted values, interpolating between order statistics. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
