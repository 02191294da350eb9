package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sixsa4j.ogip.PhaFileTest.assertMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OgipLinksTest {
    @TempDir
    Path dir;
    Path pha;

    @BeforeEach
    void files() throws IOException {
        pha = dir.resolve("src.pha");
        Files.writeString(dir.resolve("resp.rmf"), "x");
        Files.writeString(dir.resolve("area.arf.gz"), "x");
        Files.writeString(dir.resolve("bkg.pha"), "x");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "NONE", "none", "None"})
    void noneAndBlankMeanNoFile(String value) {
        assertTrue(OgipLinks.resolve(pha, "SPECTRUM", "BACKFILE", value).isEmpty());
    }

    @Test
    void relativeNamesResolveInThePhaFolder() {
        assertEquals(new OgipLinks.Link(dir.resolve("resp.rmf").toAbsolutePath(), -1),
                OgipLinks.resolve(pha, "SPECTRUM", "RESPFILE", " resp.rmf ").orElseThrow());
        Path absolute = dir.resolve("resp.rmf").toAbsolutePath();
        assertEquals(absolute, OgipLinks.resolve(Path.of("elsewhere.pha"), null, "RESPFILE", absolute.toString())
                .orElseThrow().file());
    }

    @Test
    void gzippedFileIsFoundWhenThePlainOneIsAbsent() {
        assertEquals(dir.resolve("area.arf.gz").toAbsolutePath(),
                OgipLinks.resolve(pha, "SPECTRUM", "ANCRFILE", "area.arf").orElseThrow().file());
    }

    @Test
    void rowSuffixCountsFromOne() {
        assertEquals(new OgipLinks.Link(dir.resolve("bkg.pha").toAbsolutePath(), 1),
                OgipLinks.resolve(pha, "SPECTRUM", "BACKFILE", "bkg.pha{2}").orElseThrow());
        assertMessage(() -> OgipLinks.resolve(pha, "SPECTRUM", "BACKFILE", "bkg.pha{0}"), pha,
                "[SPECTRUM] BACKFILE", "{0}");
    }

    @Test
    void unusableLinksAreReportedInOneLine() {
        assertMessage(() -> OgipLinks.resolve(pha, "SPECTRUM", "RESPFILE", "gone.rmf"), pha,
                "[SPECTRUM] RESPFILE", "gone.rmf", dir.resolve("gone.rmf").toAbsolutePath().toString(), "does not exist");
        assertMessage(() -> OgipLinks.resolve(pha, "SPECTRUM", "RESPFILE", "resp.rmf[MATRIX]"), pha,
                "[SPECTRUM] RESPFILE", "resp.rmf[MATRIX]");
        assertMessage(() -> OgipLinks.resolve(pha, "SPECTRUM", "RESPFILE", "%match%"), pha,
                "[SPECTRUM] RESPFILE", "%match%");
    }

    @Test
    void matchInATypeIIFileUsesTheRowColumn() {
        FitsOutput.write(pha, () -> List.of(new TableBuilder()
                .column("COUNTS", new int[][] {{1, 2}, {3, 4}}, "count")
                .column("RESPFILE", new String[] {"resp.rmf", "none"}, null)
                .keyword("EXTNAME", "SPECTRUM", null).keyword("HDUCLAS4", "TYPE:II", null)
                .keyword("EXPOSURE", 1.0, null).keyword("RESPFILE", "%match%", null).build()));
        assertEquals(dir.resolve("resp.rmf").toAbsolutePath(),
                OgipLinks.response(PhaFile.readRow(pha, 0)).orElseThrow().file());
        assertTrue(OgipLinks.response(PhaFile.readRow(pha, 1)).isEmpty());
    }
}
