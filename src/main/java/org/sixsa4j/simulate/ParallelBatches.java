package org.sixsa4j.simulate;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Runs {@code task(i)} for every index i in [0, count) on several threads. Workers take fixed
 * chunks of 32 consecutive indices from a shared counter; the calling thread is one
 * of them. Which thread runs an index varies from run to run, so the results are independent of
 * the thread count exactly when each index reads only its own inputs and random stream (see
 * {@link RandomStreams}) and writes only its own output slot.
 *
 * <p>Exceptions: the first {@link RuntimeException} or {@link Error} thrown by a task stops the
 * workers from taking further chunks (each finishes the chunk in hand), and once every worker
 * has stopped it is rethrown in the calling thread, with those thrown later by other workers
 * attached as {@linkplain Throwable#getSuppressed() suppressed}.
 */
public final class ParallelBatches {
    /** Large enough that the shared counter is touched rarely, small enough to balance the tail. */
    static final int CHUNK = 32;

    private ParallelBatches() {
    }

    /**
     * Runs the indices on a pool of {@code threads - 1} new daemon threads plus the caller; the
     * pool is shut down before returning.
     *
     * @throws IllegalArgumentException if {@code count < 0} or {@code threads < 1}
     */
    public static void forEachIndex(int count, int threads, IntConsumer task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1) {
            // No helper is started, so no executor is needed.
            forEachIndex(count, 1, Runnable::run, task);
            return;
        }
        AtomicInteger serial = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "sixsa4j-batch-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            forEachIndex(count, threads, pool, task);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Runs the indices on the calling thread plus up to {@code parallelism - 1} helper tasks (no
     * more than there are further chunks) submitted to an executor that the caller manages and
     * this method leaves running. If the executor rejects a helper, the rejection is handled like
     * a task's exception.
     *
     * @throws IllegalArgumentException if {@code count < 0} or {@code parallelism < 1}
     */
    public static void forEachIndex(int count, int parallelism, Executor executor, IntConsumer task) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        Batch batch = new Batch(count, task);
        // A helper beyond one per chunk would find no work.
        long chunks = (count + (long) CHUNK - 1) / CHUNK;
        int wanted = (int) Math.max(0, Math.min(parallelism, chunks) - 1);
        CompletableFuture<?>[] helpers = new CompletableFuture<?>[wanted];
        int started = 0;
        try {
            while (started < helpers.length) {
                helpers[started] = CompletableFuture.runAsync(batch::work, executor);
                started++;
            }
        } catch (RejectedExecutionException e) {
            batch.fail(e);
        }
        batch.work();
        // Helpers catch their tasks' exceptions, so joining only waits.
        CompletableFuture.allOf(Arrays.copyOf(helpers, started)).join();
        batch.rethrow();
    }

    /** The shared state of one call: the next chunk and the first failure. */
    private static final class Batch {
        private final int count;
        private final IntConsumer task;
        // A long, so that workers overshooting a count near Integer.MAX_VALUE cannot wrap around.
        private final AtomicLong next = new AtomicLong();
        private volatile Throwable failure;

        Batch(int count, IntConsumer task) {
            this.count = count;
            this.task = task;
        }

        void work() {
            long start;
            while (failure == null && (start = next.getAndAdd(CHUNK)) < count) {
                int end = (int) Math.min(start + CHUNK, count);
                try {
                    for (int i = (int) start; i < end; i++) {
                        task.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    fail(e);
                }
            }
        }

        synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            } else if (failure != t) {
                // A task may throw one shared instance; a throwable cannot suppress itself.
                failure.addSuppressed(t);
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof Error error) {
                throw error;
            }
            if (t != null) {
                throw (RuntimeException) t;
            }
        }
    }
}
