package org.sixsa4j.report;

import static org.sixsa4j.report.PlotAssertions.assertOnlyFiles;
import static org.sixsa4j.report.PlotAssertions.assertPng;
import static org.sixsa4j.report.PlotAssertions.assertRejected;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    private static final LinePlot.Series CURVE = new LinePlot.Series("training", new double[] {1, 2, 3}, new double[] {1, 0.5, 0.25});

    @Test
    void drawsTheLossCurvesOfSeveralRounds(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<LinePlot.Series> series = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            int epochs = 30 + 10 * round;
            double[] epoch = new double[epochs];
            double[] training = new double[epochs];
            double[] validation = new double[epochs];
            for (int i = 0; i < epochs; i++) {
                epoch[i] = i + 1;
                training[i] = Math.exp(-i / 8.0) / round + 0.05 + 0.01 * random.nextDouble();
                validation[i] = 1.1 * training[i] + 0.001 * i;
            }
            series.add(new LinePlot.Series("round " + round + " training", epoch, training));
            series.add(new LinePlot.Series("round " + round + " validation", epoch, validation));
        }
        series.add(new LinePlot.Series("one point", new double[] {3}, new double[] {0.3}));
        Path png = dir.resolve("loss.png");
        LinePlot.write(png, "Loss per round", "epoch", "loss", series, true);
        assertPng(png, 900, 500);
        assertOnlyFiles(dir, png);
    }

    @Test
    void aLinearAxisTakesNegativeValues(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("nll.png");
        LinePlot.write(png, "Negative log-likelihood", "epoch", "loss",
                List.of(new LinePlot.Series("validation", new double[] {1, 2, 3}, new double[] {2.5, -0.5, -1.5})), false);
        assertPng(png, 900, 500);
    }

    @Test
    void rejectsBadSeriesAndWritesNothing(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("loss.png");
        assertRejected(dir, "3 x values but 2 y values", () -> new LinePlot.Series("a", new double[3], new double[2]));
        assertRejected(dir, "no points", () -> new LinePlot.Series("a", new double[0], new double[0]));
        assertRejected(dir, "none given", () -> LinePlot.write(png, "t", "x", "y", List.of(), false));
        assertRejected(dir, "differ", () -> LinePlot.write(png, "t", "x", "y", List.of(CURVE, CURVE), false));
        assertRejected(dir, "NaN", () -> LinePlot.write(png, "t", "x", "y",
                List.of(CURVE, new LinePlot.Series("validation", new double[] {1, 2}, new double[] {1, Double.NaN})), false));
        assertRejected(dir, "Infinity", () -> LinePlot.write(png, "t", "x", "y",
                List.of(new LinePlot.Series("validation", new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2})), false));
        assertRejected(dir, "above zero", () -> LinePlot.write(png, "t", "x", "y",
                List.of(new LinePlot.Series("validation", new double[] {1, 2}, new double[] {1, 0})), true));
    }
}
