package org.sixsa4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic file output for every writer in this package: the content goes to a temporary file
 * beside the target, which is then moved into place, so that a failed write leaves neither a
 * half-written target nor the temporary file.
 */
final class AtomicFile {
    /** Writes the content to the given (temporary) file. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code file}, creating missing parent folders.
     *
     * @throws UncheckedIOException if the content or the move fails; {@code file} is then untouched
     */
    static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        // Hidden and beside the target: the move stays on one file system, where it can be atomic.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.createDirectories(target.getParent());
            content.writeTo(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover: the error that matters was thrown above.
            }
        }
    }
}
