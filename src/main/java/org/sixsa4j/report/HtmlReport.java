package org.sixsa4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained HTML page that opens offline and prints cleanly: headings, paragraphs,
 * tables, highlighted warnings and PNG images, in the order they are added. Images are embedded
 * as base64 data URIs, and the page holds no script and refers to nothing outside itself, so
 * that the single file can be mailed or archived with a run. Every piece of text is escaped, so
 * that names and messages show as written whatever characters they hold.
 *
 * <pre>{@code
 * new HtmlReport().title("NPE on PN.pha")
 *         .section("Posterior").table("Marginals", header, rows).image("Corner plot", corner)
 *         .warnings(retriever.warnings())
 *         .write(folder.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String STYLE = String.join("\n",
            "body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.4; }",
            "table { border-collapse: collapse; margin: 1em 0; }",
            "caption { font-weight: bold; text-align: left; padding-bottom: 0.3em; }",
            "th, td { border: 1px solid #999; padding: 0.2em 0.6em; text-align: left; }",
            "th { background: #eee; }",
            "figure { margin: 1em 0; }",
            "img { max-width: 100%; height: auto; }",
            "figcaption { font-style: italic; }",
            ".warnings { border: 2px solid #d62728; background: #fdecea; padding: 0.5em 1em; margin: 1em 0; }",
            "@media print { body { max-width: none; margin: 0; } figure, table, .warnings { page-break-inside: avoid; }"
                    + " th { background: none; } }");

    private String title;
    private final List<String> body = new ArrayList<>();

    /** An empty report; give it a {@link #title} before {@link #write}. */
    public HtmlReport() {
    }

    /** Sets the page's title, shown as its first heading; the last one set counts. */
    public HtmlReport title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /** Starts a section under {@code heading}. */
    public HtmlReport section(String heading) {
        body.add("<h2>" + escape(heading) + "</h2>");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /**
     * A table with a header row and one row per entry of {@code rows}.
     *
     * @throws IllegalArgumentException if the header is empty or a row has not one cell per
     *     header cell
     */
    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        Plots.require(!header.isEmpty(), "table " + caption + ": no columns");
        StringBuilder b = new StringBuilder("<table>\n<caption>").append(escape(caption)).append("</caption>\n");
        b.append(row("th", header));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new IllegalArgumentException("table " + caption + ": row " + i + " has " + rows.get(i).size() + " cells, the header "
                        + header.size());
            }
            b.append(row("td", rows.get(i)));
        }
        body.add(b.append("</table>").toString());
        return this;
    }

    /**
     * An image with its caption, read now and embedded in the page.
     *
     * @throws IllegalArgumentException if the file is not a PNG
     * @throws UncheckedIOException if it cannot be read
     */
    public HtmlReport image(String caption, Path png) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png + ": " + e.getMessage(), e);
        }
        Plots.require(bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length), png + " is not a PNG file");
        body.add("<figure>\n<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(bytes) + "\" alt=\""
                + escape(caption) + "\">\n<figcaption>" + escape(caption) + "</figcaption>\n</figure>");
        return this;
    }

    /** The warnings in a highlighted box, one item each; nothing when there are none. */
    public HtmlReport warnings(List<String> warnings) {
        if (!warnings.isEmpty()) {
            StringBuilder b = new StringBuilder("<div class=\"warnings\">\n<strong>Warnings</strong>\n<ul>\n");
            for (String w : warnings) {
                b.append("<li>").append(escape(w)).append("</li>\n");
            }
            body.add(b.append("</ul>\n</div>").toString());
        }
        return this;
    }

    /**
     * Writes the page as UTF-8, atomically: under a temporary name, then moved into place.
     *
     * @throws IllegalStateException if no title was set
     * @throws UncheckedIOException if the file cannot be written; it is then left as it was
     */
    public void write(Path html) {
        if (title == null) {
            throw new IllegalStateException("the report has no title: call title(...) before write");
        }
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + String.join("\n", body) + "\n</body>\n</html>\n";
        AtomicFile.write(html, temp -> Files.writeString(temp, page, StandardCharsets.UTF_8));
    }

    private static String row(String cell, List<String> cells) {
        StringBuilder b = new StringBuilder("<tr>");
        for (String c : cells) {
            b.append('<').append(cell).append('>').append(escape(c)).append("</").append(cell).append('>');
        }
        return b.append("</tr>\n").toString();
    }

    /** {@code text} with the characters that HTML gives a meaning, in text and in quoted attributes, as references. */
    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
