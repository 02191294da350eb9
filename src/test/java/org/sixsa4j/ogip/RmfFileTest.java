package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import nom.tam.fits.BinaryTableHDU;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.SharedData;

class RmfFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void roundTripsExactlyWithVariableLengthColumns(long seed) {
        Rmf rmf = new RandomOgip(seed).rmf();
        Path file = dir.resolve("r" + seed + ".rmf");
        RmfFile.write(rmf, file);
        Rmf back = RmfFile.read(file);
        assertEquals(rmf, back, "seed " + seed);
        assertEquals(rmf.telescope(), back.telescope(), "seed " + seed);
        assertEquals(rmf.channelType(), back.channelType(), "seed " + seed);
        FitsTable m = FitsTables.read(file).tables().get(0);
        for (String column : new String[] {"F_CHAN", "N_CHAN", "MATRIX"}) {
            assertTrue(m.holdsArrays(column), column + " seed " + seed);
        }
        assertEquals(rmf.includesArea() ? "SPECRESP MATRIX" : "MATRIX", m.name(), "seed " + seed);
    }

    @Test
    void gzippedRealResponseReadsLikeThePlainOne() throws IOException {
        Path plain = SharedData.file("ogip/xmm-pn-ngc7793/PN.rmf");
        Path gz = dir.resolve("PN.rmf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        assertEquals(RmfFile.read(plain), RmfFile.read(gz));
    }

    @Test
    void fixedWidthMatrixPaddingAndGroupOrderAreHandled() {
        Path file = dir.resolve("fixed.rmf");
        writeMatrix(file, new TableBuilder()
                .column("ENERG_LO", new float[] {1, 2}, "keV").column("ENERG_HI", new float[] {2, 3}, "keV")
                .column("N_GRP", new short[] {2, 1}, null)
                .column("F_CHAN", new short[][] {{5, 1}, {2, 99}}, null).limits(1, 6)
                .column("N_CHAN", new short[][] {{2, 2}, {3, 99}}, null)
                .column("MATRIX", new float[][] {{0.5f, 0.25f, 0.125f, 0.0f, 7, 7}, {1, 2, 3, 7, 7, 7}}, null)
                .keyword("EXTNAME", "MATRIX", null).keyword("HDUCLAS3", "REDIST", null), 1, true);
        Rmf r = RmfFile.read(file);
        assertArrayEquals(new int[] {0, 4, 7}, r.rowStart(), "padding (7) beyond N_CHAN is ignored");
        assertArrayEquals(new int[] {0, 1, 4, 5, 1, 2, 3}, r.channelIndex(), "groups put in channel order");
        assertArrayEquals(new double[] {0.125, 0.0, 0.5, 0.25, 1, 2, 3}, r.values(), "explicit zero kept");
        assertEquals(6, r.strictlyNonZeros());
        assertEquals(1, r.firstChannel());
    }

    @Test
    void missingTlminCountsFChanFromOneAsOgipAndXspecDo() {
        Path zeroBased = dir.resolve("zero.rmf");
        writeMatrix(zeroBased, scalarGroups(1, 3).keyword("EXTNAME", "MATRIX", null), 0, true);
        Rmf r = RmfFile.read(zeroBased);
        assertEquals(0, r.firstChannel(), "channels are numbered as EBOUNDS numbers them");
        assertArrayEquals(new int[] {0, 2}, r.channelIndex(), "F_CHAN 1 and 3 counted from 1: EBOUNDS rows 0 and 2");

        Path below = dir.resolve("below.rmf");
        writeMatrix(below, scalarGroups(0, 2).keyword("EXTNAME", "MATRIX", null), 0, true);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RmfFile.read(below));
        assertTrue(e.getMessage().contains("F_CHAN"), e.getMessage());

        Path noChannel = dir.resolve("nochannel.rmf");
        writeMatrix(noChannel, scalarGroups(2, 4).keyword("EXTNAME", "MATRIX", null), 0, false);
        Rmf one = RmfFile.read(noChannel);
        assertEquals(1, one.firstChannel(), "OGIP default");
        assertArrayEquals(new int[] {1, 3}, one.channelIndex(), "F_CHAN 2 and 4 counted from 1");
    }

    @ParameterizedTest(name = "{0} HDUCLAS3={1}")
    @CsvSource({"MATRIX, REDIST, false", "MATRIX, FULL, true", "MATRIX, , false", "SPECRESP MATRIX, , true",
        "SPECRESP MATRIX, DETECTOR, false", "SPECRESP MATRIX, FULL, true"})
    void includesAreaFollowsHduclas3ThenTheName(String extname, String hduclas3, boolean expected) {
        Path file = dir.resolve("area.rmf");
        writeMatrix(file, scalarGroups(1, 3).keyword("EXTNAME", extname, null).keyword("HDUCLAS3", hduclas3, null),
                1, true);
        assertEquals(expected, RmfFile.read(file).includesArea());
    }

    @Test
    void gzippedWriteRoundTrips() {
        Rmf rmf = new RandomOgip(42).rmf();
        Path file = dir.resolve("r.rmf.gz");
        RmfFile.write(rmf, file);
        assertEquals(rmf, RmfFile.read(file));
    }

    /** Two energies with scalar N_GRP, F_CHAN and N_CHAN, one channel each, and no TLMIN. */
    private static TableBuilder scalarGroups(int firstRowChannel, int secondRowChannel) {
        return new TableBuilder()
                .column("ENERG_LO", new double[] {1, 2}, "keV").column("ENERG_HI", new double[] {2, 3}, "keV")
                .column("N_GRP", new int[] {1, 1}, null)
                .column("F_CHAN", new int[] {firstRowChannel, secondRowChannel}, null)
                .column("N_CHAN", new int[] {1, 1}, null)
                .column("MATRIX", new double[] {0.5, 0.5}, null);
    }

    /** Writes {@code matrix} and a six-channel EBOUNDS counting from {@code first} (or without CHANNEL). */
    private static void writeMatrix(Path file, TableBuilder matrix, int first, boolean withChannel) {
        FitsOutput.write(file, () -> {
            List<BinaryTableHDU> hdus = new ArrayList<>();
            hdus.add(matrix.build());
            TableBuilder e = new TableBuilder();
            if (withChannel) {
                e.column("CHANNEL", new int[] {first, first + 1, first + 2, first + 3, first + 4, first + 5}, null);
            }
            hdus.add(e.column("E_MIN", new double[] {0, 1, 2, 3, 4, 5}, "keV")
                    .column("E_MAX", new double[] {1, 2, 3, 4, 5, 6}, "keV")
                    .keyword("EXTNAME", "EBOUNDS", null).build());
            return hdus;
        });
    }
}
