package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.IncompleteGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.GaussLegendre;

class GrainShieldingTest {
    private static final double AMU_G = 1.6605655e-24;
    private static final double MICRON = 1e-4;

    /**
     * The closed form against the definition, σ = M / (ρ (4/3) π) · ∫ π a^(2−p) (1 − e^(−s a)) da
     * / ∫ a^(3−p) da, integrated numerically in ln a (64-point Gauss–Legendre on 16 panels, good
     * to 1e-13 for these smooth integrands). Index p stays 0.05 away from 3, where the closed
     * form divides by p − 3 and loses |p − 3|⁻¹ × 1e-16; 1e-9 allows for that and the
     * incomplete gamma function's own 1e-15.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void closedFormIsTheIntegralOverTheSizeDistribution(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double density = 0.5 + 4.5 * rng.nextDouble();
        double aMin = (0.005 + 0.1 * rng.nextDouble()) * MICRON;
        double aMax = aMin * (1.5 + 100 * rng.nextDouble());
        double index = 3.9 * rng.nextDouble();
        if (Math.abs(index - 3) < 0.05) {
            index = 3.1;
        }
        double atoms = 1e-4 * (0.1 + rng.nextDouble());
        double mass = atoms * (12 + 44 * rng.nextDouble()) * AMU_G;
        double meanSigma = Math.pow(10, -21 + 4 * rng.nextDouble());

        double s = 4.0 / 3.0 * density * meanSigma / (mass / atoms);
        double p = index;
        double absorbing = logIntegral(a -> Math.PI * Math.pow(a, 2 - p) * -Math.expm1(-s * a), aMin, aMax);
        double volume = logIntegral(a -> Math.pow(a, 3 - p), aMin, aMax);
        double want = mass / (density * 4.0 / 3.0 * Math.PI) * absorbing / volume;

        double got = new GrainShielding(density, aMin, aMax, index).sigmaPerH(atoms, mass, meanSigma);
        assertEquals(want, got, 1e-9 * want, "seed " + seed + " p " + index + " s a_max " + s * aMax);
    }

    /** One size is the limit of a vanishing range of sizes: a 1e-6 range changes σ by ~1e-6. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void singleSizeIsTheLimitOfANarrowDistribution(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double a = (0.01 + 0.5 * rng.nextDouble()) * MICRON;
        double atoms = 1e-4;
        double mass = atoms * 20 * AMU_G;
        double meanSigma = Math.pow(10, -21 + 4 * rng.nextDouble());
        double single = new GrainShielding(1.0, a, a, 3.5).sigmaPerH(atoms, mass, meanSigma);
        double narrow = new GrainShielding(1.0, a, a * (1 + 1e-6), 3.5).sigmaPerH(atoms, mass, meanSigma);
        assertEquals(single, narrow, 1e-5 * single, "seed " + seed);
    }

    /**
     * Shielding can only hide atoms: grains absorb at most what their atoms would in the gas,
     * and exactly that when each grain is optically thin (s a_max = 1e-8 here, so the deficit,
     * of order s a, is below 1e-7).
     */
    @Test
    void grainsAbsorbAtMostLikeTheirAtomsAndJustSoWhenThin() {
        GrainShielding grains = new GrainShielding(1.0, 0.025 * MICRON, 0.25 * MICRON, 3.5);
        double atoms = 1e-4;
        double mass = atoms * 20 * AMU_G;
        for (double meanSigma = 1e-26; meanSigma < 1e-15; meanSigma *= 3) {
            assertTrue(grains.sigmaPerH(atoms, mass, meanSigma) <= atoms * meanSigma, "sigma " + meanSigma);
        }
        assertEquals(atoms * 1e-26, grains.sigmaPerH(atoms, mass, 1e-26), 1e-7 * atoms * 1e-26);
        assertEquals(0.0, grains.sigmaPerH(atoms, mass, 0.0));
    }

    /** The library's γ is the unnormalised one the formula needs: γ(½, x) = √π erf(√x). */
    @Test
    void lowerIncompleteGammaIsUnnormalised() {
        for (double x : new double[] {1e-6, 0.01, 0.3, 1, 4, 30}) {
            assertEquals(Math.sqrt(Math.PI) * Erf.value(Math.sqrt(x)), IncompleteGamma.Lower.value(0.5, x), 1e-15, "x " + x);
        }
    }

    private static double logIntegral(DoubleUnaryOperator f, double a, double b) {
        return GaussLegendre.integrate(u -> Math.exp(u) * f.applyAsDouble(Math.exp(u)), Math.log(a), Math.log(b), 64, 16);
    }
}
