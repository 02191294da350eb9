package org.sixsa4j.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What every plot writer shares: headless rendering, atomic PNG files (written under a
 * temporary name and moved into place, so that a failed run leaves no half-written image), the
 * house style of charts and small panels, grids of panels, and checks of the data handed in.
 */
final class Plots {
    static {
        // Plots are drawn off-screen: never ask for a display, even on a desktop. First, before
        // the constants below create AWT objects.
        System.setProperty("java.awt.headless", "true");
    }

    /** Width and height of a single full-size chart. */
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    /** Size of a panel in a grid, and the most panels to a row. */
    static final int PANEL_WIDTH = 300;
    static final int PANEL_HEIGHT = 260;
    static final int COLUMNS = 4;
    /** Height of a grid's title, and of each line of its legend, above the panels. */
    static final int TITLE_HEIGHT = 40;
    static final int LEGEND_LINE_HEIGHT = 22;
    /** A legend key's swatch, the space between it and its name, and the space between keys. */
    private static final int SWATCH = 12;
    private static final int SWATCH_GAP = 6;
    private static final int KEY_GAP = 20;
    /** Text is measured and drawn antialiased with fractional metrics, as XChart draws it. */
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);
    /** The name of the hidden series that {@link #outline} adds, one no caller's series has. */
    private static final String TICK_ANCHOR = "\u0000tick anchor";

    /** matplotlib's default ("tab10") colours, so that plots look like the Python tools' ones. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207),
    };
    /** The colour of data, first in the palette. */
    static final Color BLUE = PALETTE[0];
    /** The colour of true values and models drawn over data. */
    static final Color RED = PALETTE[3];
    /** The colour of references drawn behind data. */
    static final Color GREY = PALETTE[7];

    private Plots() {
    }

    /** Ensures the headless property is set before any AWT class loads. */
    static void init() {
        // The static block does the work; this method gives callers something to call first.
    }

    /** Writes {@code image} to {@code file} as PNG, atomically. */
    static void writePng(BufferedImage image, Path file) {
        AtomicFile.write(file, temp -> {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** The i-th colour of the palette, cycling when there are more series than colours. */
    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** {@code c} with the given opacity, 0 (transparent) to 255 (opaque). */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A full-size chart: white background, legend inside the top right corner. */
    static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleVisible(title != null);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    /**
     * A small panel of a grid: a chart without legend (a grid has one for all its panels) and
     * grid lines, with small fonts so that the plot area keeps most of the room. Tick labels keep
     * XChart's own format, which follows the tick spacing: a fixed pattern such as "#.###" would
     * print every tick of a spectral normalisation (10⁻⁴ or so) as 0.
     *
     * @param title the panel's title, or {@code null} for none
     */
    static XYChart panel(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = chart(width, height, title, xTitle, yTitle);
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(12f));
        styler.setAxisTickLabelsFont(styler.getAxisTickLabelsFont().deriveFont(9f));
        styler.setAxisTitleFont(styler.getAxisTitleFont().deriveFont(11f));
        return chart;
    }

    /** A white canvas for charts drawn side by side. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** An entry of a grid's legend: a name beside a swatch of its colour. */
    record Key(String name, Color colour) {
    }

    /**
     * The panels (all of one size) laid out row by row, {@link #COLUMNS} or fewer to a row,
     * under a strip with the title ({@link #TITLE_HEIGHT} pixels, unless {@code title} is null or
     * empty) and the legend (lines of {@link #LEGEND_LINE_HEIGHT} pixels, as many as the keys
     * need, none without keys). The image is min(n, COLUMNS) panels wide and ⌈n / COLUMNS⌉
     * high, plus the strip.
     */
    static BufferedImage grid(String title, List<Key> legend, List<XYChart> panels) {
        int width = panels.get(0).getWidth();
        int height = panels.get(0).getHeight();
        int columns = Math.min(COLUMNS, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        boolean titled = title != null && !title.isEmpty();
        // The fonts of a full-size chart's title and legend, so that the strip reads like a chart's.
        Styler style = chart(width, height, "", "", "").getStyler();
        List<List<Integer>> lines = legendLines(legend, style.getLegendFont(), columns * width);
        int top = (titled ? TITLE_HEIGHT : 0) + lines.size() * LEGEND_LINE_HEIGHT;
        BufferedImage image = canvas(columns * width, top + rows * height);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (titled) {
            Font font = style.getChartTitleFont();
            double advance = new TextLayout(title, font, TEXT).getAdvance();
            if (advance > image.getWidth() - 2 * KEY_GAP) {
                // Too long for the grid: smaller rather than cut off at both ends.
                font = font.deriveFont((float) (font.getSize2D() * (image.getWidth() - 2 * KEY_GAP) / advance));
            }
            drawCentred(g, new TextLayout(title, font, TEXT), image.getWidth() / 2.0, TITLE_HEIGHT / 2.0);
        }
        double y = (titled ? TITLE_HEIGHT : 0) + LEGEND_LINE_HEIGHT / 2.0;
        for (List<Integer> line : lines) {
            double x = (image.getWidth() - lineWidth(legend, line, style.getLegendFont())) / 2;
            for (int k : line) {
                Key key = legend.get(k);
                g.setColor(key.colour());
                g.fill(new Rectangle2D.Double(x, y - SWATCH / 2.0, SWATCH, SWATCH));
                TextLayout name = new TextLayout(key.name(), style.getLegendFont(), TEXT);
                drawCentred(g, name, x + SWATCH + SWATCH_GAP + name.getAdvance() / 2, y);
                x += SWATCH + SWATCH_GAP + name.getAdvance() + KEY_GAP;
            }
            y += LEGEND_LINE_HEIGHT;
        }
        for (int k = 0; k < panels.size(); k++) {
            g.drawImage(BitmapEncoder.getBufferedImage(panels.get(k)), (k % columns) * width, top + (k / columns) * height, null);
        }
        g.dispose();
        return image;
    }

    /** The keys of each legend line, as many to a line as fit in {@code width}. */
    private static List<List<Integer>> legendLines(List<Key> legend, Font font, int width) {
        List<List<Integer>> lines = new ArrayList<>();
        List<Integer> line = new ArrayList<>();
        for (int k = 0; k < legend.size(); k++) {
            line.add(k);
            if (line.size() > 1 && lineWidth(legend, line, font) > width - 2 * KEY_GAP) {
                line.remove(line.size() - 1);
                lines.add(line);
                line = new ArrayList<>(List.of(k));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static double lineWidth(List<Key> legend, List<Integer> line, Font font) {
        double width = -KEY_GAP;
        for (int k : line) {
            width += SWATCH + SWATCH_GAP + new TextLayout(legend.get(k).name(), font, TEXT).getAdvance() + KEY_GAP;
        }
        return width;
    }

    /**
     * Draws text centred on (x, y) in black as XChart draws its own, glyph outlines filled, so
     * that it looks the same as a chart's.
     */
    private static void drawCentred(Graphics2D g, TextLayout text, double x, double y) {
        Rectangle2D bounds = text.getBounds();
        g.setColor(Color.BLACK);
        g.fill(text.getOutline(AffineTransform.getTranslateInstance(x - bounds.getCenterX(), y - bounds.getCenterY())));
    }

    /**
     * Adds a histogram's outline to {@code chart}: up from zero at the first edge, across each
     * bin at its height, and down to zero at the last edge.
     *
     * @param edges bins + 1 increasing bin edges
     * @param heights one height per bin
     */
    static XYSeries outline(XYChart chart, String name, double[] edges, double[] heights) {
        int bins = heights.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = edges[0];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 1] = heights[b];
            y[2 * b + 2] = heights[b];
        }
        x[2 * bins + 1] = edges[bins];
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        if (!chart.getSeriesMap().containsKey(TICK_ANCHOR)) {
            // When the distinct x values of a chart are equally spaced, as bin edges are, XChart
            // puts the ticks on every k-th of them (1.433, 1.54, 1.647, ...) instead of on round
            // numbers. One hidden point between two edges breaks the spacing.
            XYSeries anchor = chart.addSeries(TICK_ANCHOR, new double[] {(edges[0] + edges[1]) / 2}, new double[] {0});
            anchor.setEnabled(false);
            anchor.setShowInLegend(false);
        }
        return series;
    }

    /** Every k-th value, k chosen so that at most about {@code max} remain: a scatter of more points shows no more. */
    static double[] thin(double[] values, int max) {
        int step = Math.max(1, values.length / max);
        double[] out = new double[(values.length + step - 1) / step];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k * step];
        }
        return out;
    }

    /** Column j of a matrix stored by rows. */
    static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Throws {@link IllegalArgumentException} with {@code message} unless {@code condition} holds. */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Requires every value to be finite: a chart has no place for NaN or infinity. */
    static void requireFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            // Tested before the message is built: the arrays can hold millions of samples.
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": value " + i + " is " + values[i] + ", not a finite number");
            }
        }
    }

    /** Requires at least one row, each of {@code columns} finite values. */
    static void requireMatrix(String what, double[][] rows, int columns) {
        require(rows.length > 0, what + ": no rows");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != columns) {
                throw new IllegalArgumentException(what + ": row " + i + " has " + rows[i].length + " values, expected " + columns);
            }
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(what + ": row " + i + " column " + j + " is " + rows[i][j] + ", not a finite number");
                }
            }
        }
    }

    /** Requires names, at least one, none empty, none repeated (each names a series, a panel or a key). */
    static void requireNames(String what, List<String> names) {
        require(!names.isEmpty(), what + ": none given");
        require(names.stream().noneMatch(String::isEmpty), what + ": an empty one in " + names);
        require(names.stream().distinct().count() == names.size(), what + " must differ from one another: " + names);
    }
}
