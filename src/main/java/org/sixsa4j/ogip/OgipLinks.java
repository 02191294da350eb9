package org.sixsa4j.ogip;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sixsa4j.InvalidInputException;

/**
 * Resolves the file links of an OGIP spectrum, the RESPFILE, ANCRFILE and BACKFILE keywords or
 * type II columns of OGIP/92-007, to files on disk.
 *
 * <p>Rules:
 * <ul>
 * <li>{@code NONE} in any case, or a blank value, means no file;</li>
 * <li>a relative name is taken relative to the folder of the PHA file (where XSPEC looks), an
 * absolute one as it stands;</li>
 * <li>when the named file is absent but the same name with {@code .gz} exists, that is used;</li>
 * <li>a trailing {@code {n}} picks row {@code n} (counted from 1, as XSPEC does) of a type II
 * file, given back as the 0-based {@link Link#row()};</li>
 * <li>{@code %match%} is the type II convention for "see the column of the same name in this
 * row"; {@link PhaFile} already reads that column, so a {@code %match%} that reaches this class
 * means the file has no such column, which is reported;</li>
 * <li>CFITSIO extension selectors such as {@code name[2]} are refused with a clear message
 * rather than guessed at;</li>
 * <li>a file that does not exist is reported in one line naming the PHA file, its HDU, the
 * keyword and the missing path.</li>
 * </ul>
 */
public final class OgipLinks {
    private static final Pattern ROW = Pattern.compile("^(.*)\\{(\\d+)}$");
    private static final String MATCH = "%match%";

    private OgipLinks() {
    }

    /**
     * A resolved link: an existing {@code file} and, for a link ending in {@code {n}}, the 0-based
     * {@code row} of the type II file to read ({@code -1} when the link names no row).
     */
    public record Link(Path file, int row) {
    }

    /** The response (RESPFILE) of {@code spectrum}, or empty when it names none. */
    public static Optional<Link> response(PhaSpectrum spectrum) {
        return resolve(spectrum, "RESPFILE", spectrum.respFile());
    }

    /** The ancillary response (ANCRFILE) of {@code spectrum}, or empty when it names none. */
    public static Optional<Link> ancillary(PhaSpectrum spectrum) {
        return resolve(spectrum, "ANCRFILE", spectrum.ancrFile());
    }

    /** The background spectrum (BACKFILE) of {@code spectrum}, or empty when it names none. */
    public static Optional<Link> background(PhaSpectrum spectrum) {
        return resolve(spectrum, "BACKFILE", spectrum.backFile());
    }

    /**
     * Resolves a link as written in a PHA file.
     *
     * @param phaFile the PHA file holding the link; relative links are resolved against its
     *     folder, or the working directory when it is {@code null}
     * @param hdu the HDU holding the link, for messages, or {@code null}
     * @param keyword RESPFILE, ANCRFILE or BACKFILE, for messages
     * @param value the link as written
     * @throws InvalidInputException when the link cannot be followed
     */
    public static Optional<Link> resolve(Path phaFile, String hdu, String keyword, String value) {
        if (isNone(value)) {
            return Optional.empty();
        }
        String name = value.trim();
        if (name.equalsIgnoreCase(MATCH)) {
            throw InvalidInputException.inFile(phaFile, hdu, keyword, "is '%match%', which points to a "
                    + keyword + " column in the same row, but the file has no such column");
        }
        if (name.endsWith("]")) {
            throw InvalidInputException.inFile(phaFile, hdu, keyword, "names '" + name + "' with an extension"
                    + " selector [..], which is not supported; name the file alone");
        }
        int row = -1;
        Matcher m = ROW.matcher(name);
        if (m.matches()) {
            row = parseRow(phaFile, hdu, keyword, name, m.group(2));
            name = m.group(1);
        }
        Path folder = phaFile == null || phaFile.toAbsolutePath().getParent() == null
                ? Path.of("") : phaFile.toAbsolutePath().getParent();
        Path path;
        try {
            path = folder.resolve(name);
        } catch (InvalidPathException e) {
            throw FitsTables.withCause(InvalidInputException.inFile(phaFile, hdu, keyword,
                    "names '" + name + "', which is not a valid path"), e);
        }
        if (Files.isRegularFile(path)) {
            return Optional.of(new Link(path, row));
        }
        Path gz = path.resolveSibling(path.getFileName() + ".gz");
        if (Files.isRegularFile(gz)) {
            return Optional.of(new Link(gz, row));
        }
        throw InvalidInputException.inFile(phaFile, hdu, keyword, "names '" + name + "', but " + path
                + " does not exist");
    }

    /** Whether a link value means "no file": {@code null}, blank or NONE in any case. */
    static boolean isNone(String value) {
        return value == null || value.isBlank() || value.trim().toUpperCase(Locale.ROOT).equals("NONE");
    }

    private static Optional<Link> resolve(PhaSpectrum spectrum, String keyword, String value) {
        return resolve(spectrum.file(), spectrum.hdu(), keyword, value);
    }

    private static int parseRow(Path phaFile, String hdu, String keyword, String name, String digits) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1) {
                return n - 1;
            }
        } catch (NumberFormatException e) {
            // Too many digits for an int: reported below like a zero.
        }
        throw InvalidInputException.inFile(phaFile, hdu, keyword, "names '" + name
                + "' whose row number {" + digits + "} is not a row; rows count from 1");
    }
}
