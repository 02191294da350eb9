package org.sixsa4j.report;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @Test
    void cornerPlotHasOnePanelPerPairAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] samples = new double[2000][3];
        for (double[] row : samples) {
            row[0] = 0.1 + 0.01 * z.sample();
            row[1] = 1.8 + 0.1 * z.sample();
            row[2] = row[1] + 0.05 * z.sample();
        }
        Path png = dir.resolve("corner.png");
        CornerPlot.write(png, List.of("tbabs.nH", "powerlaw.PhoIndex", "other"), samples, new double[] {0.1, 1.8, 1.8});
        PlotAssertions.assertPng(png, 3 * 240, 3 * 240);
        PlotAssertions.assertOnlyFiles(dir, png);
    }

    @Test
    void spectrumPlotDrawsDataModelAndResiduals(@TempDir Path dir) throws Exception {
        int n = 50;
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] counts = new double[n];
        double[] model = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = 0.5 * Math.pow(20, i / (double) n);
            hi[i] = 0.5 * Math.pow(20, (i + 1) / (double) n);
            model[i] = 100 * Math.pow(lo[i], -1.5);
            counts[i] = Math.rint(model[i]);
        }
        counts[3] = 0;
        Path png = dir.resolve("spectrum.png");
        SpectrumPlot.write(png, "test", lo, hi, counts, model, null, 1000);
        PlotAssertions.assertPng(png, 900, 720);
    }
}
