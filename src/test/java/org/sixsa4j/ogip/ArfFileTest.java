package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArfFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void roundTripsExactly(long seed) {
        Arf arf = new RandomOgip(seed).arf();
        Path file = dir.resolve("a" + seed + ".arf");
        ArfFile.write(arf, file);
        Arf back = ArfFile.read(file);
        assertEquals(arf, back, "seed " + seed);
        assertEquals(arf.telescope(), back.telescope(), "seed " + seed);
        assertEquals(arf.instrument(), back.instrument(), "seed " + seed);
        assertEquals(file, back.file(), "seed " + seed);
    }

    @Test
    void singlePrecisionColumnsAreWidenedExactly() {
        Path file = dir.resolve("float.arf");
        FitsOutput.write(file, () -> List.of(new TableBuilder()
                .column("ENERG_LO", new float[] {0.1f, 0.2f}, "keV")
                .column("ENERG_HI", new float[] {0.2f, 0.3f}, "keV")
                .column("SPECRESP", new float[] {12.5f, 0.1f}, "cm**2")
                .keyword("EXTNAME", "SPECRESP", null).build()));
        Arf a = ArfFile.read(file);
        assertArrayEquals(new double[] {0.1f, 0.2f}, a.energyLow());
        assertArrayEquals(new double[] {12.5f, 0.1f}, a.specresp());
    }

    @Test
    void extensionIsFoundByItsColumnsWhenNotNamedSpecresp() {
        Path file = dir.resolve("unnamed.arf");
        FitsOutput.write(file, () -> List.of(
                new TableBuilder().column("START", new double[] {0}, "s").keyword("EXTNAME", "GTI", null).build(),
                new TableBuilder().column("ENERG_LO", new double[] {1}, "keV").column("ENERG_HI", new double[] {2}, "keV")
                        .column("SPECRESP", new double[] {3}, "cm**2").keyword("EXTNAME", "AREA", null).build()));
        assertArrayEquals(new double[] {3}, ArfFile.read(file).specresp());
    }
}
