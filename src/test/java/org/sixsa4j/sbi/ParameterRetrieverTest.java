package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The retriever on data that carry one parameter and not the other: features (sin a, cos a)·r +
 * noise (sd 0.01) for a ~ U(0, 1), r = 1 + 10⁻⁴ b with b ~ U(0, 1): a is recoverable (R² near 1), while
 * b moves the features by 1 % of the noise, so its R² must stay near 0 and it is reported.
 */
class ParameterRetrieverTest {
    @Test
    void constrainedAndUnconstrainedParametersAreTold() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 2000;
        double[][] theta = new double[n][2];
        double[][] features = new double[n][2];
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            theta[i] = new double[] {a, b};
            double r = 1 + 0.0001 * b;
            features[i] = new double[] {r * Math.sin(a) + 0.01 * g.sample(), r * Math.cos(a) + 0.01 * g.sample()};
        }
        ParameterRetriever retriever = ParameterRetriever.fit(List.of("a", "b"), features, theta, 4, 1);
        double[] r2 = retriever.validationR2();
        assertTrue(r2[0] > 0.95, "R² of a " + r2[0]);
        assertTrue(r2[1] < 0.2, "R² of b " + r2[1]);
        assertEquals(1, retriever.warnings().size(), retriever.warnings().toString());
        assertTrue(retriever.warnings().get(0).startsWith("b is barely constrained"), retriever.warnings().get(0));
    }
}
