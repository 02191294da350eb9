package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sample.fit.ConfidenceInterval.Limit;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.stat.CStatGoodness;

/**
 * A power law, K E^−Γ photons per keV, integrated over 50 logarithmic bins from 1 to 10 keV and
 * drawn as Poisson counts (about 2300 in all), fitted with the C-stat 2 Σ (m − d + d ln(d/m))
 * (Cash 1979). With this many counts the maximum-likelihood estimate is close to normal with the
 * inverse-Fisher covariance, and the Δ = 1 profile interval covers the truth with probability
 * close to 68.27 % (Wilks 1938).
 */
class PoissonFitTest {
    private static final double K = 2000;
    private static final double GAMMA = 1.7;
    private static final int BINS = 50;
    private static final double[] EDGES = new double[BINS + 1];
    private static final Bounds BOX = Bounds.of(new double[] {1, -1}, new double[] {1e5, 5});
    private static final double[] START = {500, 1};

    static {
        for (int k = 0; k <= BINS; k++) {
            EDGES[k] = Math.pow(10, (double) k / BINS);
        }
    }

    /** ∫ K E^−Γ dE over bin k: K E₀^(1−Γ) ln(E₁/E₀) expm1(x)/x with x = (1 − Γ) ln(E₁/E₀), exact at Γ = 1. */
    private static double expected(double norm, double index, int k) {
        double logRatio = Math.log(EDGES[k + 1] / EDGES[k]);
        double x = (1 - index) * logRatio;
        double factor = x == 0 ? 1 : Math.expm1(x) / x;
        return norm * Math.pow(EDGES[k], 1 - index) * logRatio * factor;
    }

    private static double[] draw(long seed, long replication) {
        UniformRandomProvider rng = RandomStreams.of(seed).stream(replication);
        double[] counts = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            counts[k] = PoissonSampler.of(rng, expected(K, GAMMA, k)).sample();
        }
        return counts;
    }

    private static Objective cstat(double[] counts) {
        return theta -> {
            double c = 0;
            for (int k = 0; k < BINS; k++) {
                double m = expected(theta[0], theta[1], k);
                double d = counts[k];
                c += d > 0 ? m - d + d * Math.log(d / m) : m;
            }
            return 2 * c;
        };
    }

    /**
     * Each parameter lies within 3σ of the truth with probability 99.73 % under normality, so
     * one seed fails with probability at most 0.54 %.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void fitIsWithinThreeSigmaOfTheTruth(long seed) {
        FitResult fit = Fitter.minimizing(cstat(draw(seed, 0)), BOX).build().fit(START);
        assertEquals(Status.CONVERGED, fit.status(), "seed " + seed + ": " + fit.message());
        double[] truth = {K, GAMMA};
        for (int i = 0; i < 2; i++) {
            double sigma = fit.standardErrors()[i];
            assertTrue(sigma > 0, "seed " + seed + ": parameter " + i + " has no error: " + fit.covariance().problem());
            assertTrue(Math.abs(fit.parameters()[i] - truth[i]) < 3 * sigma,
                    "seed " + seed + ": parameter " + i + " = " + fit.parameters()[i] + " +/- " + sigma + ", truth " + truth[i]);
        }
    }

    /**
     * Of 200 replications, the number whose 68.27 % interval covers the truth is binomial(200,
     * 0.6827): mean 136.5, standard deviation 6.58. Accepting 111 to 162 (±3.9σ) fails falsely
     * with probability 1e-4 per parameter.
     */
    @Test
    void profileIntervalsCoverTheTruthSixtyEightPercentOfTheTime() {
        long seed = 2024L;
        int replications = 200;
        int[] covered = new int[2];
        double[] truth = {K, GAMMA};
        for (int r = 0; r < replications; r++) {
            Fitter fitter = Fitter.minimizing(cstat(draw(seed, r)), BOX).build();
            FitResult fit = fitter.intervals(fitter.fit(START), 1.0, 0, 1);
            for (ConfidenceInterval ci : fit.intervals()) {
                assertEquals(Limit.FOUND, ci.lowerLimit(), "seed " + seed + ", replication " + r);
                assertEquals(Limit.FOUND, ci.upperLimit(), "seed " + seed + ", replication " + r);
                if (ci.lower() <= truth[ci.parameter()] && truth[ci.parameter()] <= ci.upper()) {
                    covered[ci.parameter()]++;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(covered[i] >= 111 && covered[i] <= 162, "seed " + seed + ": parameter " + i + " covered in " + covered[i] + " of 200");
        }
    }

    /**
     * The caller attaches the goodness of fit; it survives the interval search. The C-stat at the
     * best fit is within 5 standard deviations of Kaastra's expectation (false failure 6e-7).
     */
    @Test
    void goodnessOfFitIsTheCallersToAttach() {
        long seed = 11;
        double[] counts = draw(seed, 0);
        Fitter fitter = Fitter.minimizing(cstat(counts), BOX).build();
        FitResult fit = fitter.fit(START);
        double[] model = new double[BINS];
        for (int k = 0; k < BINS; k++) {
            model[k] = expected(fit.parameters()[0], fit.parameters()[1], k);
        }
        CStatGoodness goodness = CStatGoodness.of(counts, 0, model, 0, BINS);
        // The statistic written in this test agrees with the stat package's.
        assertEquals(goodness.cstat(), fit.statistic(), 1e-9 * goodness.cstat());
        assertTrue(fit.goodnessOfFit().isEmpty());
        FitResult withIntervals = fitter.intervals(fit.withGoodnessOfFit(GoodnessOfFit.cstat(BINS - 2, goodness)), 1.0, 1);
        GoodnessOfFit attached = withIntervals.goodnessOfFit().orElseThrow();
        assertEquals(BINS - 2, attached.degreesOfFreedom());
        assertTrue(Math.abs(attached.sigma(withIntervals.statistic())) < 5, "seed " + seed + ": " + attached.sigma(withIntervals.statistic()));
        assertTrue(withIntervals.toString().contains("48 degrees of freedom"), withIntervals.toString());
    }
}
