package org.sixsa4j.sbi.restriction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sixsa4j.sbi.ParameterDistribution;
import org.sixsa4j.simulate.RandomStreams;

/**
 * The rounds of SIXSA's prior restriction (Barret &amp; Dupourqué 2024, A&amp;A), as sbi's
 * {@code RestrictionEstimator} tutorial runs them (Deistler et al. 2022, PNAS 119(44)). Round r
 * draws n parameter vectors from the current proposal (the prior in round 1, then the previous
 * round's restricted prior), labels them with the {@link ValidityCriterion}, trains a new
 * {@link RestrictionClassifier} on the labelled draws of all rounds so far, and restricts the
 * prior with it. The run stops once the fraction of valid simulations in a round reaches the
 * target, or after the maximum number of rounds.
 *
 * <p>The valid fraction of round r measures the restricted prior of round r − 1; the prior
 * returned is the one trained after the last round, on more data, so its precision is usually
 * at least the last one measured. The default target, 0.95, is where further rounds stop paying:
 * a threshold that allows no false negatives errs towards accepting, so the valid fraction
 * creeps towards 1 only as the boundary is resolved ever more finely, while each round costs n
 * simulations. Defaults: n = 2000, at most 5 rounds.
 *
 * <p>Everything random comes from the run seed through {@link RandomStreams}: round r draws its
 * parameters from stream 3r, trains from a seed taken from stream 3r + 1 and estimates the
 * acceptance rate from stream 3r + 2. The criterion sees the run-wide index of each simulation
 * (0, 1, … across rounds) to pick its own streams, so a run is the same for any thread count.
 */
public final class PriorRestriction {
    private final ParameterDistribution prior;
    private final ValidityCriterion criterion;
    private final int simulationsPerRound;
    private final int maxRounds;
    private final double targetValidFraction;
    private final ClassifierSettings classifierSettings;
    private final int acceptanceDraws;
    private final long seed;
    private final RestrictionListener listener;

    private PriorRestriction(Builder b) {
        this.prior = b.prior;
        this.criterion = b.criterion;
        this.simulationsPerRound = b.simulationsPerRound;
        this.maxRounds = b.maxRounds;
        this.targetValidFraction = b.targetValidFraction;
        this.classifierSettings = b.classifierSettings;
        this.acceptanceDraws = b.acceptanceDraws;
        this.seed = b.seed;
        this.listener = b.listener;
    }

    /** A restriction of {@code prior} to where {@code criterion} holds. */
    public static Builder builder(ParameterDistribution prior, ValidityCriterion criterion) {
        return new Builder(prior, criterion);
    }

    /**
     * Runs the rounds.
     *
     * @throws IllegalStateException when the criterion returns the wrong number of labels, when
     *     fewer than 2 simulations are valid after a round, or when a classifier accepts no prior draw
     */
    public RestrictionResult run() {
        RandomStreams streams = RandomStreams.of(seed);
        List<double[]> thetas = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<RestrictionRound> rounds = new ArrayList<>();
        ParameterDistribution proposal = prior;
        ClassifierRestrictedPrior restricted = null;
        int totalValid = 0;
        for (int round = 1; round <= maxRounds; round++) {
            double[][] draws = proposal.sample(simulationsPerRound, streams.stream(3L * round));
            boolean[] roundLabels = criterion.labels(draws, thetas.size());
            if (roundLabels.length != draws.length) {
                throw new IllegalStateException("round " + round + ": the criterion returned " + roundLabels.length + " labels for "
                        + draws.length + " parameter vectors");
            }
            int valid = 0;
            for (int i = 0; i < draws.length; i++) {
                thetas.add(draws[i]);
                labels.add(roundLabels[i]);
                valid += roundLabels[i] ? 1 : 0;
            }
            totalValid += valid;
            if (totalValid < 2) {
                throw new IllegalStateException("round " + round + ": the criterion marked " + totalValid + " of " + thetas.size()
                        + " simulations valid; the restriction classifier needs at least 2: loosen the criterion or run more simulations per round");
            }
            RestrictionClassifier classifier = RestrictionClassifier.train(thetas.toArray(new double[0][]), unbox(labels), classifierSettings,
                    streams.stream(3L * round + 1).nextLong());
            restricted = ClassifierRestrictedPrior.builder(prior, classifier).acceptanceDraws(acceptanceDraws)
                    .seed(streams.stream(3L * round + 2).nextLong()).listener(listener).build();
            RestrictionRound report = new RestrictionRound(round, draws.length, valid, thetas.size(), totalValid, restricted.acceptanceRate(),
                    classifier.threshold(), classifier.history().epochs(), classifier.calibration());
            rounds.add(report);
            listener.roundFinished(report);
            if (report.validFraction() >= targetValidFraction) {
                return new RestrictionResult(restricted, rounds, true);
            }
            proposal = restricted;
        }
        return new RestrictionResult(restricted, rounds, false);
    }

    private static boolean[] unbox(List<Boolean> labels) {
        boolean[] out = new boolean[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i);
        }
        return out;
    }

    /** Options of {@link PriorRestriction}; each setter checks its value. */
    public static final class Builder {
        private final ParameterDistribution prior;
        private final ValidityCriterion criterion;
        private int simulationsPerRound = 2000;
        private int maxRounds = 5;
        private double targetValidFraction = 0.95;
        private ClassifierSettings classifierSettings = ClassifierSettings.defaults();
        private int acceptanceDraws = 100_000;
        private long seed;
        private RestrictionListener listener = RestrictionListener.NONE;

        private Builder(ParameterDistribution prior, ValidityCriterion criterion) {
            this.prior = Objects.requireNonNull(prior, "prior");
            this.criterion = Objects.requireNonNull(criterion, "criterion");
        }

        /** Simulations per round, n; at least 20, so that the held-out splits are not empty. */
        public Builder simulationsPerRound(int simulationsPerRound) {
            if (simulationsPerRound < 20) {
                throw new IllegalArgumentException("simulations per round must be >= 20, got " + simulationsPerRound);
            }
            this.simulationsPerRound = simulationsPerRound;
            return this;
        }

        public Builder maxRounds(int maxRounds) {
            if (maxRounds < 1) {
                throw new IllegalArgumentException("max rounds must be >= 1, got " + maxRounds);
            }
            this.maxRounds = maxRounds;
            return this;
        }

        /** The valid fraction of a round at which the run stops, in (0, 1]. */
        public Builder targetValidFraction(double targetValidFraction) {
            if (!(targetValidFraction > 0 && targetValidFraction <= 1)) {
                throw new IllegalArgumentException("target valid fraction must be in (0, 1], got " + targetValidFraction);
            }
            this.targetValidFraction = targetValidFraction;
            return this;
        }

        public Builder classifier(ClassifierSettings classifierSettings) {
            this.classifierSettings = Objects.requireNonNull(classifierSettings, "classifierSettings");
            return this;
        }

        /** Prior draws for each restricted prior's acceptance estimate, at least. */
        public Builder acceptanceDraws(int acceptanceDraws) {
            if (acceptanceDraws < 1) {
                throw new IllegalArgumentException("acceptance-estimate draws must be >= 1, got " + acceptanceDraws);
            }
            this.acceptanceDraws = acceptanceDraws;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder listener(RestrictionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public PriorRestriction build() {
            return new PriorRestriction(this);
        }
    }
}
