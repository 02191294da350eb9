package org.sixsa4j.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several named curves y(x) on one chart, such as the training and validation loss of each round
 * against the epoch. Each series is a line through its points in the order given, in its own
 * colour, named in the legend. A training loss that keeps falling while the validation loss
 * turns up marks overfitting; a validation loss far above the training loss from the start, too
 * few simulations. With a log y axis, curves that span decades (losses that approach zero) keep
 * their shape.
 *
 * <p>The image is 900 × 500 pixels.
 */
public final class LinePlot {
    private LinePlot() {
    }

    /**
     * One named curve: the points (x[i], y[i]), joined in the order given.
     *
     * @throws IllegalArgumentException if x and y differ in length or are empty
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            Plots.require(x.length == y.length, "series " + name + ": " + x.length + " x values but " + y.length + " y values");
            Plots.require(x.length > 0, "series " + name + ": no points");
        }
    }

    /**
     * Writes the chart as a PNG, atomically; nothing is written if the data are rejected.
     *
     * @param series at least one, with distinct names and finite values
     * @param logY whether the y axis is logarithmic, which needs every y above zero
     * @throws IllegalArgumentException if there is no series, two share a name, a value is not
     *     finite, or {@code logY} meets a y ≤ 0
     */
    public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        Plots.requireNames("series names", series.stream().map(Series::name).toList());
        for (Series s : series) {
            Plots.requireFinite("series " + s.name() + " x", s.x());
            Plots.requireFinite("series " + s.name() + " y", s.y());
            if (logY) {
                Plots.require(Plots.min(s.y()) > 0, "series " + s.name() + ": a log y axis needs every y above zero, the least is "
                        + Plots.min(s.y()));
            }
        }
        Plots.init();
        XYChart chart = Plots.chart(Plots.WIDTH, Plots.HEIGHT, title, xLabel, yLabel);
        chart.getStyler().setYAxisLogarithmic(logY);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
            // A line through one point is invisible: such a series (one epoch, say) gets a dot.
            line.setMarker(s.x().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            line.setMarkerColor(Plots.colour(k));
            line.setLineColor(Plots.colour(k));
        }
        Plots.writePng(BitmapEncoder.getBufferedImage(chart), png);
    }
}
