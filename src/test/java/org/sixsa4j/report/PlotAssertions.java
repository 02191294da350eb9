package org.sixsa4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.function.Executable;

/** Checks that the plot writers' tests share. */
final class PlotAssertions {
    private PlotAssertions() {
    }

    /** Reads {@code png} back, requires the given size and something drawn, and returns it. */
    static BufferedImage assertPng(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image ImageIO reads");
        assertEquals(width, image.getWidth(), "width");
        assertEquals(height, image.getHeight(), "height");
        assertTrue(distinctColours(image) > 10, "something was drawn");
        return image;
    }

    /** Requires {@code dir} to hold exactly {@code files}: no temporary file left beside them. */
    static void assertOnlyFiles(Path dir, Path... files) throws IOException {
        try (var list = Files.list(dir)) {
            assertEquals(Set.of(files), Set.copyOf(list.toList()), "the files in " + dir);
        }
    }

    /**
     * Requires {@code write} to throw an {@link IllegalArgumentException} whose message holds
     * {@code fragment}, and to leave {@code dir} empty.
     */
    static void assertRejected(Path dir, String fragment, Executable write) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, write);
        assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" should mention \"" + fragment + "\"");
        assertOnlyFiles(dir);
    }

    /** How many colours a sparse sample of the pixels shows: a blank image shows one. */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** A list of {@code n} names, "p0", "p1", ... */
    static List<String> names(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(j -> "p" + j).toList();
    }
}
