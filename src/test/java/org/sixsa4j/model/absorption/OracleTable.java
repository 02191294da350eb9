package org.sixsa4j.model.absorption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.sixsa4j.SharedData;

/**
 * A CSV table of ../shared/data with one header line and no quoted fields, read whole; the test
 * skips when the workspace data is absent.
 */
public final class OracleTable {
    private final List<String> columns;
    private final String[][] cells;

    private OracleTable(List<String> columns, String[][] cells) {
        this.columns = columns;
        this.cells = cells;
    }

    /** The table at {@code relative} below ../shared/data, e.g. {@code oracles/tbabs_sigma_wilm.csv}. */
    public static OracleTable read(String relative) {
        try {
            List<String> lines = Files.readAllLines(SharedData.file(relative));
            String[][] cells = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toArray(String[][]::new);
            return new OracleTable(List.of(lines.get(0).split(",")), cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of data rows. */
    public int rows() {
        return cells.length;
    }

    /** The column names, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The named column as numbers. */
    public double[] column(String name) {
        return Arrays.stream(text(name)).mapToDouble(Double::parseDouble).toArray();
    }

    /** The named column as written. */
    public String[] text(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return Arrays.stream(cells).map(r -> r[c]).toArray(String[]::new);
    }
}
