package org.sixsa4j.sbi.restriction;

import java.util.List;

/**
 * What a {@link PriorRestriction} run gives: the restricted prior of the last round, to draw
 * the next stage's simulations from (SIXSA, Barret &amp; Dupourqué 2024, A&amp;A), and the
 * per-round counts.
 *
 * @param restrictedPrior the prior restricted by the classifier trained on all rounds
 * @param rounds the counts of each round, in order
 * @param reachedTarget whether the last round's valid fraction reached the target, rather than
 *        the run stopping at its maximum number of rounds
 */
public record RestrictionResult(ClassifierRestrictedPrior restrictedPrior, List<RestrictionRound> rounds, boolean reachedTarget) {

    public RestrictionResult {
        rounds = List.copyOf(rounds);
    }

    /** The classifier of the last round. */
    public RestrictionClassifier classifier() {
        return restrictedPrior.classifier();
    }

    /** The last round's counts. */
    public RestrictionRound lastRound() {
        return rounds.get(rounds.size() - 1);
    }
}
