package org.sixsa4j.sample.mcmc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * Runs a task for each walker of a half-ensemble, on the calling thread and the helper threads
 * of a pool kept for the whole run. The walkers are cut into one contiguous slice per thread,
 * the caller taking the first: a half-ensemble is a few dozen walkers of a few tens of
 * microseconds each, so one hand-over per thread and step costs less than finer balancing would
 * save. The tasks of one call must be independent (each walker touches only its own state), so
 * which thread runs a walker does not matter.
 */
final class WalkerLoop implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    private WalkerLoop(int threads, ExecutorService pool) {
        this.threads = threads;
        this.pool = pool;
    }

    /** A loop on {@code threads} threads; one thread runs the tasks on the caller, with no pool. */
    static WalkerLoop of(int threads) {
        return new WalkerLoop(threads, threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "sixsa4j-walkers");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Runs {@code task(k)} for k in [from, to) and returns when all are done; the first exception
     * of a task is rethrown here, once every slice has stopped, with the others suppressed.
     */
    void forEach(int from, int to, IntConsumer task) {
        int slices = Math.min(threads, to - from);
        if (slices <= 1) {
            run(from, to, task);
            return;
        }
        CompletableFuture<?>[] helpers = new CompletableFuture<?>[slices - 1];
        for (int s = 1; s < slices; s++) {
            int lo = slice(from, to, slices, s);
            int hi = slice(from, to, slices, s + 1);
            helpers[s - 1] = CompletableFuture.runAsync(() -> run(lo, hi, task), pool);
        }
        Throwable failure = null;
        try {
            run(from, slice(from, to, slices, 1), task);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (CompletableFuture<?> helper : helpers) {
            try {
                helper.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause();
                } else {
                    failure.addSuppressed(e.getCause());
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    private static int slice(int from, int to, int slices, int s) {
        return from + (int) ((long) (to - from) * s / slices);
    }

    private static void run(int from, int to, IntConsumer task) {
        for (int k = from; k < to; k++) {
            task.accept(k);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
