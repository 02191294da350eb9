package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CovarianceTest {
    private static final List<String> NAMES = List.of("powerlaw.PhoIndex", "powerlaw.norm");

    @Test
    void aSaddleHasNoCovarianceAndSaysSo() {
        Covariance c = Covariance.estimate(t -> t[0] * t[0] - t[1] * t[1], Bounds.unbounded(2), new double[] {0, 0}, 0, NAMES);
        assertNull(c.matrix());
        assertTrue(c.problem().contains("powerlaw.norm") && !c.problem().contains("PhoIndex"), c.problem());
        assertTrue(Double.isNaN(c.standardErrors()[0]));
    }

    @Test
    void aDegenerateCombinationIsNamed() {
        // f depends on θ0 + θ1 only: each diagonal term is positive but H is singular.
        Covariance c = Covariance.estimate(t -> (t[0] + t[1]) * (t[0] + t[1]), Bounds.unbounded(2), new double[] {1, -1}, 0, NAMES);
        assertNull(c.matrix());
        assertTrue(c.problem().contains("not positive definite") && c.problem().contains("powerlaw.PhoIndex, powerlaw.norm"), c.problem());
    }

    @Test
    void undefinedStatisticNextToTheMinimumIsReported() {
        Objective f = t -> t[1] > 0 ? Double.NaN : t[0] * t[0] + t[1] * t[1];
        Covariance c = Covariance.estimate(f, Bounds.unbounded(2), new double[] {0, 0}, 0, NAMES);
        // θ1 = 0 has an undefined side but a one-sided stencil below it; the mixed term is fine too.
        assertNull(c.problem(), "one-sided stencils should avoid the undefined side");
        assertEquals(1, c.standardErrors()[1], 1e-4);
        Covariance none = Covariance.estimate(t -> t[1] != 0 ? Double.NaN : t[0] * t[0], Bounds.unbounded(2), new double[] {0, 0}, 0, NAMES);
        assertTrue(none.problem().contains("not finite") && none.problem().contains("powerlaw.norm"), none.problem());
    }

    @Test
    void everyParameterAtABound() {
        Bounds box = Bounds.of(new double[] {0, 0}, new double[] {1, 1});
        Covariance c = Covariance.estimate(t -> t[0] + t[1], box, new double[] {0, 0}, 0, NAMES);
        assertNull(c.matrix());
        assertEquals(2, c.atBound().length);
        assertTrue(c.isAtBound(0) && c.isAtBound(1));
    }
}
