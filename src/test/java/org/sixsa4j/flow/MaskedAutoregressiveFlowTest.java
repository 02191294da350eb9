package org.sixsa4j.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.autodiff.Tape;

/**
 * The flow is a normalised density whatever its weights, its samples follow that density, and
 * its MADEs are autoregressive. Flows here are freshly initialised (random weights), which is
 * what makes these properties non-trivial: nothing has been fitted to make them hold.
 */
class MaskedAutoregressiveFlowTest {
    private static final double[] CONTEXT = {0.7, -1.3};

    /**
     * A grid over ±12 standard deviations around the flow's mean (from its own samples: a flow
     * with random weights contracts at each transform, so its density is wide in θ), with log q
     * at every node: rows of (θ0, θ1, log q, cell area).
     */
    private static double[][] grid(MaskedAutoregressiveFlow flow, int steps) {
        double[][] pilot = flow.sample(4000, CONTEXT, RandomSource.XO_RO_SHI_RO_128_PP.create(99));
        double[] lo = new double[2];
        double[] hi = new double[2];
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double sq = 0;
            for (double[] x : pilot) {
                mean += x[j] / pilot.length;
                sq += x[j] * x[j] / pilot.length;
            }
            double sd = Math.sqrt(sq - mean * mean);
            lo[j] = mean - 12 * sd;
            hi[j] = mean + 12 * sd;
        }
        double h0 = (hi[0] - lo[0]) / steps;
        double h1 = (hi[1] - lo[1]) / steps;
        int n = steps * steps;
        double[][] out = new double[n][4];
        int chunk = 50_000;
        try (Tape tape = Tape.create()) {
            for (int from = 0; from < n; from += chunk) {
                int rows = Math.min(chunk, n - from);
                FMatrixRMaj theta = new FMatrixRMaj(rows, 2);
                FMatrixRMaj context = new FMatrixRMaj(rows, CONTEXT.length);
                for (int r = 0; r < rows; r++) {
                    int a = (from + r) / steps;
                    int b = (from + r) % steps;
                    theta.set(r, 0, (float) (lo[0] + (a + 0.5) * h0));
                    theta.set(r, 1, (float) (lo[1] + (b + 0.5) * h1));
                    context.set(r, 0, (float) CONTEXT[0]);
                    context.set(r, 1, (float) CONTEXT[1]);
                }
                FMatrixRMaj logq = flow.logProb(tape, tape.constant(theta), tape.constant(context)).value();
                for (int r = 0; r < rows; r++) {
                    out[from + r] = new double[] {theta.get(r, 0), theta.get(r, 1), logq.get(r, 0), h0 * h1};
                }
                tape.reset();
            }
        }
        return out;
    }

    private static MaskedAutoregressiveFlow flow(long seed) {
        MaskedAutoregressiveFlow flow = MaskedAutoregressiveFlow.builder(2, CONTEXT.length).seed(seed).build();
        // Scaling fitted to four rows with θ mean (1.5, −0.5), sd (0.8, 1.2) and context mean (0.5, −1), sd (2, 0.5).
        flow.standardize(rowsWith(new double[] {1.5, -0.5}, new double[] {0.8, 1.2}), rowsWith(new double[] {0.5, -1}, new double[] {2, 0.5}));
        return flow;
    }

    /** Four rows whose column means and unbiased standard deviations are the given ones. */
    private static FMatrixRMaj rowsWith(double[] mean, double[] sd) {
        FMatrixRMaj m = new FMatrixRMaj(4, mean.length);
        double half = Math.sqrt(3) / 2;
        for (int j = 0; j < mean.length; j++) {
            // ±a twice has unbiased variance 4a²/3, so a = sd·√3/2.
            m.set(0, j, (float) (mean[j] + half * sd[j]));
            m.set(1, j, (float) (mean[j] - half * sd[j]));
            m.set(2, j, (float) (mean[j] + half * sd[j]));
            m.set(3, j, (float) (mean[j] - half * sd[j]));
        }
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theDensityIntegratesToOne(long seed) {
        double total = 0;
        for (double[] g : grid(flow(seed), 600)) {
            total += Math.exp(g[2]) * g[3];
        }
        assertEquals(1, total, 5e-3, "∫ q(θ | x) dθ for seed " + seed);
    }

    /**
     * Sample means and covariances against those of the density on a grid, to 5 standard errors
     * (false-failure rate below 1e-5 per moment).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void samplesFollowTheDensity(long seed) {
        MaskedAutoregressiveFlow flow = flow(seed);
        double[] m = new double[5];
        for (double[] g : grid(flow, 600)) {
            double w = Math.exp(g[2]) * g[3];
            m[0] += w * g[0];
            m[1] += w * g[1];
            m[2] += w * g[0] * g[0];
            m[3] += w * g[1] * g[1];
            m[4] += w * g[0] * g[1];
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 100);
        int n = 20_000;
        double[][] samples = flow.sample(n, CONTEXT, rng);
        double[] s = new double[5];
        for (double[] x : samples) {
            s[0] += x[0] / n;
            s[1] += x[1] / n;
            s[2] += x[0] * x[0] / n;
            s[3] += x[1] * x[1] / n;
            s[4] += x[0] * x[1] / n;
        }
        double sd0 = Math.sqrt(m[2] - m[0] * m[0]);
        double sd1 = Math.sqrt(m[3] - m[1] * m[1]);
        assertEquals(m[0], s[0], 5 * sd0 / Math.sqrt(n), "mean of θ0, seed " + seed);
        assertEquals(m[1], s[1], 5 * sd1 / Math.sqrt(n), "mean of θ1, seed " + seed);
        // Second moments: their own spread is at most about 2 (sd² + |mean| sd)·… here bounded generously.
        assertEquals(m[2], s[2], 5 * Math.sqrt(2) * (sd0 * sd0 + 2 * Math.abs(m[0]) * sd0) / Math.sqrt(n), "E θ0², seed " + seed);
        assertEquals(m[3], s[3], 5 * Math.sqrt(2) * (sd1 * sd1 + 2 * Math.abs(m[1]) * sd1) / Math.sqrt(n), "E θ1², seed " + seed);
    }

    /** Outputs for feature i (scale and shift) must not move when any feature j ≥ i moves. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void madeIsAutoregressive(long seed) {
        int d = 5;
        Made made = new Made(d, 3, 20, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
        FMatrixRMaj x = new FMatrixRMaj(1, d);
        FMatrixRMaj c = new FMatrixRMaj(1, 3);
        for (int i = 0; i < d; i++) {
            x.set(0, i, (float) rng.nextDouble());
        }
        for (int i = 0; i < 3; i++) {
            c.set(0, i, (float) rng.nextDouble());
        }
        try (Tape tape = Tape.create()) {
            float[] base = made.forward(tape, tape.constant(x), tape.constant(c)).value().data.clone();
            for (int j = 0; j < d; j++) {
                FMatrixRMaj moved = x.copy();
                moved.set(0, j, moved.get(0, j) + 1);
                float[] out = made.forward(tape, tape.constant(moved), tape.constant(c)).value().data;
                boolean anyChange = false;
                for (int i = 0; i < d; i++) {
                    for (int k : new int[] {i, d + i}) {
                        if (i <= j) {
                            assertEquals(base[k], out[k], "output " + k + " moved with input " + j);
                        } else {
                            anyChange |= base[k] != out[k];
                        }
                    }
                }
                assertTrue(j == d - 1 || anyChange, "no later output depends on input " + j);
                tape.reset();
            }
        }
    }

    /**
     * Each context scaling is the flow without scaling fed the scaled context by hand: independent
     * (per-column mean and unbiased sd), structured (one pooled mean and sd) and log1p (log1p,
     * then per column).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(MaskedAutoregressiveFlow.ContextScaling.class)
    void contextScalingIsAppliedAsDocumented(MaskedAutoregressiveFlow.ContextScaling scaling) {
        FMatrixRMaj theta = new FMatrixRMaj(new float[][] {{0.1f, 0.2f}, {0.4f, -0.3f}, {1.0f, 0.5f}});
        FMatrixRMaj data = new FMatrixRMaj(new float[][] {{1f, 10f}, {3f, 30f}, {8f, 20f}});
        MaskedAutoregressiveFlow scaled = MaskedAutoregressiveFlow.builder(2, 2).contextScaling(scaling).seed(3).build();
        scaled.standardize(theta, data);
        MaskedAutoregressiveFlow plain = MaskedAutoregressiveFlow.builder(2, 2).contextScaling(MaskedAutoregressiveFlow.ContextScaling.NONE).seed(3).build();
        plain.standardize(theta, data);
        double[][] byHand = new double[3][2];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 2; j++) {
                byHand[r][j] = scaling == MaskedAutoregressiveFlow.ContextScaling.LOG1P ? Math.log1p(data.get(r, j)) : data.get(r, j);
            }
        }
        if (scaling != MaskedAutoregressiveFlow.ContextScaling.NONE) {
            double[] mean = new double[2];
            double[] sd = new double[2];
            for (int j = 0; j < 2; j++) {
                double[] column = scaling == MaskedAutoregressiveFlow.ContextScaling.STRUCTURED
                        ? new double[] {byHand[0][0], byHand[1][0], byHand[2][0], byHand[0][1], byHand[1][1], byHand[2][1]}
                        : new double[] {byHand[0][j], byHand[1][j], byHand[2][j]};
                for (double v : column) {
                    mean[j] += v / column.length;
                }
                for (double v : column) {
                    sd[j] += (v - mean[j]) * (v - mean[j]) / (column.length - 1);
                }
                sd[j] = Math.sqrt(sd[j]);
            }
            for (double[] row : byHand) {
                for (int j = 0; j < 2; j++) {
                    row[j] = (row[j] - mean[j]) / sd[j];
                }
            }
        }
        double[][] points = {{0.3, 0.1}, {-1, 2}};
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(plain.logProb(points, byHand[r]), scaled.logProb(points, new double[] {data.get(r, 0), data.get(r, 1)}), 2e-5,
                    scaling + ", context row " + r);
        }
    }
}
