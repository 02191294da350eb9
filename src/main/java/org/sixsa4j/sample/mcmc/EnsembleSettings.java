package org.sixsa4j.sample.mcmc;

/**
 * The settings of an {@link EnsembleSampler} run: the number of steps (burn-in included, as
 * emcee's {@code run_mcmc} counts them), the burn-in discarded from the front, the thinning of
 * what is kept, the stretch-move scale a of Goodman &amp; Weare (2010, Comm. App. Math. Comp. Sci.
 * 5, 65; their default a = 2, also emcee's and XSPEC's), the seed and the number of threads.
 * The number of walkers is that of the starting points given to the run. Immutable; built with
 * {@link #builder()}.
 */
public final class EnsembleSettings {
    /** The stretch scale a = 2 that Goodman and Weare recommend. */
    public static final double DEFAULT_STRETCH = 2;

    private final int steps;
    private final int burnIn;
    private final int thin;
    private final double stretch;
    private final long seed;
    private final int threads;

    private EnsembleSettings(Builder b) {
        this.steps = b.steps;
        this.burnIn = b.burnIn;
        this.thin = b.thin;
        this.stretch = b.stretch;
        this.seed = b.seed;
        this.threads = b.threads;
    }

    /** A builder; only {@link Builder#steps(int)} has no default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Steps each walker takes, burn-in included. */
    public int steps() {
        return steps;
    }

    /** Steps discarded from the front of each walker's chain. */
    public int burnIn() {
        return burnIn;
    }

    /** One step in {@code thin} is kept after the burn-in. */
    public int thin() {
        return thin;
    }

    /** The stretch scale a &gt; 1: z is drawn on [1/a, a]. */
    public double stretch() {
        return stretch;
    }

    /** The run seed; walker k draws from stream k of {@code RandomStreams.of(seed)}. */
    public long seed() {
        return seed;
    }

    /** Threads that evaluate the walkers of a half-ensemble in parallel. */
    public int threads() {
        return threads;
    }

    /**
     * Steps kept per walker: ⌊(steps − burnIn)/thin⌋, the steps burnIn + m·thin + thin − 1 (counting
     * from 0) for m = 0, 1, ...; the last of every thinning block, as emcee's
     * {@code get_chain(discard, thin)} keeps them.
     */
    public int keptSteps() {
        return (steps - burnIn) / thin;
    }

    @Override
    public String toString() {
        return "EnsembleSettings[steps=" + steps + ", burnIn=" + burnIn + ", thin=" + thin + ", stretch=" + stretch
                + ", seed=" + seed + ", threads=" + threads + "]";
    }

    /** Builds {@link EnsembleSettings}; {@link #build()} checks the values together. */
    public static final class Builder {
        private int steps = -1;
        private int burnIn;
        private int thin = 1;
        private double stretch = DEFAULT_STRETCH;
        private long seed;
        private int threads = 1;

        private Builder() {
        }

        /** Steps each walker takes, burn-in included; required. */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Steps discarded from the front; default 0. */
        public Builder burnIn(int burnIn) {
            this.burnIn = burnIn;
            return this;
        }

        /** Keep one step in {@code thin}; default 1. */
        public Builder thin(int thin) {
            this.thin = thin;
            return this;
        }

        /** The stretch scale a; default {@value EnsembleSettings#DEFAULT_STRETCH}. */
        public Builder stretch(double stretch) {
            this.stretch = stretch;
            return this;
        }

        /** The run seed; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads; default 1. The chain does not depend on it. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting: steps unset or &lt; 1, burn-in
         *     &lt; 0, thin &lt; 1, no step left to keep, a ≤ 1 or not finite, threads &lt; 1
         */
        public EnsembleSettings build() {
            check(steps >= 1, "steps must be >= 1, got " + (steps < 0 ? "none" : steps));
            check(burnIn >= 0, "burn-in must be >= 0, got " + burnIn);
            check(thin >= 1, "thin must be >= 1, got " + thin);
            check(steps - burnIn >= thin,
                    steps + " steps with a burn-in of " + burnIn + " and thin " + thin + " keep no step");
            check(stretch > 1 && Double.isFinite(stretch), "stretch scale a must be > 1, got " + stretch);
            check(threads >= 1, "threads must be >= 1, got " + threads);
            return new EnsembleSettings(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
