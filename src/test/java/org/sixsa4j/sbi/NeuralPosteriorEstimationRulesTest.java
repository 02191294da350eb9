package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bookkeeping of {@link NeuralPosteriorEstimation}: invalid rows, determinism, bad input, the embedding. */
class NeuralPosteriorEstimationRulesTest {

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Test
    void rowsWithNaNOrInfinityAreDroppedAndCounted() {
        LinearGaussian task = LinearGaussian.gaussianPrior(2);
        Simulations sims = task.simulations(task.prior, 300, rng(1));
        double[][] theta = new double[300][];
        double[][] x = new double[300][];
        for (int i = 0; i < 300; i++) {
            theta[i] = sims.theta(i);
            x[i] = sims.x(i);
        }
        x[3][1] = Double.NaN;
        x[7][0] = Double.POSITIVE_INFINITY;
        theta[9][0] = Double.NaN;
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, NpeSettings.defaults().withMaxEpochs(2));
        assertEquals(3, npe.appendSimulations(Simulations.of(theta, x), task.prior));
        assertEquals(3, npe.droppedSimulations());
        for (double[] draw : npe.train(null).sample(100, new double[2], rng(2))) {
            assertTrue(Double.isFinite(draw[0]) && Double.isFinite(draw[1]));
        }
    }

    /** The same seed gives the same posterior draws bit for bit, on one thread or two. */
    @ParameterizedTest(name = "loss {0}")
    @ValueSource(strings = {"MAXIMUM_LIKELIHOOD", "ATOMIC"})
    void trainingIsDeterministicAcrossThreadCounts(String loss) {
        double[][] one = run(NpeSettings.Loss.valueOf(loss), 1);
        double[][] two = run(NpeSettings.Loss.valueOf(loss), 2);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], two[i], "draw " + i);
        }
    }

    private static double[][] run(NpeSettings.Loss loss, int threads) {
        LinearGaussian task = LinearGaussian.gaussianPrior(2);
        NpeSettings settings = NpeSettings.defaults().withSeed(9).withMaxEpochs(3).withThreads(threads).withLoss(loss, 5);
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, settings);
        npe.appendSimulations(task.simulations(task.prior, 400, rng(3)), task.prior);
        ParameterDistribution proposal = npe.train(null).at(new double[2]);
        npe.appendSimulations(task.simulations(proposal, 400, rng(4)), proposal);
        return npe.train(null).sample(200, new double[2], rng(5));
    }

    @Test
    void mismatchedRoundsAreRefused() {
        LinearGaussian task = LinearGaussian.gaussianPrior(2);
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, NpeSettings.defaults());
        assertThrows(IllegalStateException.class, () -> npe.train(null));
        npe.appendSimulations(task.simulations(task.prior, 100, rng(6)), task.prior);
        Simulations wider = Simulations.of(new double[][] {{0, 0}, {1, 1}}, new double[][] {{0, 0, 0}, {1, 1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> npe.appendSimulations(wider, task.prior));
        assertTrue(e.getMessage().contains("3 data values"), e.getMessage());
    }

    /**
     * With an embedding net, the flow sees only what the net extracts: here x carries the two
     * informative coordinates among eight of pure noise, and a 2-unit embedding learns to pick
     * them out. The posterior must still match the analytic one (KL below sbi's 0.15).
     */
    @Tag("acceptance")
    @Test
    void anEmbeddingNetIsTrainedWithTheFlow() {
        LinearGaussian task = LinearGaussian.gaussianPrior(2);
        UniformRandomProvider r = rng(7);
        Simulations sims = task.simulations(task.prior, 2500, r);
        double[][] theta = new double[sims.size()][];
        double[][] x = new double[sims.size()][10];
        for (int i = 0; i < sims.size(); i++) {
            theta[i] = sims.theta(i);
            double[] xi = sims.x(i);
            x[i][0] = xi[0];
            x[i][1] = xi[1];
            for (int j = 2; j < 10; j++) {
                x[i][j] = r.nextDouble() - 0.5;
            }
        }
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, NpeSettings.defaults().withSeed(8).withEmbedding(20, 2));
        npe.appendSimulations(Simulations.of(theta, x), task.prior);
        NeuralPosterior posterior = npe.train(null);
        double[] observation = new double[10];
        double[][] exact = task.posteriorSamples(new double[2], 5000, rng(9));
        double[] logq = posterior.logProb(exact, observation);
        double kl = 0;
        for (int i = 0; i < exact.length; i++) {
            kl += (task.logPosterior(exact[i], new double[2]) - logq[i]) / exact.length;
        }
        assertTrue(kl < 0.15, "KL(true || q) " + kl);
        assertTrue(posterior.flow().parameters().get(0).name().startsWith("embedding_net."));
    }
}
