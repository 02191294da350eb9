package org.sixsa4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.nn.Parameter;

class GradientClippingTest {

    /** Gradients (3, 4) and (12): total norm 13; clipping to 6.5 halves each, up to PyTorch's eps. */
    @Test
    void byHand() {
        List<Parameter> params = List.of(withGrad(3f, 4f), withGrad(12f));
        assertEquals(13.0, GradientClipping.clipByTotalNorm(params, 6.5), 1e-12);
        double scale = 6.5 / (13 + 1e-6);
        assertEquals(3 * scale, params.get(0).tensor().grad().data[0], 1e-6);
        assertEquals(4 * scale, params.get(0).tensor().grad().data[1], 1e-6);
        assertEquals(12 * scale, params.get(1).tensor().grad().data[0], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void scalesToMaxNormOnlyWhenAbove(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Parameter> params = new ArrayList<>();
        double sumOfSquares = 0;
        for (int k = 0; k < 3; k++) {
            float[] g = new float[1 + rng.nextInt(20)];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (4 * rng.nextDouble() - 2);
                sumOfSquares += (double) g[i] * g[i];
            }
            params.add(withGrad(g));
        }
        double norm = Math.sqrt(sumOfSquares);
        List<float[]> before = new ArrayList<>();
        params.forEach(p -> before.add(p.tensor().grad().data.clone()));

        double above = norm * 1.5;
        assertEquals(norm, GradientClipping.clipByTotalNorm(params, above), 1e-9 * norm, "seed " + seed);
        for (int k = 0; k < params.size(); k++) {
            float[] g = params.get(k).tensor().grad().data;
            for (int i = 0; i < g.length; i++) {
                assertEquals(before.get(k)[i], g[i], "unchanged below the bound, seed " + seed);
            }
        }

        double below = norm * (0.1 + 0.8 * rng.nextDouble());
        GradientClipping.clipByTotalNorm(params, below);
        double clipped = 0;
        for (int k = 0; k < params.size(); k++) {
            float[] g = params.get(k).tensor().grad().data;
            for (int i = 0; i < g.length; i++) {
                clipped += (double) g[i] * g[i];
                // the direction is kept: every component shrinks by the same factor
                assertEquals(before.get(k)[i] * below / norm, g[i], 1e-6, "seed " + seed);
            }
        }
        assertEquals(below, Math.sqrt(clipped), 1e-5 * below, "seed " + seed);
    }

    @Test
    void rejectsNonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByTotalNorm(List.of(withGrad(1f)), 0));
    }

    @Test
    void nonFiniteNormLeavesGradientsAlone() {
        List<Parameter> params = List.of(withGrad(Float.POSITIVE_INFINITY, 1f));
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByTotalNorm(params, 1));
        assertEquals(1f, params.get(0).tensor().grad().data[1]);
    }

    private static Parameter withGrad(float... gradient) {
        Parameter p = Parameter.matrix("p", new FMatrixRMaj(1, gradient.length));
        System.arraycopy(gradient, 0, p.tensor().grad().data, 0, gradient.length);
        return p;
    }
}
