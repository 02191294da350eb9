package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarpTest {
    private static final int RUNS = 1000;
    private static final int SAMPLES = 200;

    @Test
    void credibilityIsTheFractionOfSamplesCloserToTheReference() {
        double[][] truth = {{1}, {0}, {5}, {-1}};
        double[][][] samples = {
            {{0.5}, {2}, {-0.5}, {3}},
            {{1}, {2}, {3}, {4}},
            {{1}, {2}, {3}, {4}},
            {{0.2}, {-2}, {2}, {0.9}},
        };
        double[][] references = {{0}, {0}, {0}, {0}};
        Tarp tarp = Tarp.of(truth, i -> samples[i], references, 4, false);
        assertArrayEquals(new double[] {0.5, 0, 1, 0.5}, tarp.credibility());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, tarp.alpha());
        // ECP(α) = #{f < α}/N, and 1 at α = 1.
        assertArrayEquals(new double[] {0, 0.25, 0.25, 0.75, 1}, tarp.ecp());
        // sbi's ATC: the grid's upper half starts at index ⌊5/2⌋ = 2.
        assertEquals((0.25 - 0.5) / 4, tarp.atc(), 1e-15);
        // The two curves, as samples, differ by at most one point of five.
        assertEquals(KolmogorovSmirnov.twoSampleEqualSizePValue(1, 5), tarp.ksPValue(), 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anExactPosteriorLiesOnTheDiagonal(long seed) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, 1, 0, seed);
        Tarp tarp = Tarp.of(runs.truth(), runs.samples(), seed);
        assertEquals(RUNS / 10 + 1, tarp.alpha().length);
        // In 100 simulations of this set-up (numpy) the calibrated ATC had mean −0.001 and sd 0.0053:
        // 0.03 is over 5σ, a false failure below 1e-7. The ECP stays within about 0.02 of α, a KS
        // gap of two or three grid points of 101, for which p is near 1.
        assertEquals(0, tarp.atc(), 0.03, "seed " + seed);
        assertTrue(tarp.ksPValue() > 0.5, "seed " + seed + ": p = " + tarp.ksPValue());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void aPosteriorTooNarrowFallsBelowTheDiagonal(long seed) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, 0.5, 0, seed);
        // In 100 simulations: mean −0.070, sd 0.0076, so −0.04 is 4σ away (false failure 3e-5).
        double atc = Tarp.of(runs.truth(), runs.samples(), seed).atc();
        assertTrue(atc < -0.04, "ATC " + atc + " for seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {6, 7})
    void aPosteriorTooWideRisesAboveTheDiagonal(long seed) {
        ConjugateGaussian runs = ConjugateGaussian.draw(RUNS, SAMPLES, 2, 2, 0, seed);
        // In 100 simulations: mean 0.077, sd 0.0033, so 0.05 is 8σ away.
        double atc = Tarp.of(runs.truth(), runs.samples(), seed).atc();
        assertTrue(atc > 0.05, "ATC " + atc + " for seed " + seed);
    }

    @Test
    void rescalingMakesTheResultIndependentOfTheParametersUnits() {
        ConjugateGaussian runs = ConjugateGaussian.draw(300, 100, 2, 1, 0, 8);
        // A power of two, so that the rescaled coordinates are bit for bit those of the original units.
        double unit = 0x1p-30;
        double[][] truth = scaleFirst(runs.truth(), unit);
        double[][][] samples = new double[300][][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = scaleFirst(runs.samples()[i], unit);
        }
        double[][] references = Tarp.uniformReferences(runs.truth(), 9);
        Tarp original = Tarp.of(runs.truth(), i -> runs.samples()[i], references, 30, true);
        Tarp rescaled = Tarp.of(truth, i -> samples[i], scaleFirst(references, unit), 30, true);
        assertArrayEquals(original.credibility(), rescaled.credibility());
        Tarp raw = Tarp.of(truth, i -> samples[i], scaleFirst(references, unit), 30, false);
        assertNotEquals(original.atc(), raw.atc());
    }

    @Test
    void referencesAreUniformInTheBoxOfTheTruth() {
        double[][] truth = {{0, 10}, {1, 20}, {0.5, 15}};
        double[][] references = Tarp.uniformReferences(truth, 1);
        assertEquals(3, references.length);
        for (double[] r : references) {
            assertTrue(r[0] >= 0 && r[0] <= 1 && r[1] >= 10 && r[1] <= 20, r[0] + ", " + r[1]);
        }
        assertArrayEquals(references[2], Tarp.uniformReferences(truth, 1)[2]);
    }

    @Test
    void badInputsAreRejected() {
        double[][] truth = {{0}, {1}};
        double[][] references = {{0}, {0}};
        assertThrows(IllegalArgumentException.class, () -> Tarp.of(truth, i -> new double[][] {{1}}, references, 0, true));
        assertThrows(IllegalArgumentException.class, () -> Tarp.of(truth, i -> new double[][] {{1}}, new double[][] {{0}}, 2, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tarp.of(truth, i -> i == 1 ? new double[0][] : new double[][] {{1}}, references, 2, true));
        assertTrue(e.getMessage().contains("run 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tarp.of(truth, new double[][][] {{{1}}}, 1));
    }

    private static double[][] scaleFirst(double[][] points, double factor) {
        double[][] scaled = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            scaled[i] = points[i].clone();
            scaled[i][0] *= factor;
        }
        return scaled;
    }
}
