package org.sixsa4j;

import java.nio.file.Path;

/**
 * A problem with user input that the user can fix: a file, an HDU, a column, a keyword or a
 * configuration key that is missing or holds an impossible value.
 *
 * <p>The message is a single line that names where the problem is and what was expected, for
 * example {@code PN.rmf[MATRIX] column N_CHAN: row 12 needs 300 elements but MATRIX holds 290}.
 * The command line prints it without a stack trace and exits with status 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A problem located in a FITS file.
     *
     * @param file the file
     * @param hdu the HDU name (EXTNAME) or number, or {@code null} for the file as a whole
     * @param item the column or keyword, or {@code null}
     * @param problem what is wrong and what was expected
     */
    public static InvalidInputException inFile(Path file, String hdu, String item, String problem) {
        return new InvalidInputException(location(file, hdu, item) + ": " + problem);
    }

    /** Formats {@code file[HDU] item} as used at the start of every message about a file. */
    public static String location(Path file, String hdu, String item) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (hdu != null) {
            sb.append('[').append(hdu).append(']');
        }
        if (item != null) {
            sb.append(' ').append(item);
        }
        return sb.toString();
    }
}
