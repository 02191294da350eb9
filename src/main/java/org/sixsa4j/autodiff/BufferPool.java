package org.sixsa4j.autodiff;

import org.ejml.data.FMatrixRMaj;

/**
 * Free float matrices of a tape, grouped by element count so that a buffer released by one
 * shape serves any other shape of the same size. After the first training step every shape the
 * step needs is in the pool, and acquiring or releasing allocates nothing.
 */
final class BufferPool {

    private int[] sizes = new int[8];
    private FMatrixRMaj[][] free = new FMatrixRMaj[8][];
    private int[] counts = new int[8];
    private int slots;

    /** A rows × cols matrix with unspecified contents. */
    FMatrixRMaj acquire(int rows, int cols) {
        int slot = slotOf(rows * cols);
        if (counts[slot] == 0) {
            return new FMatrixRMaj(rows, cols);
        }
        FMatrixRMaj m = free[slot][--counts[slot]];
        free[slot][counts[slot]] = null;
        m.reshape(rows, cols);
        return m;
    }

    /** A rows × cols matrix of zeros. */
    FMatrixRMaj acquireZeroed(int rows, int cols) {
        FMatrixRMaj m = acquire(rows, cols);
        java.util.Arrays.fill(m.data, 0, rows * cols, 0f);
        return m;
    }

    /** Gives {@code m} back; the caller must not use it afterwards. */
    void release(FMatrixRMaj m) {
        // Keyed by the array length: acquire always creates arrays of exactly rows*cols.
        int slot = slotOf(m.data.length);
        if (counts[slot] == free[slot].length) {
            free[slot] = java.util.Arrays.copyOf(free[slot], Math.max(4, 2 * counts[slot]));
        }
        free[slot][counts[slot]++] = m;
    }

    private int slotOf(int size) {
        // A network has a few tens of distinct sizes at most, so a linear scan beats hashing.
        for (int s = 0; s < slots; s++) {
            if (sizes[s] == size) {
                return s;
            }
        }
        if (slots == sizes.length) {
            sizes = java.util.Arrays.copyOf(sizes, 2 * slots);
            counts = java.util.Arrays.copyOf(counts, 2 * slots);
            free = java.util.Arrays.copyOf(free, 2 * slots);
        }
        sizes[slots] = size;
        free[slots] = new FMatrixRMaj[4];
        return slots++;
    }
}
