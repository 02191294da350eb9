package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelBatchesTest {
    private static final long SEED = 0x5eed_0005L;

    @ParameterizedTest(name = "count {0}, threads {1}")
    @CsvSource({"0,1", "0,3", "1,2", "31,2", "32,2", "33,3", "1000,1", "1000,3"})
    void everyIndexRunsExactlyOnce(int count, int threads) {
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        ParallelBatches.forEachIndex(count, threads, runs::incrementAndGet);
        for (int i = 0; i < count; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    /** Simulated spectra of 104 bins, each from its own stream: identical for any thread count. */
    private static double[] spectra(int count, int threads) {
        int bins = 104;
        double[] expected = new double[bins];
        for (int b = 0; b < bins; b++) {
            expected[b] = 2e3 * Math.exp(-b / 12.0);
        }
        RandomStreams streams = RandomStreams.of(SEED);
        double[] out = new double[count * bins];
        ParallelBatches.forEachIndex(count, threads,
                i -> PoissonCounts.draw(expected, 0, bins, streams.stream(i), out, i * bins));
        return out;
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {2, 4})
    void resultsDoNotDependOnTheThreadCount(int threads) {
        assertArrayEquals(spectra(2000, 1), spectra(2000, threads), "seed " + SEED);
    }

    @Test
    void aTaskExceptionReachesTheCaller() {
        IllegalStateException thrown = new IllegalStateException("index 777");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParallelBatches.forEachIndex(1000, 3, i -> {
                    if (i == 777) {
                        throw thrown;
                    }
                }));
        assertSame(thrown, e);
    }

    /**
     * Two workers each block in their first chunk until both have arrived and then throw, so one
     * exception is rethrown with the other suppressed. The latch wait is bounded so that a broken
     * runner fails instead of hanging.
     */
    @Test
    void laterExceptionsAreSuppressedIntoTheFirst() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        RuntimeException e = assertThrows(RuntimeException.class, () -> ParallelBatches.forEachIndex(
                2 * ParallelBatches.CHUNK, 2, i -> {
                    bothStarted.countDown();
                    try {
                        bothStarted.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    throw new RuntimeException("index " + i);
                }));
        assertEquals(1, e.getSuppressed().length, "the second worker's exception");
    }

    @Test
    void anErrorIsRethrownAsItIs() {
        AssertionError error = new AssertionError("boom");
        assertSame(error, assertThrows(AssertionError.class, () -> ParallelBatches.forEachIndex(100, 2, i -> {
            throw error;
        })));
    }

    @Test
    void anExternalExecutorIsLeftRunning() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger sum = new AtomicInteger();
            ParallelBatches.forEachIndex(500, 3, executor, sum::addAndGet);
            assertEquals(499 * 500 / 2, sum.get());
            assertFalse(executor.isShutdown());
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void aRejectedHelperFailsTheCall() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(RejectedExecutionException.class, () -> ParallelBatches.forEachIndex(100, 2, r -> {
            throw new RejectedExecutionException("full");
        }, i -> runs.incrementAndGet()));
        assertEquals(0, runs.get(), "no index runs once the call has failed");
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ParallelBatches.forEachIndex(-1, 1, i -> { }));
        assertThrows(IllegalArgumentException.class, () -> ParallelBatches.forEachIndex(10, 0, i -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> ParallelBatches.forEachIndex(10, 0, Runnable::run, i -> { }));
    }
}
