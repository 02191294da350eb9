package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The posterior of a flow trained once on the linear Gaussian task under the box prior
 * U(−2, 2)², where the true posterior N(x + 1, 0.3 I) is cut by the box at x = 0: leakage
 * rejection, the normalisation of the corrected density, the TSNPE truncated prior and the MAP.
 */
@Tag("acceptance")
class NeuralPosteriorTest {
    private static final double[] X_O = {0, 0};
    private static final int GRID = 200;
    private static LinearGaussian task;
    private static NeuralPosterior posterior;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @BeforeAll
    static void train() {
        task = LinearGaussian.uniformPrior(2);
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, NpeSettings.defaults().withSeed(11));
        npe.appendSimulations(task.simulations(task.prior, 2000, rng(12)), task.prior);
        posterior = npe.train(null);
    }

    /** The prior box [−2, 2]² as a grid of cell centres. */
    private static double[][] grid() {
        double h = 4.0 / GRID;
        double[][] points = new double[GRID * GRID][];
        for (int a = 0; a < GRID; a++) {
            for (int b = 0; b < GRID; b++) {
                points[a * GRID + b] = new double[] {-2 + (a + 0.5) * h, -2 + (b + 0.5) * h};
            }
        }
        return points;
    }

    private static double integral(double[] logDensity) {
        double h = 4.0 / GRID;
        double sum = 0;
        for (double v : logDensity) {
            sum += Math.exp(v) * h * h;
        }
        return sum;
    }

    @Test
    void samplesStayInsideThePrior() {
        double acceptance = posterior.acceptance(X_O);
        // The true posterior keeps 93 % of N(1, 0.3) per coordinate inside the box: a flow leaks.
        assertTrue(acceptance < 0.99 && acceptance > 0.5, "acceptance " + acceptance);
        for (double[] theta : posterior.sample(5000, X_O, rng(1))) {
            assertTrue(task.prior.inSupport(theta), "sample outside the prior");
        }
    }

    @Test
    void theLeakageCorrectedDensityIsNormalised() {
        assertEquals(1, integral(posterior.logProb(grid(), X_O)), 0.015);
        assertEquals(Double.NEGATIVE_INFINITY, posterior.logProb(new double[][] {{2.1, 0}}, X_O)[0]);
    }

    /** Restricted prior: integrates to 1 on a grid, and exactly 0 where log q is below the threshold. */
    @Test
    void theTruncatedPriorIsNormalisedAndZeroWhereCut() {
        List<String> warnings = new ArrayList<>();
        TruncatedPrior truncated = TruncatedPrior.of(posterior, X_O, rng(2), warnings::add);
        double[][] points = grid();
        double[] logDensity = truncated.logDensity(points);
        double[] logq = posterior.flow().logProb(points, X_O);
        assertEquals(logDensity[GRID * GRID / 2 + GRID / 2], truncated.logDensity(points[GRID * GRID / 2 + GRID / 2]));
        int cut = 0;
        for (int i = 0; i < points.length; i++) {
            if (logq[i] <= truncated.threshold()) {
                cut++;
                assertEquals(Double.NEGATIVE_INFINITY, logDensity[i], "density where log q is below the threshold");
            } else {
                assertEquals(task.prior.logDensity(points[i]) - Math.log(truncated.acceptance()), logDensity[i], 1e-12);
            }
        }
        assertTrue(cut > GRID * GRID / 10, "the truncation should cut part of the box; cut " + cut);
        assertEquals(1, integral(logDensity), 0.015);
        for (double[] theta : truncated.sample(2000, rng(3))) {
            assertTrue(truncated.logDensity(theta) > Double.NEGATIVE_INFINITY, "a draw outside the region");
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aTinyRegionIsWarnedAbout() {
        List<String> warnings = new ArrayList<>();
        // The 0.999 quantile keeps a sliver of the posterior: well under 1 % of the box.
        TruncatedPrior.of(posterior, X_O, 0.999, 10_000, 10_000, rng(4), warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("% of the prior"), warnings.get(0));
    }

    /** The mode of N(1, 0.3 I) cut by the box is (1, 1); the flow's MAP should be close. */
    @Test
    void theMapIsNearTheTrueMode() {
        double[] map = posterior.map(X_O, rng(5));
        assertArrayEquals(new double[] {1, 1}, map, 0.15);
    }
}
