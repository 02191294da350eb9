package org.sixsa4j.sample.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * One task per index on a small pool, results in index order. The fitter's tasks are few and
 * long (a local minimisation each), so each index is its own task; {@link
 * org.sixsa4j.simulate.ParallelBatches} hands out chunks of 32 indices and would run a handful of
 * starts on one thread. Results depend only on the index, never on the thread count.
 */
final class Parallel {
    private Parallel() {
    }

    /** [task(0), …, task(count − 1)], computed on up to {@code threads} threads. */
    static <T> List<T> map(int count, int threads, IntFunction<T> task) {
        List<T> results = new ArrayList<>(count);
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                results.add(task.apply(i));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
            Thread t = new Thread(r, "sixsa4j-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            // The first failing index, in index order, is the one reported: deterministic.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
