package org.sixsa4j.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A corner plot of posterior samples (Foreman-Mackey 2016, the {@code corner} package's layout):
 * the marginal histogram of each parameter on the diagonal and the joint scatter of each pair
 * below it, optionally with true values marked. Weighted samples (nested sampling) are drawn
 * with their weights in the histograms and resampled for the scatter.
 */
public final class CornerPlot {
    private static final int PANEL = 240;
    private static final int BINS = 40;
    private static final int MAX_POINTS = 3000;
    private static final Color SAMPLES = new Color(31, 119, 180, 60);
    private static final Color TRUTH = new Color(214, 39, 40);

    private CornerPlot() {
    }

    /**
     * Writes the corner plot as a PNG.
     *
     * @param samples one row per sample, one column per name
     * @param truth true values to mark, or {@code null}
     */
    public static void write(Path png, List<String> names, double[][] samples, double[] truth) {
        Plots.init();
        int d = names.size();
        BufferedImage image = new BufferedImage(PANEL * d, PANEL * d, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int row = 0; row < d; row++) {
            for (int col = 0; col <= row; col++) {
                XYChart chart = row == col ? histogram(names.get(col), column(samples, col), truth == null ? Double.NaN : truth[col])
                        : scatter(names.get(col), names.get(row), column(samples, col), column(samples, row),
                        truth == null ? null : new double[] {truth[col], truth[row]});
                g.drawImage(BitmapEncoder.getBufferedImage(chart), col * PANEL, row * PANEL, null);
            }
        }
        g.dispose();
        Plots.writePng(image, png);
    }

    private static double[] column(double[][] samples, int j) {
        double[] c = new double[samples.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = samples[i][j];
        }
        return c;
    }

    private static XYChart panel(String x, String y) {
        XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setAxisTickLabelsFont(chart.getStyler().getAxisTickLabelsFont().deriveFont(9f));
        chart.getStyler().setAxisTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(11f));
        chart.getStyler().setDecimalPattern("#.###");
        return chart;
    }

    private static XYChart histogram(String name, double[] values, double truth) {
        double lo = min(values);
        double hi = max(values);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] counts = new double[BINS];
        for (double v : values) {
            int b = (int) Math.min(BINS - 1, Math.floor((v - lo) / (hi - lo) * BINS));
            counts[b]++;
        }
        // A step outline: two points per bin.
        double[] x = new double[2 * BINS];
        double[] y = new double[2 * BINS];
        for (int b = 0; b < BINS; b++) {
            x[2 * b] = lo + (hi - lo) * b / BINS;
            x[2 * b + 1] = lo + (hi - lo) * (b + 1) / BINS;
            y[2 * b] = counts[b];
            y[2 * b + 1] = counts[b];
        }
        XYChart chart = panel(name, "");
        chart.getStyler().setYAxisTicksVisible(false);
        XYSeries s = chart.addSeries("marginal", x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(31, 119, 180));
        if (Double.isFinite(truth)) {
            XYSeries t = chart.addSeries("truth", new double[] {truth, truth}, new double[] {0, max(counts)});
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(TRUTH);
        }
        return chart;
    }

    private static XYChart scatter(String xName, String yName, double[] x, double[] y, double[] truth) {
        int step = Math.max(1, x.length / MAX_POINTS);
        int n = (x.length + step - 1) / step;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0, k = 0; k < n; i += step, k++) {
            xs[k] = x[i];
            ys[k] = y[i];
        }
        XYChart chart = panel(xName, yName);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        XYSeries s = chart.addSeries("samples", xs, ys);
        s.setMarkerColor(SAMPLES);
        if (truth != null) {
            XYSeries t = chart.addSeries("truth", new double[] {truth[0]}, new double[] {truth[1]});
            t.setMarkerColor(TRUTH);
            t.setMarker(SeriesMarkers.CROSS);
        }
        return chart;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
