package org.sixsa4j.ogip;

import java.util.Arrays;

/**
 * Turns the channel groups of an OGIP MATRIX extension (CAL/GEN/92-002 section 3.1: N_GRP,
 * F_CHAN, N_CHAN, MATRIX) into compressed rows by input energy, checking each row as it goes.
 * Groups are taken in channel order even when a file lists them otherwise, since {@link Rmf}
 * needs increasing channel indices within a row; groups that overlap are an error.
 */
final class MatrixRows {
    private final FitsTable t;
    private final int origin;
    private final int channels;
    private final int[] rowStart;
    private int[] channelIndex;
    private double[] values;
    private int size;

    /**
     * @param origin the channel number that F_CHAN counts from
     * @param channels the number of channels (EBOUNDS rows)
     */
    MatrixRows(FitsTable t, int origin, int channels) {
        this.t = t;
        this.origin = origin;
        this.channels = channels;
        this.rowStart = new int[t.rows() + 1];
        int guess = Math.max(16, t.rows() * 16);
        this.channelIndex = new int[guess];
        this.values = new double[guess];
    }

    /** Appends row {@code row}; rows must be added in order. */
    void add(int row) {
        int nGrp = t.integers("N_GRP", row, t.cell("N_GRP", row))[0];
        if (nGrp < 0) {
            throw t.error("N_GRP", "row " + row + " holds " + nGrp + "; expected a count >= 0");
        }
        int[] fChan = t.integers("F_CHAN", row, t.cell("F_CHAN", row));
        int[] nChan = t.integers("N_CHAN", row, t.cell("N_CHAN", row));
        if (fChan.length < nGrp || nChan.length < nGrp) {
            throw t.error(fChan.length < nGrp ? "F_CHAN" : "N_CHAN", "row " + row + " has N_GRP = " + nGrp
                    + " but holds only " + Math.min(fChan.length, nChan.length) + " groups");
        }
        double[] matrix = t.cell("MATRIX", row);
        int[] offset = new int[nGrp];
        int total = 0;
        for (int g = 0; g < nGrp; g++) {
            if (nChan[g] < 0) {
                throw t.error("N_CHAN", "row " + row + " group " + g + " holds " + nChan[g] + "; expected >= 0");
            }
            offset[g] = total;
            total += nChan[g];
        }
        if (total > matrix.length) {
            throw t.error("N_CHAN", "row " + row + " needs " + total + " MATRIX values but the MATRIX cell holds "
                    + matrix.length);
        }
        grow(size + total);
        int previousEnd = Integer.MIN_VALUE;
        for (int g : channelOrder(fChan, nGrp)) {
            int start = fChan[g] - origin;
            if (start < previousEnd) {
                throw t.error("F_CHAN", "row " + row + " group " + g + " starts at channel " + fChan[g]
                        + " inside another group; groups must not overlap");
            }
            if (start < 0 || start + nChan[g] > channels) {
                throw t.error("F_CHAN", "row " + row + " group " + g + " covers channels " + fChan[g] + ".."
                        + (fChan[g] + nChan[g] - 1) + " outside " + origin + ".." + (origin + channels - 1)
                        + " given by TLMIN and the EBOUNDS rows");
            }
            for (int j = 0; j < nChan[g]; j++) {
                double v = matrix[offset[g] + j];
                if (!Double.isFinite(v)) {
                    throw t.error("MATRIX", "row " + row + " element " + (offset[g] + j) + " holds " + v
                            + "; expected a finite number");
                }
                channelIndex[size] = start + j;
                values[size++] = v;
            }
            previousEnd = start + nChan[g];
        }
        rowStart[row + 1] = size;
    }

    int[] rowStart() {
        return rowStart;
    }

    int[] channelIndex() {
        return Arrays.copyOf(channelIndex, size);
    }

    double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** Group numbers sorted by first channel (an insertion sort: groups are few and nearly always in order). */
    private static int[] channelOrder(int[] fChan, int nGrp) {
        int[] order = new int[nGrp];
        for (int g = 0; g < nGrp; g++) {
            int k = g;
            while (k > 0 && fChan[order[k - 1]] > fChan[g]) {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = g;
        }
        return order;
    }

    private void grow(int needed) {
        if (needed > values.length) {
            int capacity = Math.max(needed, values.length * 2);
            channelIndex = Arrays.copyOf(channelIndex, capacity);
            values = Arrays.copyOf(values, capacity);
        }
    }
}
