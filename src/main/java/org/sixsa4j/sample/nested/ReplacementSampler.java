package org.sixsa4j.sample.nested;

import java.util.concurrent.Executor;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.shape.UnitBallSampler;
import org.sixsa4j.simulate.ParallelBatches;

/**
 * Draws the replacement of a dead point: a point from the prior with likelihood above the dead
 * one's. Candidates come in batches of fixed size, evaluated in parallel, each from its own
 * random stream numbered by a run-wide counter, and are taken in index order: the first whose
 * likelihood beats the current threshold replaces the dead point, and the rest stay queued for
 * the next iterations. The thresholds only rise, so a queued candidate is checked once, against
 * the threshold of the moment it is reached. The candidates of a region batch are independent
 * uniform draws from a region that contains every later contour, so this is the same as drawing
 * them one by one; slice-walk end points are so only approximately, like any walk's. Nothing
 * here depends on the thread count.
 *
 * <p>Candidates come from the MLFriends {@link FriendsRegion}, rebuilt from the live points every
 * {@code regionUpdateInterval} iterations (at the next batch), so its cost spreads over many
 * iterations, as in UltraNest (Buchner 2019, PASP 131, 108004). When a batch's acceptance falls
 * below {@code minRegionEfficiency}, a region that has served more than one batch is rebuilt at
 * once; a fresh one that still falls short hands over to {@link SliceWalk} chains started from
 * live points until the next scheduled rebuild. Not thread-safe: one run, one sampler.
 */
final class ReplacementSampler {
    private enum Mode { REGION, SLICE }

    private final CubeLikelihood target;
    private final LivePoints live;
    private final Streams streams;
    private final Executor executor;
    private final int parallelism;
    private final int bootstrapRounds;
    private final int regionUpdateInterval;
    private final double minRegionEfficiency;
    private final int sliceSteps;

    private final int batchSize;
    private final double[][] u;
    private final double[][] theta;
    private final double[][] scratch;
    private final double[] logL;
    private final long[] cost;
    private int next;
    private int accepted;

    private Mode mode = Mode.REGION;
    private FriendsRegion region;
    private long builtAt;
    private int rebuilds;
    private int batchesFromRegion;
    private boolean regionFailed;
    private long candidates;
    private long evaluations;
    private long sliceEvaluations;

    ReplacementSampler(CubeLikelihood target, LivePoints live, NestedSampler.Settings settings, Streams streams, Executor executor) {
        int d = target.dimension();
        this.target = target;
        this.live = live;
        this.streams = streams;
        this.executor = executor;
        this.parallelism = settings.threads();
        this.bootstrapRounds = settings.bootstrapRounds();
        this.regionUpdateInterval = settings.regionUpdateInterval();
        this.minRegionEfficiency = settings.minRegionEfficiency();
        this.sliceSteps = settings.sliceSteps();
        this.batchSize = settings.batchSize();
        this.u = new double[batchSize][d];
        this.theta = new double[batchSize][d];
        this.scratch = new double[batchSize][d];
        this.logL = new double[batchSize];
        this.cost = new long[batchSize];
        this.next = batchSize;
    }

    /**
     * Overwrites live slot {@code slot} with a point of log-likelihood above {@code threshold}.
     *
     * @param iteration the iterations so far, the clock of the region's rebuilds
     */
    void replace(int slot, double threshold, long iteration) {
        while (true) {
            if (next == batchSize) {
                refill(threshold, iteration);
            }
            int k = next++;
            if (logL[k] > threshold) {
                live.set(slot, u[k], theta[k], logL[k]);
                accepted++;
                return;
            }
        }
    }

    /** Likelihood evaluations of all candidates so far, queued ones included. */
    long evaluations() {
        return evaluations;
    }

    /** The part of {@link #evaluations()} spent in slice walks. */
    long sliceEvaluations() {
        return sliceEvaluations;
    }

    private void refill(double threshold, long iteration) {
        boolean collapsed = mode == Mode.REGION && batchesFromRegion > 0
                && (regionFailed || accepted < minRegionEfficiency * batchSize);
        boolean stale = region == null || iteration - builtAt >= regionUpdateInterval;
        // A region that served earlier batches may just have grown loose: rebuild it first. A
        // fresh one that still falls short cannot do better until the live points move on.
        if (stale || collapsed && batchesFromRegion > 1) {
            rebuild(iteration);
        } else if (collapsed) {
            mode = Mode.SLICE;
        }
        long first = candidates;
        candidates += batchSize;
        Mode batchMode = mode;
        FriendsRegion batchRegion = region;
        ParallelBatches.forEachIndex(batchSize, parallelism, executor,
                k -> draw(k, streams.candidate(first + k), batchMode, batchRegion, threshold));
        long batchCost = 0;
        regionFailed = false;
        for (int k = 0; k < batchSize; k++) {
            batchCost += cost[k];
            regionFailed |= batchMode == Mode.REGION && cost[k] == 0;
        }
        evaluations += batchCost;
        if (batchMode == Mode.REGION) {
            batchesFromRegion++;
        } else {
            sliceEvaluations += batchCost;
        }
        next = 0;
        accepted = 0;
    }

    private void rebuild(long iteration) {
        region = FriendsRegion.around(live.unitPoints(), bootstrapRounds, streams.region(rebuilds++));
        builtAt = iteration;
        batchesFromRegion = 0;
        mode = Mode.REGION;
    }

    /** Fills batch slot {@code k}; touches only that slot, so slots may be filled in parallel. */
    private void draw(int k, UniformRandomProvider rng, Mode batchMode, FriendsRegion batchRegion, double threshold) {
        if (batchMode == Mode.REGION) {
            if (batchRegion.sample(rng, UnitBallSampler.of(rng, u[k].length), scratch[k], u[k])) {
                logL[k] = target.logL(u[k], theta[k]);
                cost[k] = 1;
            } else {
                // NaN fails every threshold test, so the slot is skipped.
                logL[k] = Double.NaN;
                cost[k] = 0;
            }
            return;
        }
        int start;
        do {
            start = rng.nextInt(live.size());
        } while (!(live.logL(start) > threshold));
        System.arraycopy(live.u(start), 0, u[k], 0, u[k].length);
        System.arraycopy(live.theta(start), 0, theta[k], 0, theta[k].length);
        SliceWalk walk = new SliceWalk(target, batchRegion, rng, threshold);
        logL[k] = walk.walk(u[k], theta[k], live.logL(start), sliceSteps);
        cost[k] = walk.evaluations();
    }
}
