package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.diagnostics.ClassifierTwoSampleTest;

/**
 * Neural posterior estimation against the analytic posteriors of the linear Gaussian task, with
 * the pass conditions of sbi's own test suite (tests/linearGaussian_npe_test.py): C2ST within
 * [0.4, 0.6] and mean KL(true ‖ q) below 0.15 for one round; C2ST ≤ 0.6 for TSNPE and APT.
 */
@Tag("acceptance")
class NeuralPosteriorEstimationTest {
    private static final int C2ST_SAMPLES = 1000;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static double[] zeros(int d) {
        return new double[d];
    }

    /** Mean of log p(θ | x) − log q(θ | x) over exact posterior draws: KL(true ‖ q). */
    private static double kl(LinearGaussian task, NeuralPosterior posterior, double[] x, long seed) {
        double[][] exact = task.posteriorSamples(x, 10_000, rng(seed));
        double[] logq = posterior.logProb(exact, x);
        double sum = 0;
        for (int i = 0; i < exact.length; i++) {
            sum += task.logPosterior(exact[i], x) - logq[i];
        }
        return sum / exact.length;
    }

    @ParameterizedTest(name = "{0}-D")
    @ValueSource(ints = {2, 3})
    void oneRoundMatchesTheAnalyticPosterior(int dimension) {
        LinearGaussian task = LinearGaussian.gaussianPrior(dimension);
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, NpeSettings.defaults().withSeed(dimension));
        npe.appendSimulations(task.simulations(task.prior, 2500, rng(10 + dimension)), task.prior);
        NeuralPosterior posterior = npe.train(null);
        double[] x = zeros(dimension);
        double c2st = ClassifierTwoSampleTest.accuracy(task.posteriorSamples(x, C2ST_SAMPLES, rng(20)),
                posterior.sample(C2ST_SAMPLES, x, rng(21)), 22);
        double kl = kl(task, posterior, x, 23);
        assertTrue(c2st >= 0.4 && c2st <= 0.6, "C2ST " + c2st);
        assertTrue(kl < 0.15, "KL(true || q) " + kl);
    }

    /** TSNPE, 1000 + 1000 simulations; the second round's proposal is the truncated prior. */
    @Test
    void truncatedSequentialRoundsMatchTheAnalyticPosterior() {
        LinearGaussian task = LinearGaussian.gaussianPrior(2);
        double[] x = zeros(2);
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, NpeSettings.defaults().withSeed(5));
        npe.appendSimulations(task.simulations(task.prior, 1000, rng(30)), task.prior);
        NeuralPosterior first = npe.train(null);
        List<String> warnings = new ArrayList<>();
        TruncatedPrior proposal = TruncatedPrior.of(first, x, rng(31), warnings::add);
        assertTrue(proposal.acceptance() > 0.01 && proposal.acceptance() < 1, "acceptance " + proposal.acceptance());
        assertTrue(warnings.isEmpty(), warnings.toString());
        npe.appendSimulations(task.simulations(proposal, 1000, rng(32)), proposal);
        NeuralPosterior posterior = npe.train(null);
        double c2st = ClassifierTwoSampleTest.accuracy(task.posteriorSamples(x, C2ST_SAMPLES, rng(33)),
                posterior.sample(C2ST_SAMPLES, x, rng(34)), 35);
        assertTrue(c2st <= 0.6, "C2ST " + c2st);
    }

    /** APT with 10 atoms, 900 + 1000 simulations; the second round's proposal is the first posterior. */
    @Test
    void atomicLossRoundsMatchTheAnalyticPosterior() {
        LinearGaussian task = LinearGaussian.gaussianPrior(2);
        double[] x = zeros(2);
        NpeSettings settings = NpeSettings.defaults().withSeed(6).withLoss(NpeSettings.Loss.ATOMIC, 10);
        NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(task.prior, settings);
        npe.appendSimulations(task.simulations(task.prior, 900, rng(40)), task.prior);
        ParameterDistribution proposal = npe.train(null).at(x);
        npe.appendSimulations(task.simulations(proposal, 1000, rng(41)), proposal);
        NeuralPosterior posterior = npe.train(null);
        double c2st = ClassifierTwoSampleTest.accuracy(task.posteriorSamples(x, C2ST_SAMPLES, rng(42)),
                posterior.sample(C2ST_SAMPLES, x, rng(43)), 44);
        assertTrue(c2st <= 0.6, "C2ST " + c2st);
    }
}
