package org.sixsa4j.diagnostics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * The classifier two-sample test, C2ST (Friedman 2003; Lopez-Paz & Oquab 2017): how well a
 * classifier tells two samples apart. The score is its cross-validated accuracy: 0.5 when the
 * samples come from the same distribution, 1 when they do not overlap. It is the standard check
 * of a simulation-based posterior against a reference one (Lueckmann et al. 2021).
 *
 * <p>The classifier here is k-nearest neighbours with k = 2⌊√n / 2⌋ + 1 for n training points,
 * on features standardised with the pooled mean and standard deviation, scored by 5-fold
 * cross-validation on equal numbers of points from each sample (the larger is subsampled). kNN
 * needs no training and is consistent (its accuracy tends to the Bayes accuracy as n grows),
 * which is what a two-sample test needs; the neural classifier of the sbi package can replace it
 * once the neural-network core exists. Deterministic for a given seed.
 */
public final class ClassifierTwoSampleTest {
    private static final int FOLDS = 5;

    private ClassifierTwoSampleTest() {
    }

    /**
     * The cross-validated accuracy of telling {@code a} from {@code b}.
     *
     * @param a points of the first sample, one row per point
     * @param b points of the second sample, with the same number of columns
     */
    public static double accuracy(double[][] a, double[][] b, long seed) {
        int d = a[0].length;
        if (b[0].length != d) {
            throw new IllegalArgumentException("the samples have " + d + " and " + b[0].length + " columns");
        }
        int m = Math.min(a.length, b.length);
        if (m < FOLDS) {
            throw new IllegalArgumentException("C2ST needs at least " + FOLDS + " points in each sample");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] pickA = PermutationSampler.natural(a.length);
        PermutationSampler.shuffle(rng, pickA);
        int[] pickB = PermutationSampler.natural(b.length);
        PermutationSampler.shuffle(rng, pickB);
        int n = 2 * m;
        double[][] x = new double[n][];
        int[] label = new int[n];
        for (int i = 0; i < m; i++) {
            x[2 * i] = a[pickA[i]].clone();
            label[2 * i] = 0;
            x[2 * i + 1] = b[pickB[i]].clone();
            label[2 * i + 1] = 1;
        }
        standardise(x, d);
        int[] order = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, order);
        int train = n - n / FOLDS;
        int k = 2 * (int) Math.floor(Math.sqrt(train) / 2) + 1;
        int correct = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            int from = fold * n / FOLDS;
            int to = (fold + 1) * n / FOLDS;
            for (int t = from; t < to; t++) {
                int q = order[t];
                int votes = nearestVotes(x, label, order, from, to, q, k);
                int predicted = 2 * votes > k ? 1 : 0;
                if (predicted == label[q]) {
                    correct++;
                }
            }
        }
        return correct / (double) n;
    }

    /** Among the k nearest training points (all but positions [from, to) of {@code order}), how many have label 1. */
    private static int nearestVotes(double[][] x, int[] label, int[] order, int from, int to, int q, int k) {
        double[] best = new double[k];
        int[] bestLabel = new int[k];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[] p = x[q];
        for (int t = 0; t < order.length; t++) {
            if (t >= from && t < to) {
                continue;
            }
            double[] r = x[order[t]];
            double dist = 0;
            for (int j = 0; j < p.length; j++) {
                double diff = p[j] - r[j];
                dist += diff * diff;
            }
            if (dist < best[k - 1]) {
                // insertion into the sorted list of the k best
                int i = k - 1;
                while (i > 0 && best[i - 1] > dist) {
                    best[i] = best[i - 1];
                    bestLabel[i] = bestLabel[i - 1];
                    i--;
                }
                best[i] = dist;
                bestLabel[i] = label[order[t]];
            }
        }
        int votes = 0;
        for (int l : bestLabel) {
            votes += l;
        }
        return votes;
    }

    private static void standardise(double[][] x, int d) {
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= x.length;
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(var / (x.length - 1));
            double scale = sd > 0 ? 1 / sd : 1;
            for (double[] row : x) {
                row[j] = (row[j] - mean) * scale;
            }
        }
    }
}
