package org.sixsa4j.sample.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {
    private static final long SEED = 0x5eed_ff70L;

    /** The transform against the defining sum X_m = Σ_j x_j exp(−2πi jm/n), evaluated directly. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 4, 8, 64})
    void matchesTheDirectDiscreteFourierTransform(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int j = 0; j < n; j++) {
            re[j] = rng.nextDouble() - 0.5;
            im[j] = rng.nextDouble() - 0.5;
        }
        double[] expectedRe = new double[n];
        double[] expectedIm = new double[n];
        for (int m = 0; m < n; m++) {
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * m % n) / n;
                expectedRe[m] += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                expectedIm[m] += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
        }
        new Fft(n).transform(re, im);
        for (int m = 0; m < n; m++) {
            assertEquals(expectedRe[m], re[m], 1e-12, "seed " + (SEED + n) + ", re X_" + m);
            assertEquals(expectedIm[m], im[m], 1e-12, "seed " + (SEED + n) + ", im X_" + m);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 3, 12, -4})
    void rejectsLengthsThatAreNotPowersOfTwo(int n) {
        assertThrows(IllegalArgumentException.class, () -> new Fft(n));
    }
}
