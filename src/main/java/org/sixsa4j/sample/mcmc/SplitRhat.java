package org.sixsa4j.sample.mcmc;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The rank-normalised split-R̂ of Vehtari, Gelman, Simpson, Carpenter &amp; Bürkner (2021,
 * Bayesian Analysis 16, 667): each chain is split into halves, so that a drift within a chain shows
 * as a disagreement between its halves; all draws are replaced by normal scores of their pooled
 * ranks, so that heavy tails cannot hide a difference in location; and the classic potential scale
 * reduction factor (Gelman et al. 2013, BDA3, §11.4) of these "bulk" scores is compared with that
 * of the scores of the draws folded about their median, |θ − median|, which detects chains that
 * differ in spread alone. R̂ is the larger of the two. For an ensemble, {@link Convergence} pools
 * the walkers into groups, each one chain: a group stuck in another mode makes R̂ large. Values
 * above 1.01 signal that the chains have not mixed (Vehtari et al. 2021).
 */
public final class SplitRhat {
    /** The offset 3/8 of Blom (1958) in the fractional ranks (r − 3/8)/(S + 1/4). */
    private static final double BLOM = 0.375;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private SplitRhat() {
    }

    /**
     * R̂ = max(bulk R̂, tail R̂) of these chains.
     *
     * @param chains [chain][draw], at least one chain, all of one length
     * @return R̂; NaN when a chain is shorter than 4 draws (halves need two draws for a variance)
     *     or when all draws are equal
     */
    public static double of(double[][] chains) {
        double[][] halves = split(chains);
        if (halves[0].length < 2) {
            return Double.NaN;
        }
        double bulk = basic(rankNormalise(halves));
        double tail = basic(rankNormalise(fold(halves)));
        return Math.max(bulk, tail);
    }

    /**
     * Each chain's first ⌊n/2⌋ and last ⌊n/2⌋ draws, as two chains (the middle draw of an odd
     * length is left out).
     */
    static double[][] split(double[][] chains) {
        int n = chains[0].length;
        int h = n / 2;
        double[][] halves = new double[2 * chains.length][];
        for (int j = 0; j < chains.length; j++) {
            if (chains[j].length != n) {
                throw new IllegalArgumentException("chains of lengths " + n + " and " + chains[j].length);
            }
            halves[2 * j] = Arrays.copyOfRange(chains[j], 0, h);
            halves[2 * j + 1] = Arrays.copyOfRange(chains[j], n - h, n);
        }
        return halves;
    }

    /**
     * Φ⁻¹((r − 3/8)/(S + 1/4)), with r the rank of a draw among all S draws (ties take their
     * average rank).
     */
    static double[][] rankNormalise(double[][] chains) {
        double[] sorted = pooledSorted(chains);
        int total = sorted.length;
        // Normal scores by sorted position, filled at the first position of each run of equal values.
        double[] score = new double[total];
        for (int lo = 0, hi; lo < total; lo = hi) {
            hi = lo + 1;
            while (hi < total && sorted[hi] == sorted[lo]) {
                hi++;
            }
            // Ranks lo + 1 .. hi hold this value.
            double rank = 0.5 * (lo + 1 + hi);
            score[lo] = STANDARD_NORMAL.inverseCumulativeProbability((rank - BLOM) / (total + 1 - 2 * BLOM));
        }
        double[][] z = new double[chains.length][];
        for (int j = 0; j < chains.length; j++) {
            z[j] = new double[chains[j].length];
            for (int t = 0; t < chains[j].length; t++) {
                z[j][t] = score[firstAtLeast(sorted, chains[j][t])];
            }
        }
        return z;
    }

    /** |θ − median|, the median taken over all draws. */
    static double[][] fold(double[][] chains) {
        double[] sorted = pooledSorted(chains);
        int total = sorted.length;
        double median = total % 2 == 1 ? sorted[total / 2] : 0.5 * (sorted[total / 2 - 1] + sorted[total / 2]);
        double[][] folded = new double[chains.length][];
        for (int j = 0; j < chains.length; j++) {
            folded[j] = new double[chains[j].length];
            for (int t = 0; t < chains[j].length; t++) {
                folded[j][t] = Math.abs(chains[j][t] - median);
            }
        }
        return folded;
    }

    /**
     * The classic R̂ = √(V̂/W) of m chains of n draws: W the mean within-chain variance, B = n
     * times the variance of the chain means, V̂ = (n − 1)/n W + B/n (BDA3, §11.4).
     * NaN when W = 0.
     */
    static double basic(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double[] means = new double[m];
        double within = 0;
        double grand = 0;
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (double v : chains[j]) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : chains[j]) {
                ss += (v - mean) * (v - mean);
            }
            means[j] = mean;
            within += ss / (n - 1) / m;
            grand += mean / m;
        }
        double spread = 0;
        for (double mean : means) {
            spread += (mean - grand) * (mean - grand);
        }
        double between = n * spread / (m - 1);
        double pooled = (n - 1.0) / n * within + between / n;
        return within > 0 ? Math.sqrt(pooled / within) : Double.NaN;
    }

    private static double[] pooledSorted(double[][] chains) {
        int total = 0;
        for (double[] chain : chains) {
            total += chain.length;
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] chain : chains) {
            System.arraycopy(chain, 0, all, at, chain.length);
            at += chain.length;
        }
        Arrays.sort(all);
        return all;
    }

    /** The first index whose value is ≥ v. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
