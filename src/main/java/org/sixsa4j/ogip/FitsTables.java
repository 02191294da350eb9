package org.sixsa4j.ogip;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

import org.sixsa4j.InvalidInputException;

/**
 * The binary-table HDUs of one FITS file (FITS 4.0 standard, as used by the OGIP memos
 * OGIP/92-007 and CAL/GEN/92-002).
 *
 * <p>The file is read whole into memory, gunzipped when it starts with the gzip magic number
 * whatever its name, and its HDU layout is checked against its length before nom-tam-fits
 * parses it: nom-tam-fits only logs a warning for a truncated file and then returns fewer HDUs
 * or zero-filled data, which would surface later as a misleading "missing extension" error.
 */
final class FitsTables {
    private static final int BLOCK = 2880;

    private final Path file;
    private final List<FitsTable> tables;

    private FitsTables(Path file, List<FitsTable> tables) {
        this.file = file;
        this.tables = tables;
    }

    /** Reads every binary table of {@code file}; every problem is an {@link InvalidInputException}. */
    static FitsTables read(Path file) {
        byte[] bytes = load(file);
        checkLayout(file, bytes);
        List<FitsTable> tables = new ArrayList<>();
        int index = 0;
        try (Fits fits = new Fits(new ByteArrayInputStream(bytes))) {
            BasicHDU<?> hdu;
            while ((hdu = fits.readHDU()) != null) {
                if (hdu instanceof BinaryTableHDU) {
                    BinaryTableHDU table = (BinaryTableHDU) hdu;
                    tables.add(new FitsTable(file, hduName(table.getHeader(), index), table.getHeader(),
                            table.getData()));
                }
                index++;
            }
        } catch (IOException | RuntimeException e) {
            throw withCause(InvalidInputException.inFile(file, "HDU " + index, null,
                    "cannot be read as FITS: " + oneLine(e)), e);
        }
        return new FitsTables(file, tables);
    }

    /** The binary tables in file order. */
    List<FitsTable> tables() {
        return tables;
    }

    /**
     * The first table accepted by the first of {@code tests} that accepts any, or an error that
     * names the missing extension {@code what} and says what was {@code expected}.
     */
    @SafeVarargs
    final FitsTable require(String what, String expected, Predicate<FitsTable>... tests) {
        for (Predicate<FitsTable> test : tests) {
            Optional<FitsTable> t = tables.stream().filter(test).findFirst();
            if (t.isPresent()) {
                return t.get();
            }
        }
        throw InvalidInputException.inFile(file, what, null, "extension is missing: expected " + expected);
    }

    /** Appends {@code cause} to an exception whose cause is not yet set. */
    static InvalidInputException withCause(InvalidInputException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    /** A library message squeezed onto one line, since ours must stay one line. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    /** EXTNAME, or {@code HDU n} (0 = primary, as CFITSIO counts) when the HDU has none. */
    static String hduName(Header header, int index) {
        String name = header.getStringValue("EXTNAME");
        return name == null || name.isBlank() ? "HDU " + index : name.trim();
    }

    private static byte[] load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw withCause(InvalidInputException.inFile(file, null, null, "does not exist"), e);
        } catch (IOException e) {
            throw withCause(InvalidInputException.inFile(file, null, null, "cannot be read: " + oneLine(e)), e);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            } catch (EOFException e) {
                throw withCause(InvalidInputException.inFile(file, null, null,
                        "is a truncated gzip file: the compressed stream ends early"), e);
            } catch (IOException e) {
                throw withCause(InvalidInputException.inFile(file, null, null,
                        "is a corrupt gzip file: " + oneLine(e)), e);
            }
        }
        return bytes;
    }

    /**
     * Walks the HDUs by their headers and checks that each one's data fits in the file. Content
     * after the last HDU that is not an XTENSION header is left alone, as FITS readers do.
     */
    private static void checkLayout(Path file, byte[] bytes) {
        if (!startsWith(bytes, 0, "SIMPLE  =")) {
            throw InvalidInputException.inFile(file, null, null,
                    "is not a FITS file: it does not start with the keyword SIMPLE");
        }
        long pos = 0;
        for (int index = 0; pos < bytes.length; index++) {
            if (index > 0 && !startsWith(bytes, (int) pos, "XTENSION=")) {
                return;
            }
            Header header;
            try {
                header = new Header(new FitsInputStream(
                        new ByteArrayInputStream(bytes, (int) pos, bytes.length - (int) pos)));
            } catch (IOException | RuntimeException e) {
                throw withCause(InvalidInputException.inFile(file, "HDU " + index, null,
                        "header is truncated or corrupt (the file is " + bytes.length + " bytes): "
                                + oneLine(e)), e);
            }
            long dataStart = pos + header.getSize();
            long dataEnd = dataStart + dataBytes(header);
            if (dataEnd > bytes.length) {
                throw InvalidInputException.inFile(file, hduName(header, index), null,
                        "the file is truncated: this HDU needs " + dataEnd + " bytes but the file has "
                                + bytes.length);
            }
            pos = dataStart + padded(dataEnd - dataStart);
        }
    }

    /** Data size before padding, from the FITS standard: |BITPIX|/8 * GCOUNT * (PCOUNT + prod NAXISn). */
    private static long dataBytes(Header h) {
        int naxis = h.getIntValue("NAXIS", 0);
        if (naxis == 0) {
            return 0;
        }
        long product = 1;
        for (int i = 1; i <= naxis; i++) {
            product *= h.getLongValue("NAXIS" + i, 0);
        }
        return Math.abs(h.getIntValue("BITPIX", 8)) / 8L * h.getLongValue("GCOUNT", 1)
                * (h.getLongValue("PCOUNT", 0) + product);
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean startsWith(byte[] bytes, int offset, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length - offset < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[offset + i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
