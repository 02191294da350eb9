package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.JointPrior;

/**
 * The acceptance test: a correlated 5-D Gaussian likelihood under a uniform prior box
 * much wider than the posterior, where log Z is known analytically, run with 10 seeds.
 */
class NestedSamplerGaussianTest {
    static final long FIRST_SEED = 0x5eed_0101L;
    static final int SEEDS = 10;
    static final double[] MEAN = {1, -2, 0.5, 3, -1};
    static final double[] SIGMA = {1, 0.5, 1.5, 0.8, 1.2};
    static final double HALF_WIDTH = 10;
    static final Gaussian LIKELIHOOD = Gaussian.correlated(MEAN, SIGMA, 0.6);
    static final JointPrior PRIOR = Gaussian.box(MEAN.length, -HALF_WIDTH, HALF_WIDTH);

    private static final List<NestedResult> RESULTS = new ArrayList<>();

    @BeforeAll
    static void run() {
        NestedSampler sampler = NestedSampler.builder(PRIOR, LIKELIHOOD).build();
        for (int k = 0; k < SEEDS; k++) {
            RESULTS.add(sampler.run(FIRST_SEED + k));
        }
    }

    /**
     * Z = P(θ in box) / 20⁵. P(θ outside) is below the sum of the marginal tail masses beyond the
     * walls (a union bound), which is about 1e-9 here, so log Z = −5 log 20 to that precision.
     */
    static double analyticLogZ() {
        double outside = 0;
        for (int i = 0; i < MEAN.length; i++) {
            NormalDistribution marginal = NormalDistribution.of(MEAN[i], SIGMA[i]);
            outside += marginal.cumulativeProbability(-HALF_WIDTH) + marginal.survivalProbability(HALF_WIDTH);
        }
        assertTrue(outside < 1e-6, "the box must hold nearly all the mass; outside <= " + outside);
        return -MEAN.length * Math.log(2 * HALF_WIDTH);
    }

    /**
     * If the reported errors are right, |pull| &gt; 3 has probability 0.27 % per seed: a
     * false-failure rate of 2.7 % for the 10 seeds (the criterion).
     */
    @Test
    void logZIsWithinThreeReportedErrorsOfTheAnalyticValueForEverySeed() {
        double truth = analyticLogZ();
        for (int k = 0; k < SEEDS; k++) {
            NestedResult r = RESULTS.get(k);
            double pull = (r.logZ() - truth) / r.logZError();
            assertTrue(Math.abs(pull) < 3, "seed " + (FIRST_SEED + k) + ": log Z " + r.logZ() + " ± " + r.logZError() + " vs " + truth);
            assertEquals(StopReason.CONVERGED, r.stopReason(), "seed " + (FIRST_SEED + k));
        }
    }

    /**
     * The standard deviation s of 10 log Z values, if the errors are right, satisfies
     * 9 s²/σ² ~ χ²₉: s &lt; σ/2 with probability 1.3 % and s &gt; 2σ with probability 4e-5. The
     * simulated error is checked the same way.
     */
    @Test
    void reportedErrorMatchesTheScatterOverSeeds() {
        double[] logZ = RESULTS.stream().mapToDouble(NestedResult::logZ).toArray();
        double scatter = Moments.std(logZ);
        double error = RESULTS.stream().mapToDouble(NestedResult::logZError).average().orElseThrow();
        double simulated = RESULTS.stream().mapToDouble(NestedResult::logZErrorSimulated).average().orElseThrow();
        assertTrue(scatter > error / 2 && scatter < 2 * error, "seeds from " + FIRST_SEED + ": scatter " + scatter + " vs error " + error);
        assertTrue(scatter > simulated / 2 && scatter < 2 * simulated, "seeds from " + FIRST_SEED + ": scatter " + scatter + " vs simulated " + simulated);
    }

    /**
     * Samples pooled over the seeds, of total effective size n = Σ ESS: each mean is off by
     * N(0, Σ_aa/n) and each covariance by about N(0, (Σ_aa Σ_bb + Σ_ab²)/n). Five standard errors
     * for 20 numbers give a false-failure rate near 1e-5.
     */
    @Test
    void equalWeightSamplesHaveTheTrueMeanAndCovariance() {
        List<double[]> pooled = new ArrayList<>();
        double ess = 0;
        for (NestedResult r : RESULTS) {
            pooled.addAll(List.of(r.equalWeightSamples()));
            ess += r.effectiveSampleSize();
        }
        double[][] samples = pooled.toArray(new double[0][]);
        double[] mean = Moments.mean(samples);
        double[][] cov = Moments.covariance(samples);
        double[][] truth = LIKELIHOOD.covariance();
        for (int a = 0; a < MEAN.length; a++) {
            assertEquals(MEAN[a], mean[a], 5 * Math.sqrt(truth[a][a] / ess), "seeds from " + FIRST_SEED + ": mean of x" + a);
            for (int b = 0; b <= a; b++) {
                double se = Math.sqrt((truth[a][a] * truth[b][b] + truth[a][b] * truth[a][b]) / ess);
                assertEquals(truth[a][b], cov[a][b], 5 * se, "seeds from " + FIRST_SEED + ": covariance of x" + a + ", x" + b);
            }
        }
    }

    /** A posterior has fewer effective samples than points, and the equal-weight draw has round(ESS). */
    @Test
    void equalWeightSampleCountIsTheEffectiveSampleSize() {
        for (NestedResult r : RESULTS) {
            assertTrue(r.effectiveSampleSize() > 1 && r.effectiveSampleSize() < r.size(), r.toString());
            assertEquals(Math.round(r.effectiveSampleSize()), r.equalWeightSamples().length, r.toString());
        }
    }
}
