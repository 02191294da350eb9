package org.sixsa4j.autodiff;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A few daemon threads that run the row chunks of one task at a time, for a tape's large
 * matrix products. Chunk {@code c} always goes to thread {@code c mod threads}; workers are
 * woken with {@link LockSupport#unpark} and report back through a counter, so a task allocates
 * nothing (an executor would allocate a future per submission).
 */
final class RowParallel implements AutoCloseable {

    /** Work on the output rows {@code [rowFrom, rowTo)}; must not depend on other chunks. */
    interface RowTask {
        void run(int rowFrom, int rowTo);
    }

    private final Thread[] workers;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private Thread caller;
    private RowTask task;
    private int[] bounds = new int[0];
    private int chunks;

    RowParallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int id = w + 1;
            workers[w] = new Thread(() -> workerLoop(id), "sixsa4j-tape-" + id);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /**
     * Runs {@code task} on the chunks {@code [bounds[c], bounds[c+1])} for {@code c < chunks}
     * and returns when all are done. The kernels give every row the same bits whatever chunk it
     * is in, so the results do not depend on the thread count.
     */
    void run(RowTask task, int[] bounds, int chunks) {
        if (workers.length == 0 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                task.run(bounds[c], bounds[c + 1]);
            }
            return;
        }
        this.task = task;
        this.bounds = bounds;
        this.chunks = chunks;
        this.caller = Thread.currentThread();
        this.failure = null;
        finished.set(0);
        generation++; // the volatile write publishes the fields above to the workers
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        runShare(0);
        while (finished.get() < workers.length) {
            LockSupport.park(this);
        }
        this.task = null;
        Throwable f = failure;
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        } else if (f instanceof Error) {
            throw (Error) f;
        } else if (f != null) {
            throw new IllegalStateException("a tape worker failed", f);
        }
    }

    private void runShare(int id) {
        int step = workers.length + 1;
        for (int c = id; c < chunks; c += step) {
            task.run(bounds[c], bounds[c + 1]);
        }
    }

    private void workerLoop(int id) {
        int seen = 0;
        while (true) {
            int g;
            while ((g = generation) == seen) {
                if (closed) {
                    return;
                }
                LockSupport.park(this);
            }
            seen = g;
            try {
                runShare(id);
            } catch (Throwable t) {
                failure = t;
            }
            if (finished.incrementAndGet() == workers.length) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
