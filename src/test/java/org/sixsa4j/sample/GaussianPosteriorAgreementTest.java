package org.sixsa4j.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.diagnostics.ClassifierTwoSampleTest;
import org.sixsa4j.sample.mcmc.Chain;
import org.sixsa4j.sample.mcmc.EnsembleSampler;
import org.sixsa4j.sample.mcmc.EnsembleSettings;
import org.sixsa4j.sample.mcmc.WalkerStarts;
import org.sixsa4j.sample.nested.NestedResult;
import org.sixsa4j.sample.nested.NestedSampler;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.LogDensity;
import org.sixsa4j.sbi.Prior;
import org.sixsa4j.sbi.Priors;

/**
 * Issue 4's analytic acceptance test: a correlated 5-D Gaussian likelihood under a uniform prior
 * box wide enough that truncation is negligible (the box spans more than ±8σ in every
 * direction), so the posterior is the Gaussian itself and exact samples are drawn from it
 * directly. Both exact samplers must be indistinguishable from them: C2ST ≤ 0.55.
 */
class GaussianPosteriorAgreementTest {
    private static final double[] MEAN = {0.5, -1.0, 2.0, 0.0, 1.5};
    /** Lower-triangular factor of the covariance: correlations up to 0.9 and scales from 0.05 to 0.5. */
    private static final double[][] L = {
        {0.2, 0, 0, 0, 0},
        {0.18, 0.087, 0, 0, 0},
        {-0.1, 0.2, 0.3, 0, 0},
        {0.01, 0.02, -0.03, 0.05, 0},
        {0.3, -0.2, 0.1, 0.05, 0.3},
    };

    private static final GaussianLikelihood LOG_LIKELIHOOD = new GaussianLikelihood(MEAN, L);

    static JointPrior prior() {
        List<Prior> priors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < MEAN.length; i++) {
            double reach = 0;
            for (int k = 0; k <= i; k++) {
                reach += Math.abs(L[i][k]);
            }
            priors.add(Priors.uniform(MEAN[i] - 10 * reach, MEAN[i] + 10 * reach));
            names.add("p" + i);
        }
        return JointPrior.of(names, priors);
    }

    static double[][] exact(int n, long seed) {
        return LOG_LIKELIHOOD.draw(n, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void ensembleMcmcMatchesExactSamples(long seed) {
        JointPrior prior = prior();
        LogDensity posterior = theta -> prior.inSupport(theta) ? LOG_LIKELIHOOD.value(theta) : Double.NEGATIVE_INFINITY;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 100);
        double[][] starts = WalkerStarts.ball(posterior, MEAN, new double[] {0.1, 0.1, 0.1, 0.1, 0.1}, 32, rng);
        Chain chain = new EnsembleSampler(EnsembleSettings.builder().steps(6000).burnIn(1000).thin(25).seed(seed).threads(2).build())
                .run(posterior, starts, (d, t) -> { });
        // Thinned by 25 (about the autocorrelation time here): 32 walkers × 200 kept steps, nearly independent.
        double c2st = ClassifierTwoSampleTest.accuracy(chain.flat(), exact(6400, seed), seed);
        assertTrue(c2st <= 0.55, "MCMC C2ST " + c2st + " for seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void nestedSamplingMatchesExactSamples(long seed) {
        NestedResult r = NestedSampler.builder(prior(), LOG_LIKELIHOOD).livePoints(400).threads(2).build().run(seed);
        double[][] samples = r.equalWeightSamples();
        double c2st = ClassifierTwoSampleTest.accuracy(samples, exact(samples.length, seed), seed);
        assertTrue(c2st <= 0.55, "nested C2ST " + c2st + " for seed " + seed + " (" + samples.length + " samples)");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3})
    void theCriterionCatchesAPosteriorTwentyPercentTooWide(long seed) {
        double[][] wide = exact(6400, seed + 1);
        for (double[] row : wide) {
            for (int i = 0; i < row.length; i++) {
                row[i] = MEAN[i] + 1.2 * (row[i] - MEAN[i]);
            }
        }
        double c2st = ClassifierTwoSampleTest.accuracy(wide, exact(6400, seed), seed);
        assertTrue(c2st > 0.55, "C2ST " + c2st + ": at these sample sizes the 0.55 bar must reject a 20 % error in width");
    }
}
