package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.sixsa4j.InvalidInputException;

/**
 * What an OGIP file holds, told from its extensions (OGIP/92-007, CAL/GEN/92-002): a spectrum
 * (SPECTRUM), a response matrix (MATRIX or SPECRESP MATRIX) or an effective area (SPECRESP).
 */
public enum OgipFileKind {
    /** A PHA spectrum, type I or II. */
    PHA,
    /** A redistribution matrix, or a full response (RSP). */
    RMF,
    /** An ancillary response (effective area). */
    ARF;

    /**
     * The kind of {@code file}.
     *
     * @throws InvalidInputException if it is not a readable FITS file or holds none of these extensions
     */
    public static OgipFileKind of(Path file) {
        FitsTables fits = FitsTables.read(file);
        for (FitsTable t : fits.tables()) {
            if (t.keywordIs("EXTNAME", "SPECTRUM") || t.keywordIs("HDUCLAS1", "SPECTRUM")) {
                return PHA;
            }
            if (t.keywordIs("EXTNAME", "MATRIX") || t.keywordIs("EXTNAME", "SPECRESP MATRIX")
                    || t.keywordIs("HDUCLAS2", "RSP_MATRIX")) {
                return RMF;
            }
            if (t.keywordIs("EXTNAME", "SPECRESP") || (t.hasColumn("SPECRESP") && t.hasColumn("ENERG_LO"))) {
                return ARF;
            }
        }
        String names = fits.tables().stream().map(FitsTable::name).collect(Collectors.joining(", "));
        throw InvalidInputException.inFile(file, null, null, "holds no SPECTRUM, MATRIX or SPECRESP extension"
                + (names.isEmpty() ? " (no binary table at all)" : " (its tables: " + names + ")")
                + "; expected an OGIP PHA, RMF or ARF file");
    }
}
