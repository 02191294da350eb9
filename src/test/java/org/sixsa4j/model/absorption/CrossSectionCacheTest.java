package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrossSectionCacheTest {

    @Test
    void sameWhatAndBinContentShareOneComputation() {
        AtomicInteger computed = new AtomicInteger();
        String what = "cache test " + System.nanoTime();
        double[] a = CrossSectionCache.get(what, new double[] {1, 2}, new double[] {2, 3}, () -> {
            computed.incrementAndGet();
            return new double[] {7, 8};
        });
        double[] b = CrossSectionCache.get(what, new double[] {1, 2}, new double[] {2, 3}, () -> {
            computed.incrementAndGet();
            return new double[] {0, 0};
        });
        assertSame(a, b);
        assertEquals(1, computed.get());
        double[] otherBins = CrossSectionCache.get(what, new double[] {1, 2}, new double[] {2, 3.5}, () -> new double[] {9, 9});
        double[] otherWhat = CrossSectionCache.get(what + "'", new double[] {1, 2}, new double[] {2, 3}, () -> new double[] {5, 5});
        assertNotSame(a, otherBins);
        assertEquals(9, otherBins[0]);
        assertEquals(5, otherWhat[0]);
    }

    /** Keys hold copies: changing the caller's arrays afterwards does not change what matches. */
    @Test
    void keysDoNotAliasTheCallersArrays() {
        String what = "alias test " + System.nanoTime();
        double[] low = {1};
        double[] high = {2};
        double[] first = CrossSectionCache.get(what, low, high, () -> new double[] {1});
        low[0] = 1.5;
        double[] second = CrossSectionCache.get(what, low, high, () -> new double[] {2});
        assertEquals(2, second[0]);
        assertSame(first, CrossSectionCache.get(what, new double[] {1}, new double[] {2}, () -> new double[] {3}));
    }

    /** Threads that bind the same grid together all get one and the same array. */
    @Test
    void concurrentCallersAgree() throws Exception {
        String what = "threads test " + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> CrossSectionCache.get(what, new double[] {1}, new double[] {2}, () -> new double[] {42})));
            }
            double[] first = results.get(0).get();
            for (Future<double[]> f : results) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
