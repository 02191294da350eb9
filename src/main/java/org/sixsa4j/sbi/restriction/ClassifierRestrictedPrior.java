package org.sixsa4j.sbi.restriction;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.sbi.ParameterDistribution;
import org.sixsa4j.simulate.RandomStreams;

/**
 * A prior restricted to the region a {@link RestrictionClassifier} accepts, sampled by rejection:
 * sbi's {@code RestrictedPrior} (Deistler et al. 2022, PNAS 119(44)), the proposal SIXSA's later
 * rounds draw from (Barret &amp; Dupourqué 2024, A&amp;A). Its density is
 * p<sub>r</sub>(θ) = p(θ) / α inside the region and 0 outside, where α, the prior mass of the
 * region, is the acceptance rate of rejection sampling.
 *
 * <p>α is estimated once, at construction, from prior draws of a seeded stream: at least
 * {@link Builder#acceptanceDraws} (default 100 000), continued until 1000 are accepted or
 * {@link Builder#maxDraws} are drawn, so that its relative standard error,
 * √((1 − α)/(α N)), stays near 3 % or better; the log-density is therefore normalised up to that
 * error. A listener is warned when α &lt; 1 %, since every sample then costs over 100 prior draws
 * and classifier evaluations. Sampling draws batches from the prior and evaluates the classifier
 * on each batch in one forward pass; accepted draws are kept in the order drawn, so a sample
 * depends only on the stream, not on the batch sizes. Immutable and thread-safe (as far as the
 * underlying prior is).
 */
public final class ClassifierRestrictedPrior implements ParameterDistribution {
    /** Below this acceptance rate the listener is warned. */
    public static final double LOW_ACCEPTANCE = 0.01;
    /** Accepted draws the acceptance estimate aims for, for a relative error near 1/√1000 ≈ 3 %. */
    private static final int ESTIMATE_ACCEPTED = 1000;

    private final ParameterDistribution prior;
    private final RestrictionClassifier classifier;
    private final int batchSize;
    private final long maxDraws;
    private final long estimateDraws;
    private final long estimateAccepted;
    private final double logAcceptance;

    /** A restricted prior whose acceptance rate was estimated as {@code estimateAccepted} of {@code estimateDraws} prior draws. */
    ClassifierRestrictedPrior(ParameterDistribution prior, RestrictionClassifier classifier, int batchSize, long maxDraws, long estimateDraws,
            long estimateAccepted) {
        this.prior = prior;
        this.classifier = classifier;
        this.batchSize = batchSize;
        this.maxDraws = maxDraws;
        this.estimateDraws = estimateDraws;
        this.estimateAccepted = estimateAccepted;
        this.logAcceptance = Math.log(estimateAccepted / (double) estimateDraws);
    }

    /** The most prior draws evaluated in one forward pass. */
    int batchSize() {
        return batchSize;
    }

    /** The cap on prior draws per {@link #sample} call. */
    long maxDraws() {
        return maxDraws;
    }

    /** The prior draws the classifier accepted in the acceptance estimate. */
    long acceptedDraws() {
        return estimateAccepted;
    }

    /** Options of a restricted prior over {@code prior}, through {@code classifier}. */
    public static Builder builder(ParameterDistribution prior, RestrictionClassifier classifier) {
        return new Builder(prior, classifier);
    }

    /** The restricted prior with default options, its acceptance rate estimated from {@code seed}. */
    public static ClassifierRestrictedPrior of(ParameterDistribution prior, RestrictionClassifier classifier, long seed) {
        return builder(prior, classifier).seed(seed).build();
    }

    @Override
    public int dimension() {
        return prior.dimension();
    }

    /** log p(θ) − log α where the classifier accepts θ, −∞ elsewhere. */
    @Override
    public double logDensity(double[] theta) {
        double base = prior.logDensity(theta);
        if (base == Double.NEGATIVE_INFINITY || !classifier.accepts(theta)) {
            return Double.NEGATIVE_INFINITY;
        }
        return base - logAcceptance;
    }

    /** {@link #logDensity(double[])} of each row, with one forward pass of the classifier. */
    public double[] logDensity(double[][] thetas) {
        boolean[] accepted = classifier.accepts(thetas);
        double[] out = new double[thetas.length];
        for (int i = 0; i < thetas.length; i++) {
            double base = accepted[i] ? prior.logDensity(thetas[i]) : Double.NEGATIVE_INFINITY;
            out[i] = base == Double.NEGATIVE_INFINITY ? base : base - logAcceptance;
        }
        return out;
    }

