package org.sixsa4j.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Histograms of one or more named samples overlaid on common bins, each a translucent area
 * under a step outline in its own colour. The height of a bin is the fraction of that sample
 * falling in it, so that samples of different sizes compare directly: where two histograms
 * coincide the samples agree; a narrower one is more concentrated.
 *
 * <p>{@link #write} draws one chart, on a linear or logarithmic x axis: the histogram of the
 * normalised importance weights on a log axis shows at a glance whether a few weights dominate
 * (a long tail to the right, far from the bulk) or the weights are even (a narrow peak).
 * {@link #writeGrid} draws one panel per parameter with several samples overlaid in each: the
 * posterior of each round, where a round that moves or narrows the previous one shows the
 * inference still learning, or the prior against the restricted prior, where the restricted one
 * should cover the posterior's region and nothing far from it.
 */
public final class HistogramPlot {
    /** The opacity of the areas: low enough that an area under another one shows through. */
    private static final int FILL_ALPHA = 50;

    private HistogramPlot() {
    }

    /**
     * One named sample for {@link #write}.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public record Series(String name, double[] values) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
            Plots.require(values.length > 0, "sample " + name + ": no values");
        }
    }

    /**
     * One named sample for {@link #writeGrid}: one row per draw, one column per panel.
     *
     * @throws IllegalArgumentException if {@code samples} has no rows
     */
    public record Layer(String name, double[][] samples) {
        public Layer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(samples, "samples");
            Plots.require(samples.length > 0, "layer " + name + ": no samples");
        }
    }

    /**
     * Writes the overlaid histograms as one 900 × 500 PNG, atomically; nothing is written if the
     * data are rejected.
     *
     * @param series at least one sample, with distinct names and finite values
     * @param bins the number of bins, which span the range of all samples together
     * @param logX whether bins are equally wide in log x and the x axis logarithmic, which needs
     *     every value above zero
     * @throws IllegalArgumentException if there is no sample, two share a name, a value is not
     *     finite, {@code logX} meets a value ≤ 0, or {@code bins} &lt; 1
     */
    public static void write(Path png, String title, String xLabel, List<Series> series, int bins, boolean logX) {
        Plots.requireNames("sample names", series.stream().map(Series::name).toList());
        Plots.require(bins >= 1, "bins must be at least 1, got " + bins);
        for (Series s : series) {
            Plots.requireFinite("sample " + s.name(), s.values());
            if (logX) {
                Plots.require(Plots.min(s.values()) > 0, "sample " + s.name() + ": a log x axis needs every value above zero, the least is "
                        + Plots.min(s.values()));
            }
        }
        Plots.init();
        XYChart chart = Plots.chart(Plots.WIDTH, Plots.HEIGHT, title, xLabel, "fraction of sample per bin");
        chart.getStyler().setXAxisLogarithmic(logX);
        overlay(chart, series.stream().map(Series::name).toList(), series.stream().map(Series::values).toList(), bins, logX);
        Plots.writePng(BitmapEncoder.getBufferedImage(chart), png);
    }

    /**
     * Writes one panel per name, each with the histograms of that column of every layer, as a
     * PNG, atomically; nothing is written if the data are rejected. The legend, in the first
     * panel, names the layers. The grid is up to four 300 × 260 panels wide, under a title strip
     * 40 pixels high.
     *
     * @param panelNames one per column of the layers' samples, distinct
     * @param layers at least one, with distinct names and finite values
     * @param bins the number of bins in each panel, which span the range of all layers there
     * @throws IllegalArgumentException if a list is empty, names repeat, a layer's rows are not
     *     as long as {@code panelNames}, a value is not finite, or {@code bins} &lt; 1
     */
    public static void writeGrid(Path png, String title, List<String> panelNames, List<Layer> layers, int bins) {
        Plots.requireNames("panel names", panelNames);
        List<String> layerNames = layers.stream().map(Layer::name).toList();
        Plots.requireNames("layer names", layerNames);
        Plots.require(bins >= 1, "bins must be at least 1, got " + bins);
        for (Layer layer : layers) {
            Plots.requireMatrix("layer " + layer.name(), layer.samples(), panelNames.size());
        }
        Plots.init();
        List<XYChart> panels = new ArrayList<>();
        for (int j = 0; j < panelNames.size(); j++) {
            XYChart panel = Plots.panel(Plots.PANEL_WIDTH, Plots.PANEL_HEIGHT, panelNames.get(j), "", "fraction");
            // The panel's title names the parameter; an empty axis title would only take room.
            panel.getStyler().setXAxisTitleVisible(false);
            List<double[]> columns = new ArrayList<>();
            for (Layer layer : layers) {
                columns.add(Plots.column(layer.samples(), j));
            }
            overlay(panel, layerNames, columns, bins, false);
            panels.add(panel);
        }
        List<Plots.Key> legend = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            legend.add(new Plots.Key(layerNames.get(k), Plots.colour(k)));
        }
        Plots.writePng(Plots.grid(title, legend, panels), png);
    }

    /** Adds one area per sample, all on the same bins. */
    private static void overlay(XYChart chart, List<String> names, List<double[]> samples, int bins, boolean logX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : samples) {
            lo = Math.min(lo, scale(Plots.min(values), logX));
            hi = Math.max(hi, scale(Plots.max(values), logX));
        }
        if (!(hi > lo)) {
            // Every value the same: a bin one unit wide (a decade on a log axis) around it.
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            double edge = lo + (hi - lo) * b / bins;
            edges[b] = logX ? Math.pow(10, edge) : edge;
        }
        for (int k = 0; k < samples.size(); k++) {
            double[] values = samples.get(k);
            double[] fraction = new double[bins];
            for (double v : values) {
                fraction[(int) Math.min(bins - 1, Math.floor((scale(v, logX) - lo) / (hi - lo) * bins))]++;
            }
            for (int b = 0; b < bins; b++) {
                // Counts divided once at the end: adding 1/n n times leaves 0.9999999999999996.
                fraction[b] /= values.length;
            }
            XYSeries area = Plots.outline(chart, names.get(k), edges, fraction);
            area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            area.setLineColor(Plots.colour(k));
            area.setFillColor(Plots.translucent(Plots.colour(k), FILL_ALPHA));
        }
    }

    private static double scale(double v, boolean logX) {
        return logX ? Math.log10(v) : v;
    }
}
