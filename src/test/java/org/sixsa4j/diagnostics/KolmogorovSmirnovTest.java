package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle values from scipy 1.17.1, {@code kstwo.sf(d, n)} and {@code ks_2samp(x, y, method='exact')},
 * except where marked: for some n &gt; 140 scipy's {@code kstwo} switches to the Pelz–Good
 * expansion, good to about 10<sup>−6</sup>, and the oracle there is Durbin's matrix evaluated in
 * 50-digit arithmetic (mpmath 1.3).
 */
class KolmogorovSmirnovTest {

    @ParameterizedTest(name = "n = {0}, d = {1}")
    @CsvSource({
        "1, 0.7, 0.6000000000000001",
        "5, 0.5, 0.112",
        "10, 0.3, 0.27053557479999946",
        "50, 0.05, 0.9990238098461883",
        "50, 0.1, 0.6623112704658186",
        "50, 0.2, 0.03143877776953241",
        "100, 0.1, 0.2526927570063874",
        "100, 0.15, 0.019839242125643017",
        "200, 0.05, 0.68026272543955755", // mpmath
        "200, 0.1, 0.034110070781484969", // mpmath
        "1000, 0.03, 0.32269024641329994", // mpmath
        "1000, 0.05, 0.013012071309966894", // mpmath
        "5000, 0.01, 0.6954557253913853",
        "10000, 0.012, 0.11135257403749388",
    })
    void exactOneSamplePValuesMatchScipy(int n, double d, double expected) {
        assertEquals(expected, KolmogorovSmirnov.oneSamplePValue(d, n), 1e-10 + 1e-9 * expected);
    }

    @ParameterizedTest(name = "n = {0}, d = {1}")
    @CsvSource({
        // Marsaglia, Tsang & Wang's tail approximation (nd² > 3.76 with n > 99, or nd² > 7.24).
        "50, 0.3, 0.00017353260202718738",
        // Beyond 10^4 points: Stephens' corrected limiting distribution.
        "20000, 0.005, 0.6974088406327613",
        "20000, 0.01, 0.03638603905248727",
        "20000, 0.012, 0.006251252284121751",
        "100000, 0.004, 0.08130148920222469",
    })
    void approximateOneSamplePValuesAreCloseToScipy(int n, double d, double expected) {
        assertEquals(expected, KolmogorovSmirnov.oneSamplePValue(d, n), 0.02 * expected);
    }

    @Test
    void oneSampleLimits() {
        assertEquals(1, KolmogorovSmirnov.oneSamplePValue(0, 10));
        assertEquals(0, KolmogorovSmirnov.oneSamplePValue(1, 10));
    }

    @ParameterizedTest(name = "n = {0}, k = {1}")
    @CsvSource({
        "11, 1, 1",
        "11, 3, 0.832587690946824",
        "11, 5, 0.21147608841107293",
        "11, 11, 2.835142154027603e-06",
        "31, 4, 0.9634297148886908",
        "31, 8, 0.2560450207654439",
        "51, 6, 0.8768119540475026",
        "101, 10, 0.7079021385122731",
        "101, 25, 0.003972906386606238",
    })
    void twoSamplePValuesMatchScipy(int n, int k, double expected) {
        assertEquals(expected, KolmogorovSmirnov.twoSampleEqualSizePValue(k, n), 1e-12);
        assertEquals(1, KolmogorovSmirnov.twoSampleEqualSizePValue(0, n));
    }

    @Test
    void theTwoSampleGapCountsTiedValuesOnce() {
        // At 0.25 the first has 3 points ≤ it, the second 2; the values both share add nothing.
        double[] x = {0, 0.25, 0.25, 0.5, 1};
        double[] y = {0, 0.25, 0.5, 0.75, 1};
        assertEquals(1, KolmogorovSmirnov.twoSampleGap(x, y));
        assertEquals(3, KolmogorovSmirnov.twoSampleGap(new double[] {0, 0.1, 0.2, 1}, new double[] {0.3, 0.4, 0.5, 1}));
        assertEquals(0, KolmogorovSmirnov.twoSampleGap(y, y.clone()));
    }
}
