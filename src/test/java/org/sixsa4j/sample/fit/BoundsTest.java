package org.sixsa4j.sample.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Priors;

class BoundsTest {
    @Test
    void validatesLimits() {
        assertThrows(IllegalArgumentException.class, () -> Bounds.of(new double[] {0}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Bounds.of(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Bounds.of(new double[] {Double.NaN}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Bounds.of(new double[] {Double.POSITIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void projectsFixesAndTakesAPriorsSupport() {
        JointPrior prior = JointPrior.of(List.of("a", "b"), List.of(Priors.uniform(0, 2), Priors.normal(0, 1)));
        Bounds b = Bounds.of(prior);
        assertEquals(0, b.lower(0));
        assertEquals(Double.POSITIVE_INFINITY, b.upper(1));
        double[] x = {3, -1e300};
        b.project(x);
        assertArrayEquals(new double[] {2, -1e300}, x);
        assertTrue(b.contains(x));
        assertTrue(b.isAtBound(0, 2));
        Bounds fixed = b.fix(0, 1.5);
        assertTrue(fixed.isFixed(0) && !fixed.isFixed(1) && !b.isFixed(0));
        assertThrows(IllegalArgumentException.class, () -> b.fix(0, 3));
        assertFalse(b.contains(new double[] {-1, 0}));
    }
}
