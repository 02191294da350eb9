package org.sixsa4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sixsa4j.report.PlotAssertions.assertOnlyFiles;
import static org.sixsa4j.report.PlotAssertions.assertRejected;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final String HOSTILE = "<script>alert('x') & \"y\"</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;";

    @Test
    void escapesEveryPieceOfText(@TempDir Path dir) throws Exception {
        Path png = smallPng(dir.resolve("plot.png"));
        Path html = dir.resolve("report.html");
        new HtmlReport().title(HOSTILE).section(HOSTILE).paragraph(HOSTILE)
                .table(HOSTILE, List.of(HOSTILE, "b"), List.of(List.of(HOSTILE, "2 < 3")))
                .image(HOSTILE, png).warnings(List.of(HOSTILE)).write(html);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(page.contains("<script"), "no text became markup");
        assertFalse(page.contains("alert('x')"), "quotes are escaped, inside attributes too");
        // Title twice (title element and heading), then heading, paragraph, caption, header cell,
        // body cell, image alt and caption, warning.
        assertEquals(10, count(page, ESCAPED));
        assertTrue(page.contains("<td>2 &lt; 3</td>"));
    }

    @Test
    void embedsImagesThatDecodeToTheFilesBytes(@TempDir Path dir) throws Exception {
        Path first = smallPng(dir.resolve("a.png"));
        Path second = dir.resolve("b.png");
        LinePlot.write(second, "Loss", "epoch", "loss", List.of(new LinePlot.Series("training", new double[] {1, 2}, new double[] {2, 1})), false);
        Path html = dir.resolve("report.html");
        new HtmlReport().title("Images").image("first", first).image("second", second).write(html);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Matcher uri = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        List<byte[]> embedded = new ArrayList<>();
        while (uri.find()) {
            embedded.add(Base64.getDecoder().decode(uri.group(1)));
        }
        assertEquals(2, embedded.size());
        assertArrayEquals(Files.readAllBytes(first), embedded.get(0));
        assertArrayEquals(Files.readAllBytes(second), embedded.get(1));
    }

    @Test
    void refersToNothingOutsideThePage(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        new HtmlReport().title("Offline").section("Run").paragraph("A paragraph.").table("t", List.of("a"), List.of(List.of("1")))
                .image("plot", smallPng(dir.resolve("plot.png"))).warnings(List.of("careful")).write(html);
        String page = Files.readString(html, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        for (String external : List.of("src=\"http", "href=", "<script", "<link", "url(", "@import", "http:", "https:")) {
            assertFalse(page.contains(external), "the page holds " + external);
        }
        assertTrue(page.startsWith("<!doctype html>"));
        assertTrue(page.contains("<meta charset=\"utf-8\">"));
        assertTrue(page.contains("class=\"warnings\""));
    }

    @Test
    void noWarningsMeansNoBox(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        new HtmlReport().title("Clean").warnings(List.of()).write(html);
        assertFalse(Files.readString(html).contains("<div class=\"warnings\">"));
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        Files.writeString(html, "old");
        new HtmlReport().title("New").paragraph("text").write(html);
        assertTrue(Files.readString(html).contains("<h1>New</h1>"));
        assertOnlyFiles(dir, html);
        // A target that cannot be replaced (a folder that holds a file): the write fails and
        // leaves no temporary file behind.
        Path blocked = Files.createDirectory(dir.resolve("blocked.html"));
        Files.writeString(blocked.resolve("keep.txt"), "kept");
        assertThrows(UncheckedIOException.class, () -> new HtmlReport().title("x").write(blocked));
        assertOnlyFiles(dir, html, blocked);
        assertEquals("kept", Files.readString(blocked.resolve("keep.txt")));
    }

    @Test
    void rejectsBadInput(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("not.png");
        Files.writeString(text, "not an image");
        HtmlReport report = new HtmlReport().title("t");
        assertThrows(IllegalArgumentException.class, () -> report.image("x", text), "not a PNG");
        assertThrows(UncheckedIOException.class, () -> report.image("x", dir.resolve("missing.png")));
        Files.delete(text);
        assertRejected(dir, "row 1 has 1 cells, the header 2",
                () -> report.table("t", List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
        assertRejected(dir, "no columns", () -> report.table("t", List.of(), List.of()));
        assertThrows(IllegalStateException.class, () -> new HtmlReport().paragraph("p").write(dir.resolve("r.html")));
        assertOnlyFiles(dir);
    }

    private static Path smallPng(Path file) throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, Color.RED.getRGB());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
