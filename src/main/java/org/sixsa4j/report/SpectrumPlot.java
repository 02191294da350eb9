package org.sixsa4j.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The folded spectrum, as XSPEC's {@code plot ldata delchi} shows it: counts s⁻¹ keV⁻¹ in each
 * fitted bin with Poisson error bars, the model folded through the response, and below it the
 * residuals (data − model)/σ with σ = √max(model, 1). A predictive band (the central interval of
 * simulated counts per bin, see {@code diagnostics.PredictiveBand}) may be drawn around the model.
 */
public final class SpectrumPlot {
    private static final int WIDTH = 900;

    private SpectrumPlot() {
    }

    /** A band of expected counts per bin drawn as two lines, e.g. the 90 % posterior predictive interval. */
    public record Band(String name, double[] lower, double[] upper) {
    }

    /**
     * Writes the plot as a PNG.
     *
     * @param low lower bin edges, keV
     * @param high upper bin edges, keV
     * @param counts observed counts per bin
     * @param model expected counts per bin (source plus background where there is one)
     * @param band counts per bin to draw around the model, or null
     * @param exposure seconds
     */
    public static void write(Path png, String title, double[] low, double[] high, double[] counts, double[] model, Band band,
            double exposure) {
        Plots.init();
        int n = counts.length;
        double[] e = new double[n];
        double[] rate = new double[n];
        double[] error = new double[n];
        double[] modelRate = new double[n];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            double width = high[i] - low[i];
            e[i] = Math.sqrt(low[i] * high[i]);
            rate[i] = counts[i] / exposure / width;
            error[i] = Math.sqrt(Math.max(counts[i], 1)) / exposure / width;
            modelRate[i] = model[i] / exposure / width;
            residual[i] = (counts[i] - model[i]) / Math.sqrt(Math.max(model[i], 1));
        }
        XYChart top = new XYChartBuilder().width(WIDTH).height(480).title(title).xAxisTitle("Energy (keV)")
                .yAxisTitle("counts s^-1 keV^-1").build();
        top.getStyler().setXAxisLogarithmic(true);
        top.getStyler().setYAxisLogarithmic(true);
        top.getStyler().setChartBackgroundColor(Color.WHITE);
        top.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        // A log axis takes only positive points: empty bins are left out, as in XSPEC's log plots,
        // and error bars are cut short of zero (XChart draws them symmetric).
        int shown = 0;
        for (double r : rate) {
            if (r > 0) {
                shown++;
            }
        }
        double[] xs = new double[shown];
        double[] ys = new double[shown];
        double[] es = new double[shown];
        for (int i = 0, k = 0; i < n; i++) {
            if (rate[i] > 0) {
                xs[k] = e[i];
                ys[k] = rate[i];
                es[k++] = Math.min(error[i], 0.95 * rate[i]);
            }
        }
        XYSeries data = top.addSeries("data", xs, ys, es);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        data.setMarkerColor(Color.BLACK);
        top.getStyler().setMarkerSize(4);
        XYSeries fitted = top.addSeries("model", e, floored(modelRate));
        fitted.setMarker(SeriesMarkers.NONE);
        fitted.setLineColor(new Color(214, 39, 40));
        if (band != null) {
            Color blue = new Color(31, 119, 180);
            String[] names = {band.name(), band.name() + " (upper)"};
            double[][] edges = {band.lower(), band.upper()};
            for (int k = 0; k < 2; k++) {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = edges[k][i] / exposure / (high[i] - low[i]);
                }
                XYSeries edge = top.addSeries(names[k], e, floored(r));
                edge.setMarker(SeriesMarkers.NONE);
                edge.setLineColor(blue);
                edge.setShowInLegend(k == 0);
            }
        }
        XYChart bottom = new XYChartBuilder().width(WIDTH).height(240).xAxisTitle("Energy (keV)").yAxisTitle("(data - model)/sigma").build();
        bottom.getStyler().setXAxisLogarithmic(true);
        bottom.getStyler().setChartBackgroundColor(Color.WHITE);
        bottom.getStyler().setLegendVisible(false);
        XYSeries res = bottom.addSeries("residuals", e, residual);
        res.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        res.setMarker(SeriesMarkers.CIRCLE);
        res.setMarkerColor(Color.BLACK);
        bottom.getStyler().setMarkerSize(4);
        XYSeries zero = bottom.addSeries("zero", new double[] {e[0], e[n - 1]}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        BufferedImage image = new BufferedImage(WIDTH, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(top), 0, 0, null);
        g.drawImage(BitmapEncoder.getBufferedImage(bottom), 0, 480, null);
        g.dispose();
        Plots.writePng(image, png);
    }

    /** Model rates with zeros (beyond the model's reach) raised to a tiny value a log axis accepts. */
    private static double[] floored(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (x > 0) {
                min = Math.min(min, x);
            }
        }
        double floor = Double.isFinite(min) ? min * 1e-3 : 1e-30;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > 0 ? v[i] : floor;
        }
        return out;
    }
}