    /**
     * {@code n} draws by rejection from the prior.
     *
     * @throws IllegalStateException when {@code maxDraws} prior draws give fewer than {@code n} accepted
     */
    @Override
    public double[][] sample(int n, UniformRandomProvider rng) {
        if (n < 0) {
            throw new IllegalArgumentException("number of samples must be >= 0, got " + n);
        }
        double[][] out = new double[n][];
        int have = 0;
        long drawn = 0;
        double rate = acceptanceRate();
        while (have < n) {
            if (drawn >= maxDraws) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "the restricted prior accepted %d of %d prior draws (the cap, maxDraws) but %d samples were asked;"
                                + " its estimated acceptance is %.3g: raise maxDraws or retrain the classifier on more valid simulations",
                        have, drawn, n, rate));
            }
            // Enough for what is left, with 10 % to spare, so that most calls take one batch.
            long wanted = (long) Math.ceil(1.1 * (n - have) / rate) + 16;
            int m = (int) Math.min(Math.min(batchSize, wanted), maxDraws - drawn);
            double[][] draws = prior.sample(m, rng);
            boolean[] accepted = classifier.accepts(draws);
            drawn += m;
            for (int i = 0; i < m && have < n; i++) {
                if (accepted[i]) {
                    out[have++] = draws[i];
                }
            }
        }
        return out;
    }

    /** α, the estimated fraction of prior draws the classifier accepts. */
    public double acceptanceRate() {
        return estimateAccepted / (double) estimateDraws;
    }

    /** The standard error of {@link #acceptanceRate()}, √(α(1 − α)/N). */
    public double acceptanceStandardError() {
        double a = acceptanceRate();
        return Math.sqrt(a * (1 - a) / estimateDraws);
    }

    /** N, the prior draws the acceptance rate was estimated from. */
    public long acceptanceDraws() {
        return estimateDraws;
    }

    /** Whether α is below {@value #LOW_ACCEPTANCE}, the warning level. */
    public boolean lowAcceptance() {
        return acceptanceRate() < LOW_ACCEPTANCE;
    }

    /** The prior being restricted. */
    public ParameterDistribution prior() {
        return prior;
    }

    public RestrictionClassifier classifier() {
        return classifier;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ClassifierRestrictedPrior[dimension %d, acceptance %.4g ± %.2g]", dimension(), acceptanceRate(),
                acceptanceStandardError());
    }

    /** Options of {@link ClassifierRestrictedPrior}. */
    public static final class Builder {
        private final ParameterDistribution prior;
        private final RestrictionClassifier classifier;
        private int batchSize = 10_000;
        private long acceptanceDraws = 100_000;
        private long maxDraws = 10_000_000;
        private long seed;
        private RestrictionListener listener = RestrictionListener.NONE;

        private Builder(ParameterDistribution prior, RestrictionClassifier classifier) {
            this.prior = Objects.requireNonNull(prior, "prior");
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            if (prior.dimension() != classifier.dimension()) {
                throw new IllegalArgumentException("the prior has dimension " + prior.dimension() + " but the classifier was trained on "
                        + classifier.dimension());
            }
        }

        /** The most prior draws evaluated in one forward pass (sbi's {@code max_sampling_batch_size}, 10 000). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("restricted-prior batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The prior draws the acceptance rate is estimated from, at least. */
        public Builder acceptanceDraws(long acceptanceDraws) {
            if (acceptanceDraws < 1) {
                throw new IllegalArgumentException("acceptance-estimate draws must be >= 1, got " + acceptanceDraws);
            }
            this.acceptanceDraws = acceptanceDraws;
            return this;
        }

        /** The cap on prior draws per {@link #sample} call and for the acceptance estimate. */
        public Builder maxDraws(long maxDraws) {
            if (maxDraws < 1) {
                throw new IllegalArgumentException("max draws must be >= 1, got " + maxDraws);
            }
            this.maxDraws = maxDraws;
            return this;
        }

        /** The seed of the acceptance estimate. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder listener(RestrictionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Estimates the acceptance rate and returns the restricted prior.
         *
         * @throws IllegalArgumentException when maxDraws is below acceptanceDraws
         * @throws IllegalStateException when the classifier accepts no draw at all
         */
        public ClassifierRestrictedPrior build() {
            if (maxDraws < acceptanceDraws) {
                throw new IllegalArgumentException("max draws (" + maxDraws + ") must be >= acceptance-estimate draws (" + acceptanceDraws + ")");
            }
            UniformRandomProvider rng = RandomStreams.of(seed).stream(0);
            long drawn = 0;
            long accepted = 0;
            while (drawn < acceptanceDraws || (accepted < ESTIMATE_ACCEPTED && drawn < maxDraws)) {
                long limit = drawn < acceptanceDraws ? acceptanceDraws : maxDraws;
                int m = (int) Math.min(batchSize, limit - drawn);
                for (boolean a : classifier.accepts(prior.sample(m, rng))) {
                    accepted += a ? 1 : 0;
                }
                drawn += m;
            }
            if (accepted == 0) {
                throw new IllegalStateException("the restriction classifier accepts none of " + drawn
                        + " prior draws, so the restricted prior has no mass to sample or normalise: retrain with more valid simulations,"
                        + " allow fewer false negatives, or raise maxDraws");
            }
            ClassifierRestrictedPrior restricted = new ClassifierRestrictedPrior(prior, classifier, batchSize, maxDraws, drawn, accepted);
            double rate = restricted.acceptanceRate();
            if (rate < LOW_ACCEPTANCE) {
                listener.warning(String.format(Locale.ROOT,
                        "the restricted prior accepts %.3g %% of prior draws (%d of %d): each sample costs about %.0f prior draws and"
                                + " classifier evaluations",
                        100 * rate, accepted, drawn, 1 / rate));
            }
            return restricted;
        }
    }
}
