package org.sixsa4j.sbi.restriction;

import java.util.Locale;

/**
 * The counts of one round of {@link PriorRestriction}, for logs and reports: how many
 * simulations the round ran and how many were valid (the precision of the proposal it drew from:
 * the prior in round 1, the previous round's restricted prior after), and what the classifier
 * trained after it gives. SIXSA reports these to judge the restriction (Barret &amp; Dupourqué
 * 2024, A&amp;A).
 *
 * @param round the round, from 1
 * @param simulations simulations run this round
 * @param valid of which valid
 * @param totalSimulations simulations of all rounds so far, all used to train the classifier
 * @param totalValid of which valid
 * @param acceptanceRate the estimated fraction of prior draws the new restricted prior accepts
 * @param threshold the new classifier's probability threshold
 * @param epochs the new classifier's training epochs
 * @param calibration how the new threshold did on held-out points
 */
public record RestrictionRound(int round, int simulations, int valid, int totalSimulations, int totalValid, double acceptanceRate,
        double threshold, int epochs, RestrictionClassifier.Calibration calibration) {

    /** The fraction of this round's simulations that were valid. */
    public double validFraction() {
        return valid / (double) simulations;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "round %d: %d of %d simulations valid (%.3f), acceptance %.4f, threshold %.4g, %d epochs",
                round, valid, simulations, validFraction(), acceptanceRate, threshold, epochs);
    }
}
