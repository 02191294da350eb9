package org.sixsa4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the samples of a run's posterior CSV, as tests compare posteriors. */
final class PosteriorCsv {
    private PosteriorCsv() {
    }

    /** The samples without the final log-likelihood column, every {@code step}-th row. */
    static double[][] read(Path csv, int step) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int columns = lines.get(0).split(",").length - 1;
        int rows = (lines.size() - 1 + step - 1) / step;
        double[][] x = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            String[] f = lines.get(1 + r * step).split(",");
            for (int j = 0; j < columns; j++) {
                x[r][j] = Double.parseDouble(f[j]);
            }
        }
        return x;
    }
}
