package org.sixsa4j.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How well the parameter retriever recovers each parameter from held-out simulations: one
 * panel per parameter, the true value across and the predicted one up, with the 1:1 line and
 * the retriever's R² in the panel's title. Points on the line are recovered exactly; a cloud
 * that stays flat across the panel (R² near zero) means the data barely constrain that
 * parameter; a curve bending away from the line, a bias at the ends of the prior.
 *
 * <p>The grid is up to four 300 × 260 panels wide. At most 3000 points are drawn per panel,
 * an evenly spaced subset when there are more.
 */
public final class RetrieverPlot {
    private static final int MAX_POINTS = 3000;

    private RetrieverPlot() {
    }

    /**
     * Writes the grid as a PNG, atomically; nothing is written if the data are rejected.
     *
     * @param names the parameters, distinct
     * @param truth one row per simulation, one column per name
     * @param predicted the retriever's predictions, shaped as {@code truth}
     * @param r2 the coefficient of determination of each parameter, shown as given (NaN too)
     * @throws IllegalArgumentException if {@code names} is empty or repeats one, {@code truth}
     *     is empty, the shapes disagree, or a value is not finite
     */
    public static void write(Path png, List<String> names, double[][] truth, double[][] predicted, double[] r2) {
        int d = names.size();
        Plots.requireNames("parameter names", names);
        Plots.requireMatrix("truth", truth, d);
        Plots.require(predicted.length == truth.length, "predicted has " + predicted.length + " rows but truth has " + truth.length);
        Plots.requireMatrix("predicted", predicted, d);
        Plots.require(r2.length == d, r2.length + " R² values for " + d + " parameters");
        Plots.init();
        List<XYChart> panels = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] x = Plots.column(truth, j);
            double[] y = Plots.column(predicted, j);
            String title = String.format(Locale.ROOT, "%s   R² = %.3f", names.get(j), r2[j]);
            XYChart panel = Plots.panel(Plots.PANEL_WIDTH, Plots.PANEL_HEIGHT, title, "true", "predicted");
            panel.getStyler().setMarkerSize(3);
            // The 1:1 line first, so that the points are drawn over it, across the range of both axes.
            double lo = Math.min(Plots.min(x), Plots.min(y));
            double hi = Math.max(Plots.max(x), Plots.max(y));
            XYSeries identity = panel.addSeries("1:1", new double[] {lo, hi}, new double[] {lo, hi});
            identity.setMarker(SeriesMarkers.NONE);
            identity.setLineColor(Plots.RED);
            XYSeries points = panel.addSeries("simulations", Plots.thin(x, MAX_POINTS), Plots.thin(y, MAX_POINTS));
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(Plots.translucent(Plots.BLUE, 80));
            panels.add(panel);
        }
        Plots.writePng(Plots.grid(null, List.of(), panels), png);
    }
}
