package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;

import org.sixsa4j.InvalidInputException;

/**
 * One binary-table HDU with typed access to its keywords and columns (FITS 4.0 binary tables as
 * used by OGIP/92-007 and CAL/GEN/92-002). Numeric cells of any FITS type come back as
 * {@code double}s so that callers need not care whether a file stored {@code I}, {@code J},
 * {@code E} or {@code D}, fixed-size or variable-length arrays. Every problem becomes a one-line
 * {@link InvalidInputException} naming the file, this HDU and the column or keyword.
 */
final class FitsTable {
    private final Path file;
    private final String name;
    private final Header header;
    private final BinaryTable table;
    private final Map<String, Integer> columns = new HashMap<>();
    private final java.util.List<String> columnNames = new java.util.ArrayList<>();

    FitsTable(Path file, String name, Header header, BinaryTable table) {
        this.file = file;
        this.name = name;
        this.header = header;
        this.table = table;
        for (int c = 0; c < table.getNCols(); c++) {
            String ttype = header.getStringValue("TTYPE" + (c + 1));
            if (ttype != null) {
                columns.putIfAbsent(ttype.trim().toUpperCase(Locale.ROOT), c);
            }
            columnNames.add(ttype == null ? "" : ttype.trim());
        }
    }

    Path file() {
        return file;
    }

    /** The HDU name used in messages: EXTNAME, or {@code HDU n}. */
    String name() {
        return name;
    }

    int rows() {
        return table.getNRows();
    }

    /** A keyword value compared case-insensitively with {@code expected}. */
    boolean keywordIs(String key, String expected) {
        String v = string(key);
        return v != null && v.equalsIgnoreCase(expected);
    }

    boolean hasKeyword(String key) {
        return header.containsKey(key);
    }

    /** A string keyword with blanks trimmed, or {@code null} when absent. */
    String string(String key) {
        HeaderCard card = header.findCard(key);
        if (card == null || card.getValue() == null) {
            return null;
        }
        return card.getValue().trim();
    }

    /** A numeric keyword, or empty when absent. */
    OptionalDouble number(String key) {
        String v = string(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.replace('D', 'E').replace('d', 'e')));
        } catch (NumberFormatException e) {
            throw FitsTables.withCause(error(key, "expected a number but the keyword holds '" + v + "'"), e);
        }
    }

    /** A logical keyword, or {@code fallback} when absent. */
    boolean logical(String key, boolean fallback) {
        String v = string(key);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("T") || v.equalsIgnoreCase("TRUE")) {
            return true;
        }
        if (v.equalsIgnoreCase("F") || v.equalsIgnoreCase("FALSE")) {
            return false;
        }
        throw error(key, "expected a logical T or F but the keyword holds '" + v + "'");
    }

    /** The column names (TTYPEn) as written, in file order. */
    java.util.List<String> columnNames() {
        return java.util.List.copyOf(columnNames);
    }

    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /** A whole column that holds one number per row. */
    double[] column(String column) {
        int c = index(column);
        if (holdsArrays(column)) {
            throw error(column, "expected one number per row but the column holds arrays (TFORM"
                    + (c + 1) + " = '" + header.getStringValue("TFORM" + (c + 1)) + "')");
        }
        double[] values = new double[rows()];
        for (int r = 0; r < values.length; r++) {
            values[r] = cell(column, r)[0];
        }
        return values;
    }

    /** Whether a column holds an array per row (fixed-size or variable-length) rather than a number. */
    boolean holdsArrays(String column) {
        return !table.getDescriptor(index(column)).isSingleton();
    }

    /** One cell as numbers: a scalar gives one value, a fixed or variable-length array all of its own. */
    double[] cell(String column, int row) {
        int c = index(column);
        try {
            return (double[]) table.getArrayElementAs(row, c, double.class);
        } catch (RuntimeException e) {
            throw FitsTables.withCause(error(column, "row " + row + " does not hold numbers: " + FitsTables.oneLine(e)), e);
        }
    }

    /** One cell of a string column, trimmed. */
    String text(String column, int row) {
        int c = index(column);
        Object v;
        try {
            v = table.getElement(row, c);
        } catch (RuntimeException e) {
            throw FitsTables.withCause(error(column, "row " + row + " cannot be read: " + FitsTables.oneLine(e)), e);
        }
        if (!(v instanceof String)) {
            throw error(column, "expected a character string column (TFORM" + (c + 1) + " = '"
                    + header.getStringValue("TFORM" + (c + 1)) + "')");
        }
        return ((String) v).trim();
    }

    /** TLMINn of a column, the smallest legal value (OGIP uses it for the first channel number). */
    OptionalDouble columnMinimum(String column) {
        return number("TLMIN" + (index(column) + 1));
    }

    /** Checks that {@code values} are whole numbers within the int range and returns them as ints. */
    int[] integers(String column, int row, double[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw error(column, position(row, i) + " holds " + v + "; expected a whole number");
            }
            ints[i] = (int) v;
        }
        return ints;
    }

    /**
     * Where value {@code i} sits: row {@code i} of a column read whole ({@code row < 0}), or
     * element {@code i} of the cell in row {@code row}.
     */
    static String position(int row, int i) {
        return row < 0 ? "row " + i : "row " + row + " element " + i;
    }

    InvalidInputException error(String item, String problem) {
        return InvalidInputException.inFile(file, name, item, problem);
    }

    private int index(String column) {
        Integer c = columns.get(column);
        if (c == null) {
            throw error(column, "column is missing");
        }
        return c;
    }
}
