package org.sixsa4j.sample.nested;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;

/**
 * Nested sampling (Skilling 2004, AIP Conf. Proc. 735, 395; Skilling 2006, Bayesian Analysis 1,
 * 833) with MLFriends constrained-prior sampling (Buchner 2016, Stat. Comput. 26, 383; Buchner
 * 2019, PASP 131, 108004, as in UltraNest), in the unit cube of a {@link JointPrior}. It returns
 * the log-evidence with its error and weighted and equal-weight posterior samples.
 *
 * <p>The loop: N live points are drawn from the prior. Each iteration removes the live point of
 * lowest likelihood L*, adds it to the evidence sum with weight X<sub>i−1</sub> − X<sub>i</sub>,
 * X<sub>i</sub> = e<sup>−i/N</sup> (see {@link EvidenceSum}), and replaces it with a prior draw of
 * likelihood above L*. Points tied at L* (a likelihood plateau) are removed together, with the
 * live count shrinking as each goes, and then all replaced; when all N are tied the run ends
 * (Fowlie, Handley &amp; Su 2021, MNRAS 503, 1199). The run stops when the prior volume left could
 * raise log Z by less than the tolerance, log(Z + X L<sub>max</sub>) − log Z &lt; tol; the final
 * live points then share the volume left equally.
 *
 * <p>Replacements come from the union of bootstrapped balls around the live points (see
 * {@link FriendsRegion}, rebuilt every {@code regionUpdateInterval} iterations) or, when that
 * region's efficiency collapses, from slice-sampling walks ({@link SliceWalk}).
 *
 * <p>Determinism: every random choice comes from a stream of the run seed keyed by what it is
 * for and a counter that the sequential loop advances (initial point i, candidate c, region build
 * r). Candidates are evaluated in parallel in batches of fixed size and taken in index order (see
 * {@link ReplacementSampler}), so the same seed gives the same result on any number of threads.
 * The likelihood must be thread-safe when {@code threads > 1}.
 */
public final class NestedSampler {
    private final JointPrior prior;
    private final LogDensity logLikelihood;
    private final Settings settings;

    /** The settings after defaults, read by the sampling classes. */
    record Settings(int livePoints, double logZTolerance, long maxIterations, long maxEvaluations, int threads, int batchSize,
            int bootstrapRounds, int regionUpdateInterval, double minRegionEfficiency, int sliceSteps) {
    }

    private NestedSampler(JointPrior prior, LogDensity logLikelihood, Settings settings) {
        this.prior = prior;
        this.logLikelihood = logLikelihood;
        this.settings = settings;
    }

    /** A builder for a sampler of {@code logLikelihood} under {@code prior}. */
    public static Builder builder(JointPrior prior, LogDensity logLikelihood) {
        return new Builder(prior, logLikelihood);
    }

    /** Runs with the given seed and no progress reports. */
    public NestedResult run(long seed) {
        return run(seed, (iteration, evaluations, logZ, remainingLogZ) -> { });
    }

