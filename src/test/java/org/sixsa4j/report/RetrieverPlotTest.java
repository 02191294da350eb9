package org.sixsa4j.report;

import static org.sixsa4j.report.PlotAssertions.assertOnlyFiles;
import static org.sixsa4j.report.PlotAssertions.assertPng;
import static org.sixsa4j.report.PlotAssertions.assertRejected;
import static org.sixsa4j.report.PlotAssertions.names;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrieverPlotTest {
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);

    @Test
    void drawsOnePanelPerParameter(@TempDir Path dir) throws Exception {
        double[][] truth = uniform(4000, 5);
        double[][] predicted = new double[truth.length][5];
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < 5; j++) {
                // A spectral normalisation (10⁻⁴) among the parameters: its ticks must still show.
                double scale = j == 2 ? 1e-4 : 1;
                truth[i][j] *= scale;
                predicted[i][j] = truth[i][j] + 0.1 * j * scale * (rng.nextDouble() - 0.5);
            }
        }
        Path png = dir.resolve("retriever.png");
        RetrieverPlot.write(png, List.of("tbabs.nH", "powerlaw.PhoIndex", "powerlaw.norm", "bbody.kT", "bbody.norm"), truth, predicted,
                new double[] {1, 0.99, 0.95, 0.9, Double.NaN});
        assertPng(png, 4 * 300, 2 * 260);
        Path three = dir.resolve("three.png");
        RetrieverPlot.write(three, names(1), new double[][] {{1}, {2}, {3}}, new double[][] {{1.1}, {1.9}, {3.2}}, new double[] {0.98});
        assertPng(three, 300, 260);
        assertOnlyFiles(dir, png, three);
    }

    @Test
    void rejectsMismatchedShapesAndWritesNothing(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("retriever.png");
        double[][] truth = uniform(10, 2);
        double[] r2 = {0.9, 0.8};
        assertRejected(dir, "none given", () -> RetrieverPlot.write(png, List.of(), new double[0][], new double[0][], new double[0]));
        assertRejected(dir, "truth: no rows", () -> RetrieverPlot.write(png, names(2), new double[0][], new double[0][], r2));
        assertRejected(dir, "predicted has 9 rows but truth has 10", () -> RetrieverPlot.write(png, names(2), truth, uniform(9, 2), r2));
        assertRejected(dir, "predicted: row 0 has 3 values, expected 2", () -> RetrieverPlot.write(png, names(2), truth, uniform(10, 3), r2));
        assertRejected(dir, "truth: row 0 has 2 values, expected 3", () -> RetrieverPlot.write(png, names(3), truth, uniform(10, 3), r2));
        assertRejected(dir, "1 R² values for 2 parameters", () -> RetrieverPlot.write(png, names(2), truth, uniform(10, 2), new double[] {1}));
        double[][] broken = uniform(10, 2);
        broken[7][0] = Double.NaN;
        assertRejected(dir, "predicted: row 7 column 0 is NaN", () -> RetrieverPlot.write(png, names(2), truth, broken, r2));
    }

    private double[][] uniform(int n, int d) {
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = 5 * rng.nextDouble();
            }
        }
        return out;
    }
}
