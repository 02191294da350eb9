package org.sixsa4j.model.absorption;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A small, thread-safe, least-recently-used cache of per-bin cross-sections, keyed by what was
 * computed (a value object such as a component name with its settings) and the content of the
 * energy bins. Multithreaded users bind one evaluator per thread to the same bins; the cache lets
 * them share one computation. The arrays handed out are shared and must not be modified.
 */
public final class CrossSectionCache {
    /** Enough for a few components on a few grids; each entry is one array per grid. */
    private static final int CAPACITY = 32;

    private static final Map<Key, double[]> ENTRIES = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, double[]> eldest) {
            return size() > CAPACITY;
        }
    };

    private CrossSectionCache() {
    }

    /**
     * The cached array for ({@code what}, bins), computing it with {@code compute} on a miss.
     * Two threads that miss together may both compute; the first result stored wins.
     *
     * @param what identifies the computation; needs value equality
     * @param low lower bin edges in keV; not retained
     * @param high upper bin edges in keV; not retained
     */
    public static double[] get(Object what, double[] low, double[] high, Supplier<double[]> compute) {
        Key probe = new Key(what, low, high);
        synchronized (ENTRIES) {
            double[] hit = ENTRIES.get(probe);
            if (hit != null) {
                return hit;
            }
        }
        double[] computed = compute.get();
        Key stored = new Key(what, low.clone(), high.clone());
        synchronized (ENTRIES) {
            return ENTRIES.computeIfAbsent(stored, k -> computed);
        }
    }

    private static final class Key {
        private final Object what;
        private final double[] low;
        private final double[] high;
        private final int hash;

        Key(Object what, double[] low, double[] high) {
            this.what = Objects.requireNonNull(what);
            this.low = low;
            this.high = high;
            this.hash = 31 * (31 * what.hashCode() + Arrays.hashCode(low)) + Arrays.hashCode(high);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return hash == k.hash && what.equals(k.what) && Arrays.equals(low, k.low) && Arrays.equals(high, k.high);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
