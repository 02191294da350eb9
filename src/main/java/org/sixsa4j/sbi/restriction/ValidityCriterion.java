package org.sixsa4j.sbi.restriction;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which parameter vectors give a valid simulation: the labels a restriction classifier learns
 * from (sbi's {@code decision_criterion}; SIXSA's count range or best C-stat fraction, Barret
 * &amp; Dupourqué 2024, A&amp;A). Implementations may simulate; they see a whole batch, and the
 * run-wide index of its first simulation to pick random streams from.
 *
 * <p>Ready-made criteria: {@link #of(Predicate)} for any rule on θ itself,
 * {@link CountsRangeCriterion} for total counts in [c<sub>min</sub>, c<sub>max</sub>], and
 * {@link BestFractionCriterion} for the best fraction of a fit statistic.
 */
@FunctionalInterface
public interface ValidityCriterion {

    /**
     * Whether each row of {@code thetas} is valid.
     *
     * @param thetas parameter vectors, one per row; not modified
     * @param firstIndex the run-wide index of the simulation of row 0, for per-simulation random streams
     * @return an array of {@code thetas.length} labels, {@code true} for valid
     */
    boolean[] labels(double[][] thetas, long firstIndex);

    /** The criterion that asks {@code rule} about each θ alone, for regions known in advance. */
    static ValidityCriterion of(Predicate<double[]> rule) {
        Objects.requireNonNull(rule, "rule");
        return (thetas, firstIndex) -> {
            boolean[] labels = new boolean[thetas.length];
            for (int i = 0; i < thetas.length; i++) {
                labels[i] = rule.test(thetas[i]);
            }
            return labels;
        };
    }
}
