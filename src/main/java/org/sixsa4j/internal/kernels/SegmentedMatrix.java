package org.sixsa4j.internal.kernels;

import java.util.Arrays;

/**
 * A sparse matrix stored as runs of contiguous non-zero columns per row.
 *
 * <p>Row {@code r} owns segments {@code rowSegment[r] .. rowSegment[r+1]-1}. Segment {@code g}
 * covers columns {@code segmentColumn[g] .. segmentColumn[g] + length(g) - 1} and stores its
 * values in {@code values[segmentValue[g] .. segmentValue[g+1]-1]}. Instrument responses are
 * band-like (a photon of energy E lands in a window of channels around E), so one or a few
 * segments per row cover every non-zero, and each segment is a dense dot product that SIMD
 * kernels run at full speed.
 *
 * <p>Instances are immutable once built; the arrays are shared with the kernels for speed and
 * must not be modified.
 */
public final class SegmentedMatrix {
    private final int rows;
    private final int columns;
    private final int[] rowSegment;
    private final int[] segmentColumn;
    private final int[] segmentValue;
    private final double[] values;

    private SegmentedMatrix(int rows, int columns, int[] rowSegment, int[] segmentColumn,
                            int[] segmentValue, double[] values) {
        this.rows = rows;
        this.columns = columns;
        this.rowSegment = rowSegment;
        this.segmentColumn = segmentColumn;
        this.segmentValue = segmentValue;
        this.values = values;
    }

    /**
     * Builds the segmented form of a row-major dense matrix, keeping runs of zeros shorter than
     * {@code maxGap} inside a segment (a short run of zeros costs less than a new segment).
     *
     * @param dense row-major values, {@code rows * columns} long; not modified
     */
    public static SegmentedMatrix fromDense(double[] dense, int rows, int columns, int maxGap) {
        if (dense.length != (long) rows * columns) {
            throw new IllegalArgumentException("dense has " + dense.length + " values, expected " + rows + "x" + columns);
        }
        Builder b = new Builder(rows, columns, maxGap);
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            for (int c = 0; c < columns; c++) {
                double v = dense[base + c];
                if (v != 0.0) {
                    b.add(r, c, v);
                }
            }
        }
        return b.build();
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int columns() {
        return columns;
    }

    /** Number of stored values, zeros kept inside segments included. */
    public int storedValues() {
        return values.length;
    }

    /** Number of segments. */
    public int segments() {
        return segmentColumn.length;
    }

    /** Bytes held by the arrays of this matrix. */
    public long memoryBytes() {
        return 8L * values.length + 4L * (rowSegment.length + segmentColumn.length + segmentValue.length);
    }

    /** The value at ({@code row}, {@code column}); zero outside the segments. */
    public double get(int row, int column) {
        for (int g = rowSegment[row]; g < rowSegment[row + 1]; g++) {
            int first = segmentColumn[g];
            int length = segmentValue[g + 1] - segmentValue[g];
            if (column >= first && column < first + length) {
                return values[segmentValue[g] + column - first];
            }
        }
        return 0.0;
    }

    /** The matrix as a row-major dense array (for tests and small matrices). */
    public double[] toDense() {
        double[] dense = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int g = rowSegment[r]; g < rowSegment[r + 1]; g++) {
                int first = segmentColumn[g];
                int v0 = segmentValue[g];
                int length = segmentValue[g + 1] - v0;
                System.arraycopy(values, v0, dense, r * columns + first, length);
            }
        }
        return dense;
    }

    /** Sum of row {@code row}. */
    public double rowSum(int row) {
        double sum = 0.0;
        for (int k = segmentValue[rowSegment[row]]; k < segmentValue[rowSegment[row + 1]]; k++) {
            sum += values[k];
        }
        return sum;
    }

    /** The first column holding a stored value in any row, or {@code columns()} when empty. */
    public int firstStoredColumn() {
        int min = columns;
        for (int c : segmentColumn) {
            min = Math.min(min, c);
        }
        return min;
    }

    int[] rowSegment() {
        return rowSegment;
    }

    int[] segmentColumn() {
        return segmentColumn;
    }

    int[] segmentValue() {
        return segmentValue;
    }

    double[] values() {
        return values;
    }

    /**
     * Collects non-zeros row by row, in increasing row order and increasing column order within
     * a row, and cuts them into segments.
     */
    public static final class Builder {
        private final int rows;
        private final int columns;
        private final int maxGap;
        private int[] rowSegment;
        private int[] segmentColumn = new int[64];
        private int[] segmentValue = new int[65];
        private double[] values = new double[1024];
        private int segmentCount;
        private int valueCount;
        private int currentRow = -1;
        private int lastColumn = -1;

        /**
         * @param maxGap the longest run of zeros kept inside a segment instead of starting a new one
         */
        public Builder(int rows, int columns, int maxGap) {
            if (rows < 0 || columns < 0 || maxGap < 0) {
                throw new IllegalArgumentException("negative size");
            }
            this.rows = rows;
            this.columns = columns;
            this.maxGap = maxGap;
            this.rowSegment = new int[rows + 1];
        }

        /** Adds a value; rows must not decrease, and columns must increase within a row. */
        public Builder add(int row, int column, double value) {
            if (row < currentRow || row >= rows || column < 0 || column >= columns
                    || (row == currentRow && column <= lastColumn)) {
                throw new IllegalArgumentException("entries must come in row-major order inside the matrix: (" + row + ", " + column + ")");
            }
            if (row != currentRow) {
                for (int r = currentRow + 1; r <= row; r++) {
                    rowSegment[r] = segmentCount;
                }
                currentRow = row;
                startSegment(column);
            } else if (column - lastColumn - 1 > maxGap) {
                startSegment(column);
            } else {
                for (int c = lastColumn + 1; c < column; c++) {
                    push(0.0);
                }
            }
            push(value);
            lastColumn = column;
            return this;
        }

        private void startSegment(int column) {
            if (segmentCount == segmentColumn.length) {
                segmentColumn = Arrays.copyOf(segmentColumn, 2 * segmentCount);
                segmentValue = Arrays.copyOf(segmentValue, 2 * segmentCount + 1);
            }
            segmentColumn[segmentCount] = column;
            segmentValue[segmentCount] = valueCount;
            segmentCount++;
        }

        private void push(double v) {
            if (valueCount == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[valueCount++] = v;
        }

        /** The finished matrix; the builder must not be used afterwards. */
        public SegmentedMatrix build() {
            for (int r = currentRow + 1; r <= rows; r++) {
                rowSegment[r] = segmentCount;
            }
            segmentValue[segmentCount] = valueCount;
            return new SegmentedMatrix(rows, columns, rowSegment,
                    Arrays.copyOf(segmentColumn, segmentCount),
                    Arrays.copyOf(segmentValue, segmentCount + 1),
                    Arrays.copyOf(values, valueCount));
        }
    }
}