    /** Runs with the given seed, reporting to {@code listener} after every iteration. */
    public NestedResult run(long seed, ProgressListener listener) {
        long start = System.nanoTime();
        Streams streams = new Streams(seed);
        ExecutorService pool = settings.threads() > 1 ? pool(settings.threads() - 1) : null;
        Executor executor = pool != null ? pool : Runnable::run;
        try {
            CubeLikelihood target = new CubeLikelihood(prior, logLikelihood);
            int n = settings.livePoints();
            LivePoints live = LivePoints.fromPrior(target, n, streams, executor, settings.threads());
            ReplacementSampler sampler = new ReplacementSampler(target, live, settings, streams, executor);
            EvidenceSum evidence = new EvidenceSum();
            RunRecord record = new RunRecord();
            StopReason stop = iterate(live, sampler, evidence, record, listener);
            double remaining = evidence.remainingLogZ(live.maxLogL());
            long iterations = record.dead();
            record.addFinal(live, evidence.logX());
            NestedResult.Counters counters = new NestedResult.Counters(n + sampler.evaluations(), sampler.sliceEvaluations(), iterations,
                    remaining, stop, Duration.ofNanos(System.nanoTime() - start));
            return NestedResult.of(prior.names(), record, n, streams, counters);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Kills and replaces live points until a stopping rule holds; the dead go to {@code record}. */
    private StopReason iterate(LivePoints live, ReplacementSampler sampler, EvidenceSum evidence, RunRecord record, ProgressListener listener) {
        int n = live.size();
        int[] tied = new int[n];
        while (true) {
            double threshold = live.minLogL();
            int ties = live.slotsAt(threshold, tied);
            if (ties == n) {
                return StopReason.LIKELIHOOD_PLATEAU;
            }
            for (int j = 0; j < ties; j++) {
                int liveCount = n - j;
                record.addDead(live.theta(tied[j]), threshold, evidence.kill(threshold, liveCount), liveCount);
            }
            long iteration = record.dead();
            for (int j = 0; j < ties; j++) {
                sampler.replace(tied[j], threshold, iteration);
            }
            double remaining = evidence.remainingLogZ(live.maxLogL());
            long evaluations = n + sampler.evaluations();
            listener.progress(iteration, evaluations, evidence.logZ(), remaining);
            if (remaining < settings.logZTolerance()) {
                return StopReason.CONVERGED;
            }
            if (iteration >= settings.maxIterations()) {
                return StopReason.MAX_ITERATIONS;
            }
            if (evaluations >= settings.maxEvaluations()) {
                return StopReason.MAX_EVALUATIONS;
            }
        }
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger serial = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sixsa4j-nested-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The settings in force, defaults filled in. */
    Settings settings() {
        return settings;
    }

    /**
     * Builds a {@link NestedSampler}. Every setting has a default, suited to a spectral fit with a
     * handful of parameters; a setter given a value out of range throws an
     * {@link IllegalArgumentException} that names the setting.
     */
    public static final class Builder {
        private final JointPrior prior;
        private final LogDensity logLikelihood;
        private int livePoints = 400;
        private double logZTolerance = 0.01;
        private long maxIterations = Long.MAX_VALUE;
        private long maxEvaluations = Long.MAX_VALUE;
        private int threads = 1;
        private int batchSize = 128;
        private int bootstrapRounds = 30;
        private int regionUpdateInterval;
        private double minRegionEfficiency = 0.01;
        private int sliceSteps;

        private Builder(JointPrior prior, LogDensity logLikelihood) {
            check(prior.dimension() >= 1, "the prior has no parameters");
            this.prior = prior;
            this.logLikelihood = logLikelihood;
        }

        /** Live points N (default 400): more give a smaller log Z error, √(H/N), at proportional cost. */
        public Builder livePoints(int n) {
            checkLivePoints(n);
            this.livePoints = n;
            return this;
        }

        /** Stop when the volume left could raise log Z by less than this (default 0.01). */
        public Builder logZTolerance(double tolerance) {
            check(tolerance > 0, "logZTolerance must be > 0, got " + tolerance);
            this.logZTolerance = tolerance;
            return this;
        }

        /** Stop after this many iterations (default: no limit). */
        public Builder maxIterations(long max) {
            check(max > 0, "maxIterations must be > 0, got " + max);
            this.maxIterations = max;
            return this;
        }

        /**
         * Stop after this many likelihood evaluations (default: no limit). It is checked between
         * iterations, so a run may pass it by the evaluations of one iteration.
         */
        public Builder maxEvaluations(long max) {
            check(max > 0, "maxEvaluations must be > 0, got " + max);
            this.maxEvaluations = max;
            return this;
        }

        /** Threads evaluating candidates (default 1); the result does not depend on it. */
        public Builder threads(int count) {
            check(count >= 1, "threads must be >= 1, got " + count);
            this.threads = count;
            return this;
        }

        /**
         * Candidates evaluated per parallel batch (default 128). Unused candidates stay queued, so
         * only the last batch's leftovers are wasted; work is shared in chunks of 32, so use at
         * least 32 per thread. Changing it changes the random draws.
         */
        public Builder batchSize(int size) {
            check(size >= 1, "batchSize must be >= 1, got " + size);
            this.batchSize = size;
            return this;
        }

        /** Bootstrap rounds for the region's radius (default 30). */
        public Builder bootstrapRounds(int rounds) {
            check(rounds >= 1, "bootstrapRounds must be >= 1, got " + rounds);
            this.bootstrapRounds = rounds;
            return this;
        }

        /** Iterations between region rebuilds (default N/5, when the volume has shrunk by 18 %). */
        public Builder regionUpdateInterval(int iterations) {
            check(iterations >= 1, "regionUpdateInterval must be >= 1, got " + iterations);
            this.regionUpdateInterval = iterations;
            return this;
        }

        /**
         * The fraction of region candidates that must pass the likelihood threshold (default
         * 0.01); below it the region is rebuilt, and if a fresh region still falls short, slice
         * walks take over until the next rebuild.
         */
        public Builder minRegionEfficiency(double fraction) {
            check(fraction >= 0 && fraction <= 1, "minRegionEfficiency must be in [0, 1], got " + fraction);
            this.minRegionEfficiency = fraction;
            return this;
        }

        /** Slice steps per fallback walk (default 3 × dimension). */
        public Builder sliceSteps(int steps) {
            check(steps >= 1, "sliceSteps must be >= 1, got " + steps);
            this.sliceSteps = steps;
            return this;
        }

        /** The sampler. */
        public NestedSampler build() {
            int d = prior.dimension();
            checkLivePoints(livePoints);
            int interval = regionUpdateInterval > 0 ? regionUpdateInterval : Math.max(1, livePoints / 5);
            int steps = sliceSteps > 0 ? sliceSteps : 3 * d;
            return new NestedSampler(prior, logLikelihood, new Settings(livePoints, logZTolerance, maxIterations, maxEvaluations, threads,
                    batchSize, bootstrapRounds, interval, minRegionEfficiency, steps));
        }

        private void checkLivePoints(int n) {
            check(n > prior.dimension() + 1, "livePoints must exceed dimension + 1 = " + (prior.dimension() + 1)
                    + " for the region's metric, got " + n);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
