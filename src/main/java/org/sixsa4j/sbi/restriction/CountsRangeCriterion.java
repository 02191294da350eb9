package org.sixsa4j.sbi.restriction;

import java.util.Objects;

/**
 * A simulation is valid when its total counts lie in [c<sub>min</sub>, c<sub>max</sub>]: SIXSA's
 * first restriction rule, which discards parameters giving spectra far fainter or brighter than
 * anything the observation could be (Barret &amp; Dupourqué 2024, A&amp;A). The counts come from
 * the caller through a {@link BatchStatistic}; NaN or infinite counts (a failed simulation) are
 * invalid. Immutable.
 */
public final class CountsRangeCriterion implements ValidityCriterion {
    private final BatchStatistic totalCounts;
    private final double cmin;
    private final double cmax;

    private CountsRangeCriterion(BatchStatistic totalCounts, double cmin, double cmax) {
        this.totalCounts = totalCounts;
        this.cmin = cmin;
        this.cmax = cmax;
    }

    /**
     * Valid when {@code cmin <= totalCounts(θ) <= cmax}.
     *
     * @throws IllegalArgumentException when a bound is NaN or {@code cmin > cmax}
     */
    public static CountsRangeCriterion of(BatchStatistic totalCounts, double cmin, double cmax) {
        Objects.requireNonNull(totalCounts, "totalCounts");
        if (Double.isNaN(cmin) || Double.isNaN(cmax)) {
            throw new IllegalArgumentException("counts range bounds must be numbers, got [" + cmin + ", " + cmax + "]");
        }
        if (cmin > cmax) {
            throw new IllegalArgumentException("counts range [" + cmin + ", " + cmax + "] is empty: cmin must be <= cmax");
        }
        return new CountsRangeCriterion(totalCounts, cmin, cmax);
    }

    @Override
    public boolean[] labels(double[][] thetas, long firstIndex) {
        double[] counts = totalCounts.evaluate(thetas, firstIndex);
        if (counts.length != thetas.length) {
            throw new IllegalStateException("the total-counts statistic returned " + counts.length + " values for " + thetas.length + " parameter vectors");
        }
        return labels(counts);
    }

    /** The label of each of {@code counts}: whether it is finite and in [cmin, cmax]. */
    public boolean[] labels(double[] counts) {
        boolean[] labels = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            labels[i] = contains(counts[i]);
        }
        return labels;
    }

    /** Whether {@code counts} is finite and in [cmin, cmax]. */
    public boolean contains(double counts) {
        return Double.isFinite(counts) && counts >= cmin && counts <= cmax;
    }

    public double cmin() {
        return cmin;
    }

    public double cmax() {
        return cmax;
    }

    @Override
    public String toString() {
        return "counts in [" + cmin + ", " + cmax + "]";
    }
}
