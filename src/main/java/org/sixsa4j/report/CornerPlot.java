package org.sixsa4j.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
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
    private static final Color SAMPLES = Plots.translucent(Plots.BLUE, 60);

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
        BufferedImage image = Plots.canvas(PANEL * d, PANEL * d);
        Graphics2D g = image.createGraphics();
        for (int row = 0; row < d; row++) {
            for (int col = 0; col <= row; col++) {
                XYChart chart = row == col ? histogram(names.get(col), Plots.column(samples, col), truth == null ? Double.NaN : truth[col])
                        : scatter(names.get(col), names.get(row), Plots.column(samples, col), Plots.column(samples, row),
                        truth == null ? null : new double[] {truth[col], truth[row]});
                g.drawImage(BitmapEncoder.getBufferedImage(chart), col * PANEL, row * PANEL, null);
            }
        }
        g.dispose();
        Plots.writePng(image, png);
    }

    private static XYChart histogram(String name, double[] values, double truth) {
        double lo = Plots.min(values);
        double hi = Plots.max(values);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] counts = new double[BINS];
        for (double v : values) {
            int b = (int) Math.min(BINS - 1, Math.floor((v - lo) / (hi - lo) * BINS));
            counts[b]++;
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = lo + (hi - lo) * b / BINS;
        }
        XYChart chart = Plots.panel(PANEL, PANEL, null, name, "");
        chart.getStyler().setYAxisTicksVisible(false);
        Plots.outline(chart, "marginal", edges, counts).setLineColor(Plots.BLUE);
        if (Double.isFinite(truth)) {
            XYSeries t = chart.addSeries("truth", new double[] {truth, truth}, new double[] {0, Plots.max(counts)});
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(Plots.RED);
        }
        return chart;
    }

    private static XYChart scatter(String xName, String yName, double[] x, double[] y, double[] truth) {
        XYChart chart = Plots.panel(PANEL, PANEL, null, xName, yName);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        // A parameter whose samples are all equal (a collapsed importance sample) gives an axis of
        // zero width, on which the chart library draws ticks without end (even with its bounds set):
        // two invisible points give such an axis a width of 2 % of the value.
        double xLo = Plots.min(x);
        double yLo = Plots.min(y);
        boolean flatX = !(Plots.max(x) > xLo);
        boolean flatY = !(Plots.max(y) > yLo);
        if (flatX || flatY) {
            double dx = flatX ? halfWidth(xLo) : 0;
            double dy = flatY ? halfWidth(yLo) : 0;
            XYSeries frame = chart.addSeries("frame", new double[] {xLo - dx, xLo + dx}, new double[] {yLo - dy, yLo + dy});
            frame.setMarker(SeriesMarkers.NONE);
        }
        XYSeries s = chart.addSeries("samples", Plots.thin(x, MAX_POINTS), Plots.thin(y, MAX_POINTS));
        s.setMarkerColor(SAMPLES);
        if (truth != null) {
            XYSeries t = chart.addSeries("truth", new double[] {truth[0]}, new double[] {truth[1]});
            t.setMarkerColor(Plots.RED);
            t.setMarker(SeriesMarkers.CROSS);
        }
        return chart;
    }

    /** Half the width of the axis drawn around a single value: 1 % of it, or 1 around 0. */
    private static double halfWidth(double v) {
        return v == 0 ? 1 : 0.01 * Math.abs(v);
    }
}
