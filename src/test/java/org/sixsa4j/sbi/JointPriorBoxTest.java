package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A product prior restricted to a box: its exact mass, and draws that follow the restricted prior. */
class JointPriorBoxTest {
    private static final JointPrior PRIOR = JointPrior.of(List.of("a", "b", "c"),
            List.of(Priors.uniform(0, 4), Priors.logUniform(1e-3, 1e1), Priors.normal(1, 2)));
    private static final double[] LO = {1, 1e-2, 0};
    private static final double[] HI = {2, 1e0, 3};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void boxDrawsMatchRejectedPriorDraws(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Mass: 1/4 × (2 decades of 4) × (Φ(1) − Φ(−0.5)) = 0.25 × 0.5 × 0.532807.
        assertEquals(0.25 * 0.5 * 0.5328072, PRIOR.mass(LO, HI), 1e-6);
        int n = 40_000;
        double[][] box = PRIOR.sampleWithin(LO, HI, n, rng);
        double[] boxMean = new double[3];
        for (double[] t : box) {
            for (int j = 0; j < 3; j++) {
                assertTrue(t[j] >= LO[j] && t[j] <= HI[j], "draw outside the box");
                boxMean[j] += (j == 1 ? Math.log10(t[j]) : t[j]) / n;
            }
        }
        // Means of the restricted prior: uniform 1.5, log10 uniform −1, and the normal N(1, 2)
        // cut to [0, 3]: 1 + 2 (φ(−0.5) − φ(1)) / (Φ(1) − Φ(−0.5)) = 1.4133 (standard errors: 0.003, 0.003, 0.004).
        assertEquals(1.5, boxMean[0], 0.01);
        assertEquals(-1, boxMean[1], 0.01);
        assertEquals(1.4133, boxMean[2], 0.015);
    }
}
