package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads and writes OGIP spectra (PHA files, OGIP/92-007 and its addendum 92-007a): the SPECTRUM
 * extension, found by EXTNAME = SPECTRUM or else HDUCLAS1 = SPECTRUM.
 *
 * <p>A type I file holds one spectrum, one channel per row. A type II file (HDUCLAS3 or
 * HDUCLAS4 = TYPE:II, or a COUNTS/RATE column of arrays) holds one spectrum per row in array
 * columns; pick one with {@link #readRow} (0-based) or {@link #readSpecNum} (the SPEC_NUM
 * column). In both types:
 * <ul>
 * <li>the data are COUNTS, or RATE times EXPOSURE (STAT_ERR then scaled the same way);</li>
 * <li>QUALITY, GROUPING, BACKSCAL, AREASCAL, STAT_ERR and SYS_ERR may be keywords or columns,
 * and the column wins when both exist (the XMM-Newton SAS writes QUALITY = 0 beside a QUALITY
 * column that flags channels); a type II column may hold one value per row instead of an
 * array;</li>
 * <li>in a type II file EXPOSURE, RESPFILE, ANCRFILE, BACKFILE and the like may be columns, read
 * from the chosen row, else keywords;</li>
 * <li>CHANNEL numbers are taken as written (they may start at 0 or 1) and must increase by 1;
 * with no CHANNEL column they run from the TLMIN of the data column, else from 1;</li>
 * <li>POISSERR defaults to true unless STAT_ERR is given; with POISSERR = T the counts must be
 * whole and non-negative (RATE times EXPOSURE is rounded when within 1e-6 relative of a whole
 * number, the round-off of single-precision rates);</li>
 * <li>EXPOSURE is required and must be positive;</li>
 * <li>file links are kept as written, NONE and blanks becoming {@code null}; see
 * {@link OgipLinks}.</li>
 * </ul>
 */
public final class PhaFile {
    private static final String TYPE_II = "TYPE:II";

    private PhaFile() {
    }

    /**
     * Reads a type I spectrum, or the only spectrum of a one-row type II file.
     *
     * @throws org.sixsa4j.InvalidInputException with a one-line message naming the file, HDU and
     *     column or keyword when the file is missing, unreadable or not a valid spectrum, or is a
     *     type II file with several spectra
     */
    public static PhaSpectrum read(Path file) {
        FitsTable t = spectrumTable(file);
        if (!isTypeII(t)) {
            return spectrum(t, -1);
        }
        if (t.rows() != 1) {
            throw t.error(null, "holds " + t.rows() + " spectra (a type II file); choose one by row or by SPEC_NUM");
        }
        return spectrum(t, 0);
    }

    /**
     * Reads row {@code row} (0-based) of a type II file.
     *
     * @throws org.sixsa4j.InvalidInputException as {@link #read}, and when the file is type I or
     *     has no such row
     */
    public static PhaSpectrum readRow(Path file, int row) {
        FitsTable t = typeII(file);
        if (row < 0 || row >= t.rows()) {
            throw t.error(null, "has no row " + row + "; its spectra are rows 0.." + (t.rows() - 1));
        }
        return spectrum(t, row);
    }

    /**
     * Reads the row of a type II file whose SPEC_NUM is {@code specNum}.
     *
     * @throws org.sixsa4j.InvalidInputException as {@link #read}, and when the file is type I, has
     *     no SPEC_NUM column or no row with that number
     */
    public static PhaSpectrum readSpecNum(Path file, int specNum) {
        FitsTable t = typeII(file);
        for (int row = 0; row < t.rows(); row++) {
            if (t.cell("SPEC_NUM", row)[0] == specNum) {
                return spectrum(t, row);
            }
        }
        throw t.error("SPEC_NUM", "no row holds spectrum number " + specNum + " among the " + t.rows() + " rows");
    }

