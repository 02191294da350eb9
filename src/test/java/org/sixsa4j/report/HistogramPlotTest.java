package org.sixsa4j.report;

import static org.sixsa4j.report.PlotAssertions.assertOnlyFiles;
import static org.sixsa4j.report.PlotAssertions.assertPng;
import static org.sixsa4j.report.PlotAssertions.assertRejected;
import static org.sixsa4j.report.PlotAssertions.names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramPlotTest {
    private final ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(11));

    @Test
    void drawsImportanceWeightsOnALogAxis(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("weights.png");
        HistogramPlot.write(png, "Normalised importance weights", "weight",
                List.of(new HistogramPlot.Series("round 1", weights(4000, 2.0)), new HistogramPlot.Series("round 2", weights(1000, 0.5))), 50, true);
        assertPng(png, 900, 500);
        assertOnlyFiles(dir, png);
    }

    @Test
    void drawsALinearAxisAndASampleOfOneRepeatedValue(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("hist.png");
        HistogramPlot.write(png, "Constant", "x", List.of(new HistogramPlot.Series("same", new double[] {-2, -2, -2})), 10, false);
        assertPng(png, 900, 500);
    }

    @Test
    void gridHasOnePanelPerParameterUnderTitleAndLegend(@TempDir Path dir) throws Exception {
        List<HistogramPlot.Layer> rounds = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            rounds.add(new HistogramPlot.Layer("round " + round, gaussian(500 * round, 5, 1.0 / round)));
        }
        Path png = dir.resolve("rounds.png");
        HistogramPlot.writeGrid(png, "Posterior per round", names(5), rounds, 30);
        assertPng(png, 4 * 300, 40 + 22 + 2 * 260);
        Path one = dir.resolve("one.png");
        HistogramPlot.writeGrid(one, null, names(1), rounds.stream().map(l -> new HistogramPlot.Layer(l.name(), column0(l.samples()))).toList(), 30);
        assertPng(one, 300, 22 + 260);
        assertOnlyFiles(dir, png, one);
    }

    @Test
    void rejectsBadSamplesAndWritesNothing(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("hist.png");
        HistogramPlot.Series a = new HistogramPlot.Series("a", new double[] {1, 2, 3});
        assertRejected(dir, "no values", () -> new HistogramPlot.Series("a", new double[0]));
        assertRejected(dir, "none given", () -> HistogramPlot.write(png, "t", "x", List.of(), 10, false));
        assertRejected(dir, "differ", () -> HistogramPlot.write(png, "t", "x", List.of(a, a), 10, false));
        assertRejected(dir, "empty one", () -> HistogramPlot.write(png, "t", "x", List.of(new HistogramPlot.Series("", new double[] {1})), 10, false));
        assertRejected(dir, "bins", () -> HistogramPlot.write(png, "t", "x", List.of(a), 0, false));
        assertRejected(dir, "NaN", () -> HistogramPlot.write(png, "t", "x", List.of(new HistogramPlot.Series("b", new double[] {1, Double.NaN})), 10, false));
        assertRejected(dir, "above zero", () -> HistogramPlot.write(png, "t", "x", List.of(new HistogramPlot.Series("w", new double[] {0.5, 0})), 10, true));
    }

    @Test
    void gridRejectsBadLayersAndWritesNothing(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("grid.png");
        HistogramPlot.Layer prior = new HistogramPlot.Layer("prior", gaussian(100, 2, 1));
        assertRejected(dir, "no samples", () -> new HistogramPlot.Layer("prior", new double[0][]));
        assertRejected(dir, "panel names: none given", () -> HistogramPlot.writeGrid(png, "t", List.of(), List.of(prior), 10));
        assertRejected(dir, "layer names: none given", () -> HistogramPlot.writeGrid(png, "t", names(2), List.of(), 10));
        assertRejected(dir, "differ", () -> HistogramPlot.writeGrid(png, "t", names(2), List.of(prior, prior), 10));
        assertRejected(dir, "row 0 has 2 values, expected 3", () -> HistogramPlot.writeGrid(png, "t", names(3), List.of(prior), 10));
        double[][] broken = gaussian(10, 2, 1);
        broken[4][1] = Double.POSITIVE_INFINITY;
        assertRejected(dir, "row 4 column 1", () -> HistogramPlot.writeGrid(png, "t", names(2), List.of(new HistogramPlot.Layer("x", broken)), 10));
        assertRejected(dir, "bins", () -> HistogramPlot.writeGrid(png, "t", names(2), List.of(prior), -1));
    }

    /** Normalised weights from a log-normal with the given spread. */
    private double[] weights(int n, double spread) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(spread * z.sample());
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private double[][] gaussian(int n, int d, double scale) {
        double[][] samples = new double[n][d];
        for (double[] row : samples) {
            for (int j = 0; j < d; j++) {
                row[j] = j + scale * z.sample();
            }
        }
        return samples;
    }

    private static double[][] column0(double[][] samples) {
        double[][] out = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            out[i] = new double[] {samples[i][0]};
        }
        return out;
    }
}
