package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

import nom.tam.fits.BinaryTableHDU;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes OGIP redistribution matrices (RMF) and full responses (RSP): the MATRIX and
 * EBOUNDS extensions of CAL/GEN/92-002 section 3.
 *
 * <p>The matrix extension is the one named MATRIX or SPECRESP MATRIX, or else the one with
 * HDUCLAS2 = RSP_MATRIX. Each row holds N_GRP channel groups; group {@code g} starts at
 * channel F_CHAN[g] and spans N_CHAN[g] channels, whose values follow one another in the MATRIX
 * cell. N_GRP, F_CHAN and N_CHAN may be scalars, fixed-size arrays or variable-length arrays, and
 * MATRIX a fixed-size array (values beyond the sum of N_CHAN are padding and ignored) or a
 * variable-length one.
 *
 * <p>Channel numbering: F_CHAN counts from TLMIN of the F_CHAN column, and from 1 when that
 * keyword is absent (CAL/GEN/92-002, and what XSPEC does). EBOUNDS row {@code i} is channel index
 * {@code i} of the {@link Rmf}, numbered from the first EBOUNDS CHANNEL. When TLMIN is present and
 * disagrees with the first EBOUNDS CHANNEL the file is rejected. When TLMIN is absent and EBOUNDS
 * starts at a channel other than 1, the file is read as XSPEC reads it, F_CHAN = 1 meaning the
 * first EBOUNDS row, and a warning says that a file meant otherwise would be one channel off.
 *
 * <p>Stored values: every value inside the N_CHAN ranges is kept, explicit zeros included, so
 * that a file read and written again keeps its groups; files built with a lower threshold (the
 * real ones here) hold no zeros, and {@link Rmf#strictlyNonZeros()} counts the others.
 *
 * <p>Area: {@link Rmf#includesArea()} is true when HDUCLAS3 = FULL; false when HDUCLAS3 is
 * REDIST or DETECTOR; otherwise it follows the extension name, true for SPECRESP MATRIX.
 */
public final class RmfFile {
    private static final String MATRIX = "MATRIX";
    private static final String SPECRESP_MATRIX = "SPECRESP MATRIX";

    private RmfFile() {
    }

    /**
     * Reads an RMF or RSP (plain or gzipped).
     *
     * @throws org.sixsa4j.InvalidInputException with a one-line message naming the file, HDU and
     *     column when the file is missing, unreadable or not a valid response: a missing MATRIX
     *     or EBOUNDS extension, energies not increasing, a negative N_GRP or N_CHAN, more N_CHAN
     *     values than the MATRIX cell holds, groups that overlap or reach past the last channel,
     *     NaN or infinite matrix values
     */
    public static Rmf read(Path file) {
        FitsTables fits = FitsTables.read(file);
        Predicate<FitsTable> isMatrix = s -> s.keywordIs("EXTNAME", MATRIX)
                || s.keywordIs("EXTNAME", SPECRESP_MATRIX);
        FitsTable m = fits.require(MATRIX, "a binary table with EXTNAME = 'MATRIX' or 'SPECRESP MATRIX'"
                + " (or HDUCLAS2 = 'RSP_MATRIX')", isMatrix, s -> s.keywordIs("HDUCLAS2", "RSP_MATRIX"));
        if (fits.tables().stream().filter(isMatrix).count() > 1) {
            throw m.error(null, "the file holds more than one matrix extension; only single-matrix"
                    + " responses are supported");
        }
        FitsTable e = fits.require("EBOUNDS", "a binary table with EXTNAME = 'EBOUNDS' and columns"
                + " CHANNEL, E_MIN, E_MAX", s -> s.keywordIs("EXTNAME", "EBOUNDS"));
        if (m.rows() == 0) {
            throw m.error(null, "has no rows; expected one row per input energy bin");
        }
        if (e.rows() == 0) {
            throw e.error(null, "has no rows; expected one row per channel");
        }
        double[] eMin = finite(e, "E_MIN");
        double[] eMax = finite(e, "E_MAX");
        OptionalDouble detchans = m.number("DETCHANS");
        if (detchans.isPresent() && detchans.getAsDouble() != e.rows()) {
            throw m.error("DETCHANS", "says " + (long) detchans.getAsDouble() + " channels but EBOUNDS has "
                    + e.rows() + " rows");
        }
        int origin = fChanOrigin(m);
        int first = firstChannel(m, e, origin);
        EnergyBins bins = EnergyBins.read(m);
        MatrixRows rows = new MatrixRows(m, origin, e.rows());
        for (int row = 0; row < m.rows(); row++) {
            rows.add(row);
        }
        return new Rmf(file, m.name(), bins.low, bins.high, first, eMin, eMax, rows.rowStart(),
                rows.channelIndex(), rows.values(), includesArea(m), m.string("TELESCOP"),
                m.string("INSTRUME"), m.string("CHANTYPE") != null ? m.string("CHANTYPE") : e.string("CHANTYPE"));
    }

    /**
     * Writes {@code rmf} as an OGIP response (HDUVERS 1.3.0): a MATRIX extension (named SPECRESP
     * MATRIX with HDUCLAS3 = FULL when the values include the area, MATRIX with HDUCLAS3 = REDIST
     * otherwise) with variable-length F_CHAN, N_CHAN and MATRIX columns in double precision,
     * one channel group per run of consecutive stored channels, and an EBOUNDS extension. Reading
     * it back gives an equal {@link Rmf}. The file appears whole or not at all.
     *
     * @throws org.sixsa4j.InvalidInputException when the file cannot be written
     */
    public static void write(Rmf rmf, Path file) {
        FitsOutput.write(file, () -> List.of(matrixHdu(rmf), eboundsHdu(rmf)));
    }

    private static BinaryTableHDU matrixHdu(Rmf rmf) {
        int ne = rmf.energies();
        int[] rowStart = rmf.rowStart();
        int[] index = rmf.channelIndex();
        double[] value = rmf.values();
        int[] nGrp = new int[ne];
        int[][] fChan = new int[ne][];
        int[][] nChan = new int[ne][];
        double[][] matrix = new double[ne][];
        for (int e = 0; e < ne; e++) {
            int lo = rowStart[e];
            int hi = rowStart[e + 1];
            int groups = 0;
            for (int k = lo; k < hi; k++) {
                if (k == lo || index[k] != index[k - 1] + 1) {
                    groups++;
                }
            }
            nGrp[e] = groups;
            fChan[e] = new int[groups];
            nChan[e] = new int[groups];
            for (int k = lo, g = -1; k < hi; k++) {
                if (k == lo || index[k] != index[k - 1] + 1) {
                    fChan[e][++g] = rmf.firstChannel() + index[k];
                }
                nChan[e][g]++;
            }
            matrix[e] = Arrays.copyOfRange(value, lo, hi);
        }
        boolean full = rmf.includesArea();
        return new TableBuilder()
                .column("ENERG_LO", rmf.energyLow(), "keV")
                .column("ENERG_HI", rmf.energyHigh(), "keV")
                .column("N_GRP", nGrp, null)
                .variableColumn("F_CHAN", fChan, null)
                .limits(rmf.firstChannel(), rmf.firstChannel() + rmf.channels() - 1L)
                .variableColumn("N_CHAN", nChan, null)
                .variableColumn(MATRIX, matrix, full ? "cm**2" : null)
                .keyword("EXTNAME", full ? SPECRESP_MATRIX : MATRIX, "name of this binary table extension")
                .keyword("HDUCLASS", "OGIP", "format conforms to OGIP standard")
                .keyword("HDUCLAS1", "RESPONSE", "dataset relates to spectral response")
                .keyword("HDUCLAS2", "RSP_MATRIX", "dataset is a spectral response matrix")
                .keyword("HDUCLAS3", full ? "FULL" : "REDIST", full ? "includes the effective area"
                        : "photon redistribution only")
                .keyword("HDUVERS", "1.3.0", "version of format (CAL/GEN/92-002)")
                .keyword("DETCHANS", rmf.channels(), "total number of detector channels")
                .keyword("CHANTYPE", rmf.channelType(), "detector channel type (PHA or PI)")
                .keyword("TELESCOP", rmf.telescope(), "mission name")
                .keyword("INSTRUME", rmf.instrument(), "instrument name")
                .build();
    }

    private static BinaryTableHDU eboundsHdu(Rmf rmf) {
        int[] channel = new int[rmf.channels()];
        for (int i = 0; i < channel.length; i++) {
            channel[i] = rmf.firstChannel() + i;
        }
        return new TableBuilder()
                .column("CHANNEL", channel, null)
                .limits(rmf.firstChannel(), rmf.firstChannel() + rmf.channels() - 1L)
                .column("E_MIN", rmf.channelLow(), "keV")
                .column("E_MAX", rmf.channelHigh(), "keV")
                .keyword("EXTNAME", "EBOUNDS", "name of this binary table extension")
                .keyword("HDUCLASS", "OGIP", "format conforms to OGIP standard")
                .keyword("HDUCLAS1", "RESPONSE", "dataset relates to spectral response")
                .keyword("HDUCLAS2", "EBOUNDS", "nominal energies of the channel boundaries")
                .keyword("HDUVERS", "1.2.0", "version of format (CAL/GEN/92-002)")
                .keyword("DETCHANS", rmf.channels(), "total number of detector channels")
                .keyword("CHANTYPE", rmf.channelType(), "detector channel type (PHA or PI)")
                .keyword("TELESCOP", rmf.telescope(), "mission name")
                .keyword("INSTRUME", rmf.instrument(), "instrument name")
                .build();
    }

    /** The channel number that F_CHAN counts from: its TLMIN, or 1 (see the class comment). */
    private static int fChanOrigin(FitsTable m) {
        OptionalDouble tlmin = m.columnMinimum("F_CHAN");
        return tlmin.isPresent() ? (int) tlmin.getAsDouble() : 1;
    }

    /** The channel number of EBOUNDS row 0 (see the class comment). */
    private static int firstChannel(FitsTable m, FitsTable e, int origin) {
        if (!e.hasColumn("CHANNEL")) {
            return origin;
        }
        int[] channel = e.integers("CHANNEL", -1, e.column("CHANNEL"));
        for (int i = 1; i < channel.length; i++) {
            if (channel[i] != channel[i - 1] + 1) {
                throw e.error("CHANNEL", "row " + i + " holds channel " + channel[i] + " after "
                        + channel[i - 1] + "; channels must increase by 1");
            }
        }
        if (m.columnMinimum("F_CHAN").isPresent()) {
            if (origin != channel[0]) {
                throw m.error("F_CHAN", "its TLMIN says channels start at " + origin
                        + " but EBOUNDS starts at channel " + channel[0] + "; the two must agree");
            }
        } else if (channel.length > 0 && channel[0] != 1) {
            LoggerFactory.getLogger(RmfFile.class).warn("{}[{}] F_CHAN has no TLMIN: counting it from 1 as XSPEC does,"
                    + " although EBOUNDS starts at channel {}; add TLMIN to the file if that is not meant",
                    m.file(), m.name(), channel[0]);
        }
        return channel.length > 0 ? channel[0] : origin;
    }

    private static boolean includesArea(FitsTable m) {
        if (m.keywordIs("HDUCLAS3", "FULL")) {
            return true;
        }
        if (m.keywordIs("HDUCLAS3", "REDIST") || m.keywordIs("HDUCLAS3", "DETECTOR")) {
            return false;
        }
        return m.name().equalsIgnoreCase(SPECRESP_MATRIX);
    }

    private static double[] finite(FitsTable t, String column) {
        double[] v = t.column(column);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw t.error(column, "row " + i + " holds " + v[i] + "; expected a finite energy in keV");
            }
        }
        return v;
    }
}
