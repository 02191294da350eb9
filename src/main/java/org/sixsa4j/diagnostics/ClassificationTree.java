package org.sixsa4j.diagnostics;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One fully grown CART tree for two classes (Breiman, Friedman, Olshen &amp; Stone 1984), grown
 * as a member of a random forest (Breiman 2001, "Random forests", Machine Learning 45:5–32): on a
 * bootstrap sample, trying a random subset of the features at each node and keeping the split
 * with the lowest Gini impurity. Nodes are split until they are pure or no feature varies in them,
 * so every leaf holds points of one class unless identical points carry both labels.
 *
 * <p>The tree is immutable once grown. Its nodes live in parallel arrays; the children of an
 * inner node k are nodes {@code firstChild[k]} (the points with {@code x[feature[k]] <=
 * threshold[k]}) and {@code firstChild[k] + 1}.
 */
final class ClassificationTree {
    /** A leaf's vote, in half votes: 2 for class 1, 0 for class 0, 1 for a tie. */
    static final int FULL_VOTE = 2;

    private final int[] feature;
    private final double[] threshold;
    private final int[] firstChild;
    private final byte[] vote;

    private ClassificationTree(int[] feature, double[] threshold, int[] firstChild, byte[] vote) {
        this.feature = feature;
        this.threshold = threshold;
        this.firstChild = firstChild;
        this.vote = vote;
    }

    /** This tree's vote for a point, in half votes: 2 for class 1, 0 for class 0, 1 for a tie. */
    int vote(double[] point) {
        int k = 0;
        while (feature[k] >= 0) {
            k = point[feature[k]] <= threshold[k] ? firstChild[k] : firstChild[k] + 1;
        }
        return vote[k];
    }

    /**
     * Grows a tree on a bootstrap sample of the training points.
     *
     * @param training the training points, sorted by each feature
     * @param tried how many features to try at each node
     * @param rng this tree's own random stream; it draws the bootstrap sample and the features
     */
    static ClassificationTree grow(TrainingSet training, int tried, UniformRandomProvider rng) {
        int n = training.label.length;
        int[] copies = new int[n];
        for (int i = 0; i < n; i++) {
            copies[rng.nextInt(n)]++;
        }
        return new Grower(training, copies, tried, rng).grow();
    }

    /**
     * Labelled training points, sorted once by each feature so that every tree of a forest gets its
     * own sorted orders by a linear pass over its bootstrap sample.
     */
    static final class TrainingSet {
        private final int[] label;
        /** For each feature j, the points in increasing order of it, and their values of it. */
        private final int[][] sorted;
        private final double[][] sortedValue;

        /**
         * @param x the points, one row each, all of the same length
         * @param label the class of each point, 0 or 1
         */
        TrainingSet(double[][] x, int[] label) {
            this.label = label;
            int n = x.length;
            int d = x[0].length;
            sorted = new int[d][];
            sortedValue = new double[d][n];
            for (int j = 0; j < d; j++) {
                int feature = j;
                sorted[j] = IntStream.range(0, n).boxed()
                        .sorted(Comparator.comparingDouble(i -> x[i][feature]))
                        .mapToInt(Integer::intValue).toArray();
                for (int r = 0; r < n; r++) {
                    sortedValue[j][r] = x[sorted[j][r]][j];
                }
            }
        }

        int features() {
            return sorted.length;
        }
    }

    /** The mutable state of growing one tree. */
    private static final class Grower {
        private final int[] copies;
        /** copies[i] × label[i]: the weight point i adds to class 1. */
        private final int[] ones;
        private final int tried;
        private final UniformRandomProvider rng;
        /**
         * For each feature, the distinct points of the bootstrap sample in increasing order of it,
         * and their values of it. Every node owns the same range [start, end) of all these arrays;
         * splitting a node partitions its range stably, so the sub-ranges stay sorted and no sort is
         * needed below the root.
         */
        private final int[][] order;
        private final double[][] value;
        private final int[] featureOrder;
        /** 1 if point i goes to the left child of the node being split, else 0. */
        private final byte[] side;
        private final int[] pointBuffer;
        private final double[] valueBuffer;

        private final int[] feature;
        private final double[] threshold;
        private final int[] firstChild;
        private final byte[] vote;
        private int nodes;
        /** The class-1 and total weights of the best split's left child, set by findSplit. */
        private int leftOnes;
        private int leftTotal;

        Grower(TrainingSet training, int[] copies, int tried, UniformRandomProvider rng) {
            this.copies = copies;
            this.tried = tried;
            this.rng = rng;
            int n = copies.length;
            ones = new int[n];
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                ones[i] = copies[i] * training.label[i];
                distinct += copies[i] > 0 ? 1 : 0;
            }
            int d = training.features();
            order = new int[d][distinct];
            value = new double[d][distinct];
            for (int j = 0; j < d; j++) {
                int[] sorted = training.sorted[j];
                int m = 0;
                for (int r = 0; r < n; r++) {
                    int i = sorted[r];
                    if (copies[i] > 0) {
                        order[j][m] = i;
                        value[j][m] = training.sortedValue[j][r];
                        m++;
                    }
                }
            }
            featureOrder = new int[d];
            for (int j = 0; j < d; j++) {
                featureOrder[j] = j;
            }
            side = new byte[n];
            pointBuffer = new int[distinct];
            valueBuffer = new double[distinct];
            // A binary tree whose leaves are non-empty has at most 2m − 1 nodes for m points.
            int capacity = 2 * distinct - 1;
            feature = new int[capacity];
            threshold = new double[capacity];
            firstChild = new int[capacity];
            vote = new byte[capacity];
        }

