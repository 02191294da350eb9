package org.sixsa4j.report;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CornerPlotTest {
    @TempDir
    Path dir;

    /**
     * A collapsed importance sample (every sample the same point, as when one draw takes all the
     * weight) still gives a plot, in about a second; the chart library alone would draw ticks on a
     * zero-width axis without end.
     */
    @Test
    void identicalSamplesArePlotted() throws IOException {
        double[][] samples = new double[200][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new double[] {0.0895, 0.317, 38.9, 1.79, 1.06e-3};
        }
        Path png = dir.resolve("corner.png");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CornerPlot.write(png, List.of("a", "b", "c", "d", "e"), samples, null));
        assertTrue(Files.size(png) > 1000);
    }
}
