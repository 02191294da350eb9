package org.sixsa4j.report;

import static org.sixsa4j.report.PlotAssertions.assertOnlyFiles;
import static org.sixsa4j.report.PlotAssertions.assertPng;
import static org.sixsa4j.report.PlotAssertions.assertRejected;
import static org.sixsa4j.report.PlotAssertions.names;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankPlotTest {
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);

    @Test
    void drawsOneRankHistogramPerParameterUnderTheLegend(@TempDir Path dir) throws Exception {
        int runs = 500;
        int bins = 20;
        int[][] histogram = new int[3][bins];
        for (int i = 0; i < runs; i++) {
            double u = rng.nextDouble();
            histogram[0][(int) (u * bins)]++;
            // Too narrow a posterior: the truth falls in the tails, ranks pile up at both ends.
            double tail = u < 0.5 ? 2 * u * u : 1 - 2 * (1 - u) * (1 - u);
            histogram[1][(int) (tail * bins)]++;
            histogram[2][(int) (Math.sqrt(u) * bins)]++;
        }
        Path png = dir.resolve("ranks.png");
        RankPlot.write(png, names(3), histogram, runs);
        assertPng(png, 3 * 300, 22 + 260);
        assertOnlyFiles(dir, png);
    }

    @Test
    void aSingleBinAndASingleRunAreDrawn(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("ranks.png");
        RankPlot.write(png, names(1), new int[][] {{1}}, 1);
        // One panel is too narrow for the three legend keys in a line: they take two.
        assertPng(png, 300, 2 * 22 + 260);
    }

    @Test
    void rejectsInconsistentHistogramsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("ranks.png");
        assertRejected(dir, "none given", () -> RankPlot.write(png, names(0), new int[0][], 0));
        assertRejected(dir, "1 histograms for 2 parameters", () -> RankPlot.write(png, names(2), new int[][] {{1, 2}}, 3));
        assertRejected(dir, "no bins", () -> RankPlot.write(png, names(1), new int[][] {{}}, 3));
        assertRejected(dir, "p1: 3 bins, but p0 has 2", () -> RankPlot.write(png, names(2), new int[][] {{1, 2}, {1, 1, 1}}, 3));
        assertRejected(dir, "negative count", () -> RankPlot.write(png, names(1), new int[][] {{4, -1}}, 3));
        assertRejected(dir, "add up to 3, not to the 4 runs", () -> RankPlot.write(png, names(1), new int[][] {{1, 2}}, 4));
        assertRejected(dir, "runs must be at least 1", () -> RankPlot.write(png, names(1), new int[][] {{0, 0}}, 0));
    }
}