        ClassificationTree grow() {
            int total = 0;
            int classOne = 0;
            for (int i : order[0]) {
                total += copies[i];
                classOne += ones[i];
            }
            // An explicit stack, as on noise a CART tree can be deeper than the thread stack allows.
            // Each entry: node, start, end, class-1 weight, total weight.
            Deque<int[]> pending = new ArrayDeque<>();
            pending.push(new int[] {0, 0, order[0].length, classOne, total});
            nodes = 1;
            while (!pending.isEmpty()) {
                int[] node = pending.pop();
                int k = node[0];
                int start = node[1];
                int end = node[2];
                classOne = node[3];
                total = node[4];
                if (classOne == 0 || classOne == total || !findSplit(k, start, end, classOne, total)) {
                    feature[k] = -1;
                    vote[k] = (byte) (Integer.signum(2 * classOne - total) + 1);
                    continue;
                }
                int middle = partition(feature[k], start, end, threshold[k]);
                firstChild[k] = nodes;
                pending.push(new int[] {nodes + 1, middle, end, classOne - leftOnes, total - leftTotal});
                pending.push(new int[] {nodes, start, middle, leftOnes, leftTotal});
                nodes += 2;
            }
            return new ClassificationTree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
                    Arrays.copyOf(firstChild, nodes), Arrays.copyOf(vote, nodes));
        }

        /**
         * Looks for the best split of node k among {@code tried} randomly chosen features that vary
         * in the node (more are drawn while the drawn ones are constant, as in scikit-learn), and
         * stores it in {@code feature[k]} and {@code threshold[k]}. Returns false if no feature varies.
         *
         * <p>The Gini impurity of a split, weighted by the children's sizes, is
         * n − Σ<sub>children</sub> (n<sub>0</sub>² + n<sub>1</sub>²)/n, so the best split maximises
         * the sum of (n<sub>0</sub>² + n<sub>1</sub>²)/n over the two children.
         */
        private boolean findSplit(int k, int start, int end, int classOne, int total) {
            int d = featureOrder.length;
            double bestScore = Double.NEGATIVE_INFINITY;
            int bestFeature = -1;
            int bestPosition = -1;
            int varying = 0;
            for (int drawn = 0; drawn < d && varying < tried; drawn++) {
                int pick = drawn + rng.nextInt(d - drawn);
                int j = featureOrder[pick];
                featureOrder[pick] = featureOrder[drawn];
                featureOrder[drawn] = j;
                int[] point = order[j];
                double[] v = value[j];
                if (v[start] == v[end - 1]) {
                    continue;
                }
                varying++;
                double left = 0;
                double leftClassOne = 0;
                for (int p = start; p < end - 1; p++) {
                    int i = point[p];
                    left += copies[i];
                    leftClassOne += ones[i];
                    if (v[p] == v[p + 1]) {
                        continue;
                    }
                    double right = total - left;
                    double rightClassOne = classOne - leftClassOne;
                    double leftZero = left - leftClassOne;
                    double rightZero = right - rightClassOne;
                    double score = ((leftClassOne * leftClassOne + leftZero * leftZero) * right
                            + (rightClassOne * rightClassOne + rightZero * rightZero) * left) / (left * right);
                    if (score > bestScore) {
                        bestScore = score;
                        bestFeature = j;
                        bestPosition = p;
                    }
                }
            }
            if (bestFeature < 0) {
                return false;
            }
            feature[k] = bestFeature;
            threshold[k] = midpoint(value[bestFeature][bestPosition], value[bestFeature][bestPosition + 1]);
            leftOnes = 0;
            leftTotal = 0;
            for (int p = start; p <= bestPosition; p++) {
                int i = order[bestFeature][p];
                leftOnes += ones[i];
                leftTotal += copies[i];
            }
            return true;
        }

        /** Stably moves the points with feature j ≤ t to the front of [start, end) in every order. */
        private int partition(int j, int start, int end, double t) {
            int middle = start;
            for (int p = start; p < end; p++) {
                byte s = (byte) (value[j][p] <= t ? 1 : 0);
                side[order[j][p]] = s;
                middle += s;
            }
            for (int f = 0; f < order.length; f++) {
                if (f == j) {
                    // Sorted by the split feature itself: already left points first.
                    continue;
                }
                int[] point = order[f];
                double[] v = value[f];
                int l = start;
                int r = 0;
                // Branch-free: which side a point goes to is a coin flip the processor cannot predict.
                for (int p = start; p < end; p++) {
                    int i = point[p];
                    double x = v[p];
                    int s = side[i];
                    point[l] = i;
                    v[l] = x;
                    pointBuffer[r] = i;
                    valueBuffer[r] = x;
                    l += s;
                    r += 1 - s;
                }
                System.arraycopy(pointBuffer, 0, point, l, r);
                System.arraycopy(valueBuffer, 0, v, l, r);
            }
            return middle;
        }
    }

    /** Halfway between two values low &lt; high, never rounded onto high (which would then go left). */
    static double midpoint(double low, double high) {
        // Halving first cannot overflow.
        double mid = low / 2 + high / 2;
        return mid >= low && mid < high ? mid : low;
    }
}
