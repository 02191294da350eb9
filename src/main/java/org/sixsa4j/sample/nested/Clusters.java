package org.sixsa4j.sample.nested;

import java.util.Arrays;

/**
 * The connected parts of a union of balls: points whose balls of radius r overlap (centres
 * closer than 2r) belong to the same cluster, by single linkage. MLFriends uses the clusters to
 * centre each mode on its own mean before measuring the metric (Buchner 2019, PASP 131,
 * 108004), so that well-separated modes do not stretch it. Immutable.
 *
 * @param label the cluster of each point, in [0, count), numbered in order of first appearance
 * @param count the number of clusters
 */
record Clusters(int[] label, int count) {

    /** All {@code n} points in one cluster. */
    static Clusters single(int n) {
        return new Clusters(new int[n], 1);
    }

    /**
     * The single-linkage clusters of whitened points at distance {@code link}.
     *
     * @param z the points, flat: point i is {@code z[i*d .. i*d + d − 1]}
     */
    static Clusters link(double[] z, int n, int d, double link) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double linkSq = link * link;
        for (int i = 0; i < n; i++) {
            // Merges hang j's tree under i's root, so i's root stays fixed through the j loop.
            int rootOfI = root(parent, i);
            for (int j = i + 1; j < n; j++) {
                int rootOfJ = root(parent, j);
                if (rootOfI != rootOfJ && distanceSq(z, d, i, j) < linkSq) {
                    parent[rootOfJ] = rootOfI;
                }
            }
        }
        int[] label = new int[n];
        int[] labelOfRoot = new int[n];
        Arrays.fill(labelOfRoot, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = count++;
            }
            label[i] = labelOfRoot[r];
        }
        return new Clusters(label, count);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            // Path halving keeps the trees shallow without recursion.
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static double distanceSq(double[] z, int d, int i, int j) {
        double sq = 0;
        for (int a = 0; a < d; a++) {
            double t = z[i * d + a] - z[j * d + a];
            sq += t * t;
        }
        return sq;
    }
}
