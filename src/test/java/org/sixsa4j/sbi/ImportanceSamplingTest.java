package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Importance sampling on a conjugate Gaussian problem, where the posterior and the evidence are
 * known: prior N(0, I) in 2-D, likelihood N(y; θ, s² I) with y = (1, −0.5) and s = 0.5, so the
 * posterior is N(y/(1 + s²), s²/(1 + s²) I) and Z = N(y; 0, (1 + s²) I).
 */
class ImportanceSamplingTest {
    private static final double[] Y = {1, -0.5};
    private static final double S2 = 0.25;
    private static final double POST_VAR = S2 / (1 + S2);

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A diagonal normal with the given means and one standard deviation. */
    static ParameterDistribution normal(double[] mean, double sd) {
        return new ParameterDistribution() {
            @Override
            public int dimension() {
                return mean.length;
            }

            @Override
            public double logDensity(double[] theta) {
                double sum = 0;
                for (int i = 0; i < mean.length; i++) {
                    double z = (theta[i] - mean[i]) / sd;
                    sum += -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
                }
                return sum;
            }

            @Override
            public double[][] sample(int n, UniformRandomProvider rng) {
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                double[][] out = new double[n][mean.length];
                for (double[] row : out) {
                    for (int i = 0; i < mean.length; i++) {
                        row[i] = mean[i] + sd * g.sample();
                    }
                }
                return out;
            }
        };
    }

