package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.InvalidInputException;

class PhaFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void typeIRoundTripsExactly(long seed) {
        PhaSpectrum s = new RandomOgip(seed).spectrum();
        Path file = dir.resolve("s" + seed + ".pha");
        PhaFile.write(s, file);
        PhaSpectrum back = PhaFile.read(file);
        assertEquals(s, back, "seed " + seed);
        assertEquals(file, back.file(), "seed " + seed);
        assertEquals("SPECTRUM", back.hdu(), "seed " + seed);
    }

    @Test
    void gzippedSpectrumRoundTrips() {
        PhaSpectrum s = new RandomOgip(99).spectrum();
        Path file = dir.resolve("s.pha.gz");
        PhaFile.write(s, file);
        assertEquals(s, PhaFile.read(file));
    }

    @Test
    void columnWinsOverKeyword() {
        Path file = dir.resolve("both.pha");
        FitsOutput.write(file, () -> List.of(new TableBuilder()
                .column("CHANNEL", new int[] {0, 1, 2}, null)
                .column("COUNTS", new int[] {5, 6, 7}, "count")
                .column("QUALITY", new short[] {0, 1, 1}, null)
                .column("BACKSCAL", new double[] {0.5, 0.25, 0.125}, null)
                .keyword("EXTNAME", "SPECTRUM", null).keyword("EXPOSURE", 10.0, null)
                .keyword("QUALITY", 0, null).keyword("BACKSCAL", 2.0, null).keyword("AREASCAL", 0.75, null)
                .build()));
        PhaSpectrum s = PhaFile.read(file);
        assertArrayEquals(new int[] {0, 1, 1}, s.quality());
        assertArrayEquals(new double[] {0.5, 0.25, 0.125}, s.backscal());
        assertArrayEquals(new double[] {0.75, 0.75, 0.75}, s.areascal(), "keyword alone applies to all channels");
        assertArrayEquals(new int[] {0, 1, 2}, s.channels());
        assertTrue(s.poissonErrors(), "POISSERR absent and no STAT_ERR");
    }

    @Test
    void rateIsTurnedIntoCounts() {
        Path file = dir.resolve("rate.pha");
        FitsOutput.write(file, () -> List.of(new TableBuilder()
                .column("CHANNEL", new int[] {1, 2, 3}, null)
                .column("RATE", new float[] {0.3f, 0.1f, 0.7f}, "count/s")
                .column("STAT_ERR", new double[] {0.05, 0.01, 0.02}, "count/s")
                .keyword("EXTNAME", "SPECTRUM", null).keyword("EXPOSURE", 10.0, null)
                .keyword("POISSERR", true, null).build()));
        PhaSpectrum s = PhaFile.read(file);
        assertArrayEquals(new double[] {3, 1, 7}, s.counts(), "float rates times 10 s rounded to whole counts");
        assertArrayEquals(new double[] {0.5, 0.1, 0.2}, s.statErr(), 1e-12);
    }

    @Test
    void typeIIRowsAreReadByRowAndBySpecNum() {
        Path file = typeII(true);
        PhaSpectrum second = PhaFile.readRow(file, 1);
        assertEquals(1, second.row());
        assertArrayEquals(new int[] {1, 2, 3, 4}, second.channels());
        assertArrayEquals(new double[] {0, 1, 0, 2}, second.counts());
        assertEquals(20.0, second.exposure());
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2}, second.backscal(), "one value per row fills the row");
        assertArrayEquals(new int[] {0, 0, 1, 1}, second.quality());
        assertEquals("r8.rmf", second.respFile(), "RESPFILE column of the row");
        assertEquals("common.arf", second.ancrFile(), "ANCRFILE keyword for every row");
        assertEquals(null, second.backFile(), "blank BACKFILE cell");

        PhaSpectrum third = PhaFile.readSpecNum(file, 9);
        assertEquals(2, third.row());
        assertArrayEquals(new double[] {3, 3, 3, 3}, third.counts());
        assertEquals("r9.rmf", third.respFile());
        assertEquals("b9.pha", third.backFile());

        List<PhaSpectrum> all = PhaFile.readAll(file);
        assertEquals(3, all.size());
        assertEquals(second, all.get(1));
    }

    @Test
    void typeIIWithoutChannelColumnCountsFromTheDataColumnTlmin() {
        Path file = typeII(false);
        assertArrayEquals(new int[] {0, 1, 2, 3}, PhaFile.readRow(file, 0).channels());
    }

    @Test
    void typeIISelectionErrorsNameTheFile() {
        Path file = typeII(true);
        assertMessage(() -> PhaFile.read(file), file, "3 spectra");
        assertMessage(() -> PhaFile.readRow(file, 3), file, "no row 3");
        assertMessage(() -> PhaFile.readSpecNum(file, 4), file, "SPEC_NUM", "4");
        Path typeI = dir.resolve("one.pha");
        PhaFile.write(new RandomOgip(5).spectrum(), typeI);
        assertMessage(() -> PhaFile.readRow(typeI, 0), typeI, "type I");
        assertEquals(1, PhaFile.readAll(typeI).size());
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("kept.pha");
        PhaSpectrum old = new RandomOgip(3).spectrum();
        PhaFile.write(old, file);
        PhaSpectrum unwritable = old.toBuilder().telescope("XMM\u2013Newton").build();
        assertMessage(() -> PhaFile.write(unwritable, file), file, "cannot be written");
        assertEquals(old, PhaFile.read(file));

        Path occupied = dir.resolve("occupied");
        Files.createDirectory(occupied);
        Files.writeString(occupied.resolve("x"), "x");
        assertMessage(() -> PhaFile.write(old, occupied), occupied, "cannot be written");
        assertTrue(Files.isDirectory(occupied));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("kept.pha", "occupied"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * Three spectra of four channels: SPEC_NUM 7, 8, 9; EXPOSURE, BACKSCAL and RESPFILE per row,
     * ANCRFILE as a keyword; with or without a CHANNEL array column.
     */
    private Path typeII(boolean withChannel) {
        Path file = dir.resolve(withChannel ? "typeII.pha" : "typeII-nochannel.pha");
        FitsOutput.write(file, () -> {
            TableBuilder b = new TableBuilder().column("SPEC_NUM", new short[] {7, 8, 9}, null);
            if (withChannel) {
                b.column("CHANNEL", new int[][] {{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4}}, null);
            }
            return List.of(b.column("COUNTS", new int[][] {{5, 0, 1, 0}, {0, 1, 0, 2}, {3, 3, 3, 3}}, "count")
                    .limits(0, 3)
                    .column("QUALITY", new short[][] {{0, 0, 0, 0}, {0, 0, 1, 1}, {0, 0, 0, 0}}, null)
                    .column("EXPOSURE", new double[] {10, 20, 30}, "s")
                    .column("BACKSCAL", new double[] {0.1, 0.2, 0.3}, null)
                    .column("RESPFILE", new String[] {"r7.rmf", "r8.rmf", "r9.rmf"}, null)
                    .column("BACKFILE", new String[] {"none", "", "b9.pha"}, null)
                    .keyword("EXTNAME", "SPECTRUM", null).keyword("HDUCLAS1", "SPECTRUM", null)
                    .keyword("HDUCLAS4", "TYPE:II", null).keyword("POISSERR", true, null)
                    .keyword("ANCRFILE", "common.arf", null).build());
        });
        return file;
    }

    static void assertMessage(Runnable call, Path file, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), m);
        assertFalse(m.contains("\n"), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "'" + f + "' missing from: " + m);
        }
    }
}
