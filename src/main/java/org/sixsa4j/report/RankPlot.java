package org.sixsa4j.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The rank histograms of simulation-based calibration (Talts et al. 2018, figure 2): one panel
 * per parameter, the number of runs whose rank fell in each bin, over a grey band that holds
 * each bin's count with 99 % probability when the ranks are uniform, that is when the posterior
 * is calibrated. The band runs from the 0.5 % to the 99.5 % quantile of the binomial
 * distribution of a bin's count, Binomial(runs, 1/bins), and the dashed line marks its mean.
 *
 * <p>Read the shape, not single bins (about one bin in a hundred leaves the band by chance):
 * a ∪ shape, ranks piling up at both ends, means a posterior too narrow; a ∩ shape, one too
 * wide; a slope, a biased one.
 *
 * <p>The grid is up to four 300 × 260 panels wide.
 */
public final class RankPlot {
    private static final double BAND = 0.99;
    private static final Color BAND_COLOUR = Plots.translucent(Plots.GREY, 70);

    private RankPlot() {
    }

    /**
     * Writes the grid as a PNG, atomically; nothing is written if the data are rejected.
     *
     * @param names the parameters, distinct
     * @param histogram histogram[j][b]: the number of runs whose rank of parameter j fell in bin
     *     b; every parameter with the same bins
     * @param runs the number of runs, which each parameter's counts add up to
     * @throws IllegalArgumentException if {@code names} is empty or repeats one, {@code histogram}
     *     has not one row per name, rows differ in length or are empty, a count is negative, or
     *     a row does not add up to {@code runs}
     */
    public static void write(Path png, List<String> names, int[][] histogram, int runs) {
        Plots.requireNames("parameter names", names);
        Plots.require(histogram.length == names.size(), histogram.length + " histograms for " + names.size() + " parameters");
        int bins = histogram[0].length;
        Plots.require(bins > 0, "the histograms have no bins");
        Plots.require(runs > 0, "runs must be at least 1, got " + runs);
        for (int j = 0; j < histogram.length; j++) {
            Plots.require(histogram[j].length == bins, names.get(j) + ": " + histogram[j].length + " bins, but " + names.get(0) + " has " + bins);
            long total = 0;
            for (int count : histogram[j]) {
                if (count < 0) {
                    throw new IllegalArgumentException(names.get(j) + ": a negative count, " + count);
                }
                total += count;
            }
            Plots.require(total == runs, names.get(j) + ": the counts add up to " + total + ", not to the " + runs + " runs");
        }
        Plots.init();
        BinomialDistribution uniform = BinomialDistribution.of(runs, 1.0 / bins);
        double lower = uniform.inverseCumulativeProbability((1 - BAND) / 2);
        double upper = uniform.inverseCumulativeProbability((1 + BAND) / 2);
        double mean = (double) runs / bins;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = b;
        }
        List<XYChart> panels = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            XYChart panel = Plots.panel(Plots.PANEL_WIDTH, Plots.PANEL_HEIGHT, names.get(j), "rank bin", "runs");
            // Band and mean first, so that the histogram is drawn over them.
            XYSeries band = panel.addSeries("band", new double[] {0, bins, bins, 0}, new double[] {lower, lower, upper, upper});
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(BAND_COLOUR);
            band.setLineColor(BAND_COLOUR);
            XYSeries expected = panel.addSeries("mean", new double[] {0, bins}, new double[] {mean, mean});
            expected.setMarker(SeriesMarkers.NONE);
            expected.setLineColor(Plots.GREY);
            expected.setLineStyle(SeriesLines.DASH_DASH);
            double[] counts = new double[bins];
            for (int b = 0; b < bins; b++) {
                counts[b] = histogram[j][b];
            }
            Plots.outline(panel, "ranks", edges, counts).setLineColor(Plots.BLUE);
            panels.add(panel);
        }
        List<Plots.Key> legend = List.of(new Plots.Key("runs per rank bin", Plots.BLUE), new Plots.Key("mean if calibrated", Plots.GREY),
                new Plots.Key("99 % band if calibrated", BAND_COLOUR));
        Plots.writePng(Plots.grid(null, legend, panels), png);
    }
}