    private static final ParameterDistribution PRIOR = normal(new double[2], 1);
    private static final LogDensity LIKELIHOOD = theta -> {
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            double z = (Y[i] - theta[i]) / Math.sqrt(S2);
            sum += -0.5 * z * z - 0.5 * Math.log(2 * Math.PI * S2);
        }
        return sum;
    };

    private static double exactLogEvidence() {
        double sum = 0;
        for (double y : Y) {
            sum += -0.5 * y * y / (1 + S2) - 0.5 * Math.log(2 * Math.PI * (1 + S2));
        }
        return sum;
    }

    /** A proposal 1.5 times wider than the posterior and a little off centre: good weights. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void recoversThePosteriorAndTheEvidence(long seed) {
        ParameterDistribution proposal = normal(new double[] {0.75, -0.35}, 1.5 * Math.sqrt(POST_VAR));
        ImportanceSampling is = new ImportanceSampling(proposal, PRIOR, 0.1, PRIOR, LIKELIHOOD, 2);
        List<String> warnings = new ArrayList<>();
        WeightedSample sample = is.run(20_000, rng(seed), warnings::add);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertTrue(sample.paretoShape() < 0.5, "k " + sample.paretoShape());
        assertTrue(sample.effectiveSampleSize() / sample.size() > 0.3, "ESS/N " + sample.effectiveSampleSize() / sample.size());
        // log Z within 4 of its own standard errors (false failure about 6e-5 per seed).
        assertEquals(exactLogEvidence(), sample.logEvidence(), 4 * sample.logEvidenceError());
        double[][] draws = sample.resample(5000, rng(seed + 10));
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double sq = 0;
            for (double[] d : draws) {
                mean += d[j] / draws.length;
                sq += d[j] * d[j] / draws.length;
            }
            double exactMean = Y[j] / (1 + S2);
            // The standard error of a mean of 5000 resampled draws with ESS ≥ 6000 is below 0.01.
            assertEquals(exactMean, mean, 0.04, "posterior mean of θ" + j);
            assertEquals(POST_VAR, sq - mean * mean, 0.04, "posterior variance of θ" + j);
        }
    }

    /** A proposal a third as wide as the posterior: heavy-tailed weights, k̂ above 0.7, and a warning. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void aTooNarrowProposalIsFlagged(long seed) {
        ParameterDistribution proposal = normal(new double[] {0.8, -0.4}, Math.sqrt(POST_VAR) / 3);
        ImportanceSampling is = new ImportanceSampling(proposal, PRIOR, 0, PRIOR, LIKELIHOOD, 1);
        List<String> warnings = new ArrayList<>();
        WeightedSample sample = is.run(20_000, rng(seed), warnings::add);
        assertTrue(sample.paretoShape() > 0.7, "k " + sample.paretoShape());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Pareto k")), warnings.toString());
    }

    /** The defensive component bounds the weights of the same narrow proposal: k̂ falls back below 0.7. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {6, 7})
    void theDefensiveMixtureBoundsTheWeights(long seed) {
        ParameterDistribution proposal = normal(new double[] {0.8, -0.4}, Math.sqrt(POST_VAR) / 3);
        WeightedSample sample = new ImportanceSampling(proposal, PRIOR, 0.3, PRIOR, LIKELIHOOD, 1).run(20_000, rng(seed), null);
        assertTrue(sample.paretoShape() < 0.7, "k " + sample.paretoShape());
        assertEquals(exactLogEvidence(), sample.logEvidence(), 4 * sample.logEvidenceError());
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 2})
    void threadsDoNotChangeTheWeights(int threads) {
        ParameterDistribution proposal = normal(new double[] {0.75, -0.35}, 0.6);
        WeightedSample one = new ImportanceSampling(proposal, PRIOR, 0.1, PRIOR, LIKELIHOOD, 1).run(1000, rng(8), null);
        WeightedSample many = new ImportanceSampling(proposal, PRIOR, 0.1, PRIOR, LIKELIHOOD, threads).run(1000, rng(8), null);
        for (int i = 0; i < 1000; i++) {
            assertEquals(one.logWeight(i), many.logWeight(i));
        }
    }

    /**
     * k̂ of weights whose upper tail is exactly a generalized Pareto of shape ξ (weights at the
     * evenly spaced quantiles of a GPD): the estimate is ξ, pulled toward 0.5 only by the prior
     * adjustment, by at most 10/(M + 10) × |ξ − 0.5| (0.03 here).
     */
    @ParameterizedTest(name = "xi {0}")
    @CsvSource({"0.1", "0.5", "0.8", "1.2"})
    void paretoShapeOfAnExactTail(double xi) {
        int n = 10_000;
        double[] logWeights = new double[n];
        for (int i = 0; i < n; i++) {
            double p = (i + 0.5) / n;
            logWeights[i] = Math.log(Math.expm1(-xi * Math.log1p(-p)) / xi);
        }
        assertEquals(xi, ParetoShape.of(logWeights), 0.05);
    }

    /**
     * With an emulator trained on 2000 exact evaluations, rejection control spends far fewer
     * exact likelihoods and the estimates stay unbiased: log Z within 4 of its standard errors.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {9, 10})
    void anEmulatorSavesEvaluationsWithoutBias(long seed) {
        ParameterDistribution proposal = normal(new double[] {0.75, -0.35}, 1.5 * Math.sqrt(POST_VAR));
        double[][] trainingTheta = proposal.sample(2000, rng(seed + 100));
        double[] trainingLogL = new double[2000];
        for (int i = 0; i < 2000; i++) {
            trainingLogL[i] = LIKELIHOOD.value(trainingTheta[i]);
        }
        LikelihoodEmulator emulator = LikelihoodEmulator.train(trainingTheta, trainingLogL, seed, 1);
        assertTrue(emulator.validationR2() > 0.95, "R² " + emulator.validationR2());
        ImportanceSampling is = new ImportanceSampling(proposal, PRIOR, 0.1, PRIOR, LIKELIHOOD, 1);
        WeightedSample sample = is.run(20_000, emulator, 0.3, rng(seed), null);
        assertTrue(sample.exactEvaluations() < 0.75 * sample.size(), "exact evaluations " + sample.exactEvaluations());
        assertEquals(exactLogEvidence(), sample.logEvidence(), 4 * sample.logEvidenceError());
        double mean = 0;
        for (double[] d : sample.resample(5000, rng(seed + 1))) {
            mean += d[0] / 5000;
        }
        assertEquals(Y[0] / (1 + S2), mean, 0.04);
    }
}