    /** Every spectrum of the file: one for type I, one per row for type II. */
    public static List<PhaSpectrum> readAll(Path file) {
        FitsTable t = spectrumTable(file);
        if (!isTypeII(t)) {
            return List.of(spectrum(t, -1));
        }
        List<PhaSpectrum> all = new ArrayList<>();
        for (int row = 0; row < t.rows(); row++) {
            all.add(spectrum(t, row));
        }
        return all;
    }

    /**
     * Writes {@code spectrum} as a type I PHA file (HDUVERS 1.2.1) that {@link #read} gives back
     * equal. Uniform per-channel quantities become keywords, others columns; GROUPING is a
     * keyword only when it is 0 everywhere (no grouping), as readers give the keyword no other
     * meaning. COUNTS is written as 4-byte integers when all counts are whole, else in double
     * precision. TELESCOP, INSTRUME and CHANTYPE are left out when {@code null}, and missing file
     * links are written as {@code none}. The file appears whole or not at all.
     *
     * @throws org.sixsa4j.InvalidInputException when the file cannot be written
     */
    public static void write(PhaSpectrum spectrum, Path file) {
        FitsOutput.write(file, () -> List.of(PhaWriter.spectrumHdu(spectrum)));
    }

    private static FitsTable spectrumTable(Path file) {
        return FitsTables.read(file).require("SPECTRUM", "a binary table with EXTNAME = 'SPECTRUM'"
                        + " (or HDUCLAS1 = 'SPECTRUM')",
                s -> s.keywordIs("EXTNAME", "SPECTRUM"), s -> s.keywordIs("HDUCLAS1", "SPECTRUM"));
    }

    private static FitsTable typeII(Path file) {
        FitsTable t = spectrumTable(file);
        if (!isTypeII(t)) {
            throw t.error(null, "is a type I spectrum (one spectrum, no rows to choose from); read it whole");
        }
        return t;
    }

    private static boolean isTypeII(FitsTable t) {
        String data = dataColumn(t);
        return t.keywordIs("HDUCLAS3", TYPE_II) || t.keywordIs("HDUCLAS4", TYPE_II) || t.holdsArrays(data);
    }

    private static String dataColumn(FitsTable t) {
        if (t.hasColumn("COUNTS")) {
            return "COUNTS";
        }
        if (t.hasColumn("RATE")) {
            return "RATE";
        }
        throw t.error("COUNTS", "column is missing and so is RATE; a spectrum needs one of them");
    }

