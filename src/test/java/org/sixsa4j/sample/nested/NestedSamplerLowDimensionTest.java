package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One and two parameters: the smallest shapes of the metric, balls and directions. */
class NestedSamplerLowDimensionTest {
    private static final long SEED = 0x5eed_0d01L;

    /**
     * A Gaussian of width 0.2 on the box [−5, 5]^d, 24σ from the walls: log Z = −d log 10. Within 4
     * reported errors: false-failure rate 6e-5.
     */
    @ParameterizedTest(name = "dimension {0}")
    @ValueSource(ints = {1, 2})
    void logZOfANarrowGaussian(int d) {
        double[] mean = new double[d];
        double[] sigma = new double[d];
        Arrays.fill(mean, 0.3);
        Arrays.fill(sigma, 0.2);
        NestedResult r = NestedSampler.builder(Gaussian.box(d, -5, 5), Gaussian.correlated(mean, sigma, 0.5)).livePoints(200).build().run(SEED + d);
        assertEquals(-d * Math.log(10), r.logZ(), 4 * r.logZError(), "seed " + (SEED + d) + ": " + r);
        assertEquals(StopReason.CONVERGED, r.stopReason(), "seed " + (SEED + d) + ": " + r);
    }
}
