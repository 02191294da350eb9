package org.sixsa4j.sbi.restriction;

import java.util.Arrays;
import java.util.Objects;

/**
 * A simulation is valid when its statistic (the C-stat of the simulated spectrum against the
 * observation, say) is among the best, lowest, fraction f of the simulations drawn from the prior:
 * SIXSA's second restriction rule (Barret &amp; Dupourqué 2024, A&amp;A), which keeps the region
 * of parameters whose spectra look at least roughly like the observed one.
 *
 * <p>The cut is a value, fixed once: the first batch this criterion labels sets the threshold t
 * to its ⌈f·n⌋-th lowest finite statistic (n the batch size, rounded to the nearest integer and
 * at least 1), and every batch, that one included, is then labelled valid where the statistic is
 * finite and ≤ t. {@link PriorRestriction} labels the prior draws of round 1 first, so t is the
 * f-quantile under the prior; later rounds, drawn from the restricted prior, are judged by the
 * same t and so can reach a valid fraction near 1, which a per-batch quantile never could.
 * Ties at t are all valid, so a batch may hold slightly more than f·n valid simulations. NaN or
 * infinite statistics are invalid, and a first batch with no finite statistic leaves t unset.
 *
 * <p>Because of that one piece of state, use a new instance per restriction run. Thread-safe.
 */
public final class BestFractionCriterion implements ValidityCriterion {
    private final BatchStatistic statistic;
    private final double fraction;
    private double threshold = Double.NaN;

    private BestFractionCriterion(BatchStatistic statistic, double fraction) {
        this.statistic = statistic;
        this.fraction = fraction;
    }

    /**
     * Valid when {@code statistic(θ)} is within the best {@code fraction} of the first batch.
     *
     * @param fraction f, in (0, 1]
     * @throws IllegalArgumentException when f is outside (0, 1]
     */
    public static BestFractionCriterion of(BatchStatistic statistic, double fraction) {
        Objects.requireNonNull(statistic, "statistic");
        checkFraction(fraction);
        return new BestFractionCriterion(statistic, fraction);
    }

    @Override
    public synchronized boolean[] labels(double[][] thetas, long firstIndex) {
        double[] values = statistic.evaluate(thetas, firstIndex);
        if (values.length != thetas.length) {
            throw new IllegalStateException("the statistic returned " + values.length + " values for " + thetas.length + " parameter vectors");
        }
        if (Double.isNaN(threshold)) {
            threshold = threshold(values, fraction);
        }
        return atMost(values, threshold);
    }

    /** The threshold t fixed by the first batch, NaN before it. */
    public synchronized double threshold() {
        return threshold;
    }

    /** The fraction f. */
    public double fraction() {
        return fraction;
    }

    /**
     * The ⌈f·n⌋-th lowest finite value of {@code values}, n = {@code values.length}: the largest
     * value the best fraction f keeps. When fewer values are finite, the largest finite one; NaN
     * when none is.
     *
     * @throws IllegalArgumentException when f is outside (0, 1]
     */
    public static double threshold(double[] values, double fraction) {
        checkFraction(fraction);
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        // Rounding, not ceil: f·n carries float error (0.3 · 10 = 3.0000000000000004).
        int keep = (int) Math.max(1, Math.round(fraction * values.length));
        return finite[Math.min(keep, finite.length) - 1];
    }

    /**
     * Labels the best (lowest) fraction f of {@code values} valid, ties at the cut included and
     * non-finite values excluded: {@code atMost(values, threshold(values, fraction))}.
     */
    public static boolean[] best(double[] values, double fraction) {
        return atMost(values, threshold(values, fraction));
    }

    /** Whether each value is finite and ≤ {@code threshold}; all false for a NaN threshold. */
    public static boolean[] atMost(double[] values, double threshold) {
        boolean[] labels = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = Double.isFinite(values[i]) && values[i] <= threshold;
        }
        return labels;
    }

    private static void checkFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("best fraction must be in (0, 1], got " + fraction);
        }
    }

    @Override
    public String toString() {
        return "best " + fraction + " of the statistic";
    }
}
