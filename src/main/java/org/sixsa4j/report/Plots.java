package org.sixsa4j.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * What every plot writer shares: headless rendering and atomic PNG files (written under a
 * temporary name and moved into place, so that a failed run leaves no half-written image).
 */
final class Plots {
    static {
        // Plots are drawn off-screen: never ask for a display, even on a desktop.
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Ensures the headless property is set before any AWT class loads. */
    static void init() {
        // The static block does the work; this method gives callers something to call first.
    }

    /** Writes {@code image} to {@code file} as PNG, atomically. */
    static void writePng(BufferedImage image, Path file) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.createDirectories(target.getParent());
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary file is only a leftover; the error that matters was thrown above.
            }
        }
    }
}
