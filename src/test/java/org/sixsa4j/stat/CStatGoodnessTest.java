package org.sixsa4j.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CStatGoodnessTest {

    /**
     * Reference values from direct summation of Kaastra's definitions with mpmath at 40
     * significant digits: Σ_k P(k;μ) c(k,μ) and Σ_k P(k;μ) (c − C_e)² over
     * |k − μ| ≤ 20 sqrt(μ) + 30, with P from exp(k ln μ − μ − ln Γ(k+1)); the omitted Poisson mass
     * is below 1e-33. Rows straddle the switch to the asymptotic expansions at μ = 1000.
     */
    @ParameterizedTest
    @CsvSource({
        "1e-8,  3.684136150176767452672e-7, 0.00001213920472301302520943",
        "1e-3,  0.01381689656469994483545,  0.1396756354787598633646",
        "0.1,   0.4740978476599370293764,   0.8604017637471459710144",
        "0.5,   1.007017569029375763003,    0.7296691168169193458879",
        "1,     1.146805618245240474999,    1.364601879280087847885",
        "2,     1.139403841686943228176,    2.232974996670034140424",
        "3.7,   1.071950014638904194534,    2.375614737310399309907",
        "10,    1.018828539693874782016,    2.08768749395734155116",
        "100,   1.001683659359841551256,    2.006804051722689813819",
        "999.5, 1.000166917193193321147,    2.000668338749778256269",
        "1000,  1.000166833650903441067,    2.000668003909483216096",
        "1e4,   1.000016668333650090034,    2.000066680003895941828",
        "1e7,   1.000000016666668333334,    2.000000066666680000004",
    })
    void exactSumsMatchHighPrecisionReference(double mu, double expected, double variance) {
        // measured agreement is within 2e-15 relative; 1e-14 leaves room for other JVMs' rounding
        assertEquals(expected, CStatGoodness.expectedBin(mu), 1e-14 * expected, "C_e at mu = " + mu);
        assertEquals(variance, CStatGoodness.varianceBin(mu), 1e-14 * variance, "C_v at mu = " + mu);
    }

    /**
     * Kaastra's (2017) piecewise approximation of C_e, an independent fit to the same sums. On a
     * log grid of 2e4 points per piece the largest relative differences found are 1.2e-4
     * (μ ≤ 0.5), 2.3e-4 (0.5 &lt; μ ≤ 2), 4.3e-5 (2 &lt; μ ≤ 5), 3.0e-5 (5 &lt; μ ≤ 10) and
     * 7.7e-5 (μ &gt; 10, at its lower end); the bounds below are about twice those.
     */
    @ParameterizedTest
    @CsvSource({
        "1e-8, 0.5, 2.5e-4",
        "0.5,  2,   5e-4",
        "2,    5,   1e-4",
        "5,    10,  1e-4",
        "10,   1e7, 2e-4",
    })
    void expectedValueAgreesWithKaastrasApproximation(double from, double to, double bound) {
        int points = 2000;
        for (int i = 1; i <= points; i++) {
            double mu = from * Math.pow(to / from, i / (double) points);
            double exact = CStatGoodness.expectedBin(mu);
            double approximation = kaastra(mu);
            assertTrue(Math.abs(approximation - exact) <= bound * exact,
                    "mu = " + mu + ": exact " + exact + ", Kaastra " + approximation);
        }
    }

    /** Kaastra 2017, A&amp;A 605, A51, the fitted approximation to C_e(μ), piece by piece. */
    private static double kaastra(double mu) {
        double ln = Math.log(mu);
        if (mu <= 0.5) {
            return -0.25 * mu * mu * mu + 1.38 * mu * mu - 2 * mu * ln;
        }
        if (mu <= 2) {
            return -0.00335 * Math.pow(mu, 5) + 0.04259 * Math.pow(mu, 4) - 0.27331 * mu * mu * mu
                    + 1.381 * mu * mu - 2 * mu * ln;
        }
        if (mu <= 5) {
            return 1.019275 + 0.1345 * Math.pow(mu, 0.461 - 0.9 * ln);
        }
        if (mu <= 10) {
            return 1.00624 + 0.604 / Math.pow(mu, 1.68);
        }
        return 1 + 0.1649 / mu + 0.226 / (mu * mu);
    }

    /**
     * Monte Carlo: draw N Poisson counts, and compare the sample mean and variance of c(k, μ) with
     * C_e and C_v, each within z = 5 standard errors (the variance's from the sample fourth
     * central moment). Under the normal approximation each assertion fails by chance with
     * probability 5.7e-7; the 36 here together about 2e-5.
     */
    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103})
    void meanAndVarianceMatchMonteCarlo(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 100_000;
        double z = 5;
        for (double mu : new double[] {0.1, 1, 4, 30, 300, 3000}) {
            DiscreteSampler sampler = PoissonSampler.of(rng, mu);
            double[] c = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                c[i] = CStat.bin(sampler.sample(), mu);
                mean += c[i];
            }
            mean /= n;
            double m2 = 0;
            double m4 = 0;
            for (double x : c) {
                double dev = (x - mean) * (x - mean);
                m2 += dev;
                m4 += dev * dev;
            }
            double variance = m2 / (n - 1);
            m4 /= n;
            double expected = CStatGoodness.expectedBin(mu);
            double exactVariance = CStatGoodness.varianceBin(mu);
            String where = "seed " + seed + ", mu = " + mu;
            assertEquals(expected, mean, z * Math.sqrt(exactVariance / n), where + ": mean");
            assertEquals(exactVariance, variance, z * Math.sqrt((m4 - variance * variance) / n), where + ": variance");
        }
    }

    /**
     * Large μ: c tends to a χ² with one degree of freedom, so C_e → 1 and C_v → 2; the leading
     * corrections 1/(6μ) and 2/(3μ) bound the approach.
     */
    @Test
    void largeMuTendsToChiSquareWithOneDegreeOfFreedom() {
        for (double mu = 100; mu <= 1e7; mu *= 3.7) {
            double expected = CStatGoodness.expectedBin(mu);
            double variance = CStatGoodness.varianceBin(mu);
            assertTrue(expected > 1 && expected - 1 <= 0.2 / mu, "C_e(" + mu + ") = " + expected);
            assertTrue(variance > 2 && variance - 2 <= 1.0 / mu, "C_v(" + mu + ") = " + variance);
        }
    }

    /**
     * Small μ: summing the k = 0, 1, 2 terms by hand gives C_e = −2μ ln μ + 2 ln 2 · μ² + O(μ³ ln μ),
     * so C_e / (−2μ ln μ) − 1 ≈ ln 2 · μ / |ln μ|, below μ. Down to μ = 1e-300 the k = 1 term,
     * of tiny probability, still carries nearly all of C_e and must not be cut off.
     */
    @Test
    void smallMuGoesLikeMinusTwoMuLnMu() {
        for (double mu = 1e-300; mu <= 1e-3; mu *= 1e3) {
            double leading = -2 * mu * Math.log(mu);
            // plus 1e-14 for the rounding of C_e and of the leading term
            assertEquals(1, CStatGoodness.expectedBin(mu) / leading, mu + 1e-14, "mu = " + mu);
        }
    }

    @Test
    void exactSumsAndAsymptoticExpansionsMeetAtTheSwitch() {
        double below = Math.nextDown(CStatGoodness.ASYMPTOTIC_FROM);
        double at = CStatGoodness.ASYMPTOTIC_FROM;
        assertEquals(CStatGoodness.expectedBin(at), CStatGoodness.expectedBin(below), 1e-14);
        assertEquals(CStatGoodness.varianceBin(at), CStatGoodness.varianceBin(below), 1e-14);
    }

    @Test
    void zeroModelContributesNothing() {
        assertEquals(0, CStatGoodness.expectedBin(0));
        assertEquals(0, CStatGoodness.varianceBin(0));
    }

    @Test
    void spectrumSumsBinsAndGivesTheDeviationInSigma() {
        double[] counts = {-1, 3, 0, 12, 0};
        double[] model = {7, 7, 2.5, 0.4, 9.5, 0, 7};
        CStatGoodness g = CStatGoodness.of(counts, 1, model, 2, 4);
        double[] mu = {2.5, 0.4, 9.5, 0};
        double expected = 0;
        double variance = 0;
        for (double m : mu) {
            expected += CStatGoodness.expectedBin(m);
            variance += CStatGoodness.varianceBin(m);
        }
        double c = CStat.bin(3, 2.5) + CStat.bin(0, 0.4) + CStat.bin(12, 9.5) + CStat.bin(0, 0);
        assertEquals(c, g.cstat(), 1e-14);
        assertEquals(expected, g.expected(), 1e-14);
        assertEquals(variance, g.variance(), 1e-14);
        assertEquals((c - expected) / Math.sqrt(variance), g.sigma(), 1e-14);
    }

    /**
     * End to end: for spectra drawn from the model itself, (C − C_e)/sqrt(C_v) has mean 0 and
     * variance 1. With M = 4000 spectra the sample mean's standard error is 1/sqrt(M) and the
     * sample variance's about sqrt(2/M) (C over 300 bins is close to normal); z = 5 makes each
     * assertion fail by chance with probability below 1e-5 even allowing for some excess kurtosis.
     */
    @ParameterizedTest
    @ValueSource(longs = {201, 202})
    void deviationIsStandardisedForSpectraDrawnFromTheModel(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int bins = 300;
        double[] model = new double[bins];
        DiscreteSampler[] samplers = new DiscreteSampler[bins];
        for (int i = 0; i < bins; i++) {
            model[i] = Math.exp(rng.nextDouble(-4, 5));
            samplers[i] = PoissonSampler.of(rng, model[i]);
        }
        CStatGoodness reference = CStatGoodness.of(model, 0, model, 0, bins);
        int spectra = 4000;
        double[] counts = new double[bins];
        double sum = 0;
        double sumSquares = 0;
        for (int s = 0; s < spectra; s++) {
            for (int i = 0; i < bins; i++) {
                counts[i] = samplers[i].sample();
            }
            double sigma = new CStatGoodness(CStat.value(counts, model), reference.expected(), reference.variance()).sigma();
            sum += sigma;
            sumSquares += sigma * sigma;
        }
        double mean = sum / spectra;
        double variance = (sumSquares - spectra * mean * mean) / (spectra - 1);
        assertEquals(0, mean, 5 / Math.sqrt(spectra), "seed " + seed + ": mean deviation");
        assertEquals(1, variance, 5 * Math.sqrt(2.0 / spectra), "seed " + seed + ": variance of the deviation");
    }
}
