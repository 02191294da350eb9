package org.sixsa4j.ogip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.NullDataHDU;
import nom.tam.util.FitsOutputStream;

import org.sixsa4j.InvalidInputException;

/**
 * Writes a FITS file made of an empty primary HDU and OGIP binary-table extensions (the layout
 * of OGIP/92-007 and CAL/GEN/92-002), gzipped when the name ends in {@code .gz}.
 *
 * <p>The file is written under a temporary name in the target folder and then moved over the
 * target, atomically where the file system allows it, so that a failure never leaves a
 * half-written file behind for a later run to trip over.
 */
final class FitsOutput {
    private FitsOutput() {
    }

    static void write(Path target, Supplier<List<BinaryTableHDU>> extensions) {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Fits fits = new Fits();
            fits.addHDU(new NullDataHDU());
            for (BinaryTableHDU hdu : extensions.get()) {
                fits.addHDU(hdu);
            }
            // Not Files.createTempFile: it makes the file private (rw-------), and the moved file
            // would keep that; CREATE_NEW with a unique name gives the usual permissions.
            temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FitsOutputStream out = new FitsOutputStream(
                         target.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file) : file)) {
                fits.write(out);
            }
            move(temp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw FitsTables.withCause(InvalidInputException.inFile(target, null, null,
                    "cannot be written: " + FitsTables.oneLine(e)), e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed; that failure is the one to report.
        }
    }
}
