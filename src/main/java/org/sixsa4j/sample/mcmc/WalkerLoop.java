package org.sixsa4j.sample.mcmc;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs a task for each walker of a half-ensemble, on the calling thread or on a fork-join pool
 * kept for the whole run. The tasks of one call must be independent (each walker touches only its
 * own state), so the order in which threads take them does not matter.
 *
 * <p>Not {@code ParallelBatches}: it hands out chunks of 32 consecutive indices, so a half of up
 * to 32 walkers (the usual ensemble has 32 to 100) would run on one thread. The fork-join pool
 * splits a range down to single walkers and balances walkers whose density costs differ (a
 * proposal outside the prior is cheap).
 */
final class WalkerLoop implements AutoCloseable {
    private final ForkJoinPool pool;

    private WalkerLoop(ForkJoinPool pool) {
        this.pool = pool;
    }

    /** A loop on {@code threads} threads; one thread runs the tasks on the caller, with no pool. */
    static WalkerLoop of(int threads) {
        return new WalkerLoop(threads == 1 ? null : new ForkJoinPool(threads));
    }

    /**
     * Runs {@code task(k)} for k in [from, to) and returns when all are done; a task's exception
     * is rethrown here.
     */
    void forEach(int from, int to, IntConsumer task) {
        if (pool == null) {
            for (int k = from; k < to; k++) {
                task.accept(k);
            }
        } else {
            // A parallel stream started inside a pool's task forks its subtasks into that pool.
            pool.submit(() -> IntStream.range(from, to).parallel().forEach(task)).join();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
