package org.sixsa4j.sample.nested;

import java.util.Arrays;

/**
 * The points of a run in the order the evidence sum takes them: the dead points in order of
 * death, then the final live points by increasing likelihood, each with its log-likelihood, its
 * log weight log(w L) and the number of live points when it died.
 */
final class RunRecord {
    private double[][] theta = new double[1024][];
    private double[] logL = new double[1024];
    private double[] logWeight = new double[1024];
    private int[] liveCount = new int[1024];
    private int size;
    private int dead;

    /** Appends a dead point; {@code theta} is copied. */
    void addDead(double[] point, double pointLogL, double pointLogWeight, int live) {
        append(point, pointLogL, pointLogWeight, live);
        dead = size;
    }

    /**
     * Appends the live points left at the end, each with an equal share of the volume left:
     * w = X / n (Skilling 2006, Bayesian Analysis 1, 833).
     */
    void addFinal(LivePoints live, double logX) {
        double logShare = logX - Math.log(live.size());
        for (int slot : live.slotsByLogL()) {
            append(live.theta(slot), live.logL(slot), logShare + live.logL(slot), live.size());
        }
    }

    private void append(double[] point, double pointLogL, double pointLogWeight, int live) {
        if (size == logL.length) {
            int capacity = 2 * size;
            theta = Arrays.copyOf(theta, capacity);
            logL = Arrays.copyOf(logL, capacity);
            logWeight = Arrays.copyOf(logWeight, capacity);
            liveCount = Arrays.copyOf(liveCount, capacity);
        }
        theta[size] = point.clone();
        logL[size] = pointLogL;
        logWeight[size] = pointLogWeight;
        liveCount[size] = live;
        size++;
    }

    int size() {
        return size;
    }

    /** The number of dead points: they come first. */
    int dead() {
        return dead;
    }

    /** The parameters of point i (shared, not copied). */
    double[] theta(int i) {
        return theta[i];
    }

    double[] logL() {
        return Arrays.copyOf(logL, size);
    }

    double[] logWeight() {
        return Arrays.copyOf(logWeight, size);
    }

    int[] liveCount() {
        return Arrays.copyOf(liveCount, size);
    }
}
