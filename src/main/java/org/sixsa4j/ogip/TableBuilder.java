package org.sixsa4j.ogip;

import java.util.ArrayList;
import java.util.List;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Header;

/**
 * Assembles one binary-table extension with the keywords the OGIP memos (OGIP/92-007,
 * CAL/GEN/92-002 and the HDUCLASS scheme of OGIP/93-001) ask of it: EXTNAME, HDUCLASn and
 * HDUVERS, and per column TTYPEn, TUNITn and, for channel columns, TLMINn/TLMAXn.
 *
 * <p>Columns are given as Java arrays: a {@code double[]} is a scalar column, a
 * {@code double[][]} with rows of one length a fixed-size array column, and
 * {@link #variableColumn} a variable-length ({@code 1P}) array column.
 */
final class TableBuilder {
    /** Decimals after the point in exponential notation: 17 significant digits. */
    private static final int FULL_PRECISION = 16;

    private final BinaryTable table = new BinaryTable();
    private final List<String[]> columnCards = new ArrayList<>();
    private final List<Object[]> keywords = new ArrayList<>();

    /** A column whose rows are scalars or arrays of one length. */
    TableBuilder column(String name, Object data, String unit) {
        table.addColumn(data);
        return named(name, unit);
    }

    /** A column of variable-length arrays, stored in the heap. */
    TableBuilder variableColumn(String name, Object data, String unit) {
        table.addVariableSizeColumn(data);
        return named(name, unit);
    }

    /** TLMINn and TLMAXn of the last column added: the legal range of channel numbers. */
    TableBuilder limits(long min, long max) {
        int n = columnCards.size();
        keywords.add(new Object[] {"TLMIN" + n, min, "first legal channel number"});
        keywords.add(new Object[] {"TLMAX" + n, max, "last legal channel number"});
        return this;
    }

    /** A keyword; {@code value} is a String, Number or Boolean. Null values are left out. */
    TableBuilder keyword(String key, Object value, String comment) {
        if (value != null) {
            keywords.add(new Object[] {key, value, comment});
        }
        return this;
    }

    BinaryTableHDU build() {
        BinaryTableHDU hdu = table.toHDU();
        Header h = hdu.getHeader();
        for (int c = 0; c < columnCards.size(); c++) {
            hdu.setColumnName(c, columnCards.get(c)[0], null);
            if (columnCards.get(c)[1] != null) {
                h.addValue("TUNIT" + (c + 1), columnCards.get(c)[1], "physical unit");
            }
        }
        for (Object[] k : keywords) {
            String key = (String) k[0];
            String comment = (String) k[2];
            if (k[1] instanceof Boolean) {
                h.addValue(key, (Boolean) k[1], comment);
            } else if (k[1] instanceof Double) {
                // nom-tam-fits's default keeps 16 significant digits; 17 are needed to read back the same double.
                h.addValue(key, (Double) k[1], FULL_PRECISION, comment);
            } else if (k[1] instanceof Number) {
                h.addValue(key, (Number) k[1], comment);
            } else {
                h.addValue(key, (String) k[1], comment);
            }
        }
        return hdu;
    }

    private TableBuilder named(String name, String unit) {
        columnCards.add(new String[] {name, unit});
        return this;
    }
}