    /** One spectrum: the whole table for type I ({@code row < 0}), one row for type II. */
    private static PhaSpectrum spectrum(FitsTable t, int row) {
        String data = dataColumn(t);
        double[] values = cells(t, data, row);
        int n = values.length;
        if (n == 0) {
            throw t.error(data, (row < 0 ? "" : "row " + row + " ") + "holds no channels");
        }
        double exposure = scalar(t, "EXPOSURE", row).orElseThrow(() ->
                t.error("EXPOSURE", "is missing; expected the exposure time in seconds"));
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw t.error("EXPOSURE", "holds " + exposure + "; expected a positive exposure time in seconds");
        }
        double[] statErr = perChannel(t, "STAT_ERR", row, n);
        boolean poisson = t.logical("POISSERR", statErr == null);
        boolean rate = data.equals("RATE");
        double[] counts = rate ? scaled(values, exposure) : values;
        checkCounts(t, data, row, counts, poisson, rate);
        return PhaSpectrum.builder()
                .file(t.file()).hdu(t.name()).row(row)
                .channels(channels(t, data, row, n))
                .counts(counts)
                .poissonErrors(poisson)
                .statErr(rate && statErr != null ? scaled(statErr, exposure) : statErr)
                .sysErr(perChannel(t, "SYS_ERR", row, n))
                .exposure(exposure)
                .backscal(perChannel(t, "BACKSCAL", row, n))
                .areascal(perChannel(t, "AREASCAL", row, n))
                .quality(flags(t, "QUALITY", row, n))
                .grouping(flags(t, "GROUPING", row, n))
                .respFile(link(t, "RESPFILE", row))
                .ancrFile(link(t, "ANCRFILE", row))
                .backFile(link(t, "BACKFILE", row))
                .telescope(t.string("TELESCOP"))
                .instrument(t.string("INSTRUME"))
                .channelType(t.string("CHANTYPE"))
                .build();
    }

    private static double[] cells(FitsTable t, String column, int row) {
        return row < 0 ? t.column(column) : t.cell(column, row);
    }

    /** A per-spectrum number: a column of the chosen type II row, else a keyword. */
    private static OptionalDouble scalar(FitsTable t, String name, int row) {
        if (row >= 0 && t.hasColumn(name)) {
            double[] v = t.cell(name, row);
            if (v.length != 1) {
                throw t.error(name, "row " + row + " holds " + v.length + " values; expected one");
            }
            return OptionalDouble.of(v[0]);
        }
        return t.number(name);
    }

    /** A per-channel quantity from a column, else a keyword applying to all channels, else {@code null}. */
    private static double[] perChannel(FitsTable t, String name, int row, int n) {
        double[] v;
        if (t.hasColumn(name)) {
            v = cells(t, name, row);
            if (v.length == 1 && n != 1) {
                v = filled(n, v[0]);
            } else if (v.length != n) {
                throw t.error(name, "row " + row + " holds " + v.length + " values for " + n + " channels");
            }
        } else {
            OptionalDouble k = t.number(name);
            if (k.isEmpty()) {
                return null;
            }
            v = filled(n, k.getAsDouble());
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw t.error(name, FitsTable.position(row, i) + " holds " + v[i] + "; expected a finite number");
            }
        }
        return v;
    }

    private static int[] flags(FitsTable t, String name, int row, int n) {
        double[] v = perChannel(t, name, row, n);
        return v == null ? null : t.integers(name, row, v);
    }

    private static int[] channels(FitsTable t, String data, int row, int n) {
        if (!t.hasColumn("CHANNEL")) {
            int first = (int) t.columnMinimum(data).orElse(1);
            int[] channels = new int[n];
            for (int i = 0; i < n; i++) {
                channels[i] = first + i;
            }
            return channels;
        }
        int[] channels = t.integers("CHANNEL", row, cells(t, "CHANNEL", row));
        if (channels.length != n) {
            throw t.error("CHANNEL", "row " + row + " holds " + channels.length + " channels but " + data
                    + " holds " + n + " values");
        }
        for (int i = 1; i < n; i++) {
            if (channels[i] != channels[i - 1] + 1) {
                throw t.error("CHANNEL", FitsTable.position(row, i) + " holds channel " + channels[i] + " after "
                        + channels[i - 1] + "; channels must increase by 1");
            }
        }
        return channels;
    }

    private static void checkCounts(FitsTable t, String data, int row, double[] counts, boolean poisson,
                                    boolean rate) {
        String what = rate ? " gives RATE * EXPOSURE = " : " holds ";
        for (int i = 0; i < counts.length; i++) {
            double c = counts[i];
            if (!Double.isFinite(c)) {
                throw t.error(data, FitsTable.position(row, i) + " holds " + c + "; expected a finite number");
            }
            if (!poisson) {
                continue;
            }
            if (rate && Math.abs(c - Math.rint(c)) <= 1e-6 * Math.max(1.0, Math.abs(c))) {
                c = Math.rint(c);
                counts[i] = c;
            }
            if (c < 0) {
                throw t.error(data, FitsTable.position(row, i) + what + c
                        + " counts; POISSERR = T needs counts >= 0");
            }
            if (c != Math.rint(c)) {
                throw t.error(data, FitsTable.position(row, i) + what + c
                        + " counts; POISSERR = T needs whole numbers of counts");
            }
        }
    }

    private static String link(FitsTable t, String name, int row) {
        String v = row >= 0 && t.hasColumn(name) ? t.text(name, row) : t.string(name);
        return OgipLinks.isNone(v) ? null : v;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }
}
