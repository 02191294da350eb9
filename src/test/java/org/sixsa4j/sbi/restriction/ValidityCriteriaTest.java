package org.sixsa4j.sbi.restriction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidityCriteriaTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** The statistic is the first component of θ, so hand-made rows are hand-made statistics. */
    private static final BatchStatistic FIRST = (thetas, firstIndex) -> {
        double[] out = new double[thetas.length];
        for (int i = 0; i < thetas.length; i++) {
            out[i] = thetas[i][0];
        }
        return out;
    };

    private static double[][] rows(double... values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new double[] {values[i], 0};
        }
        return out;
    }

    @Test
    void predicateCriterionAsksTheRuleAboutEachTheta() {
        ValidityCriterion c = ValidityCriterion.of(t -> t[0] >= 0 && t[1] < 1);
        double[][] thetas = {{0, 0}, {-1e-9, 0}, {5, 1}, {5, 0.5}};
        assertArrayEquals(new boolean[] {true, false, false, true}, c.labels(thetas, 0));
    }

    @Test
    void countsRangeIncludesBothBoundsAndRejectsNonFiniteCounts() {
        CountsRangeCriterion c = CountsRangeCriterion.of(FIRST, 100, 1000);
        double[] counts = {99.999, 100, 500, 1000, 1000.5, 0, NAN, INF, -INF};
        boolean[] expected = {false, true, true, true, false, false, false, false, false};
        assertArrayEquals(expected, c.labels(counts));
        assertArrayEquals(expected, c.labels(rows(counts), 0));
    }

    @Test
    void countsRangeMayBeOpenAboveOrAPoint() {
        assertArrayEquals(new boolean[] {false, true, true, false},
                CountsRangeCriterion.of(FIRST, 10, INF).labels(new double[] {9, 10, 1e300, INF}));
        assertArrayEquals(new boolean[] {false, true, false}, CountsRangeCriterion.of(FIRST, 7, 7).labels(new double[] {6, 7, 8}));
    }

    @Test
    void countsRangeRejectsAnEmptyOrUndefinedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CountsRangeCriterion.of(FIRST, 1000, 100));
        assertEquals("counts range [1000.0, 100.0] is empty: cmin must be <= cmax", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CountsRangeCriterion.of(FIRST, NAN, 100));
        assertThrows(IllegalArgumentException.class, () -> CountsRangeCriterion.of(FIRST, 0, NAN));
    }

    @Test
    void countsRangeChecksTheNumberOfCountsReturned() {
        CountsRangeCriterion c = CountsRangeCriterion.of((thetas, first) -> new double[1], 0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.labels(rows(1, 2, 3), 0));
        assertEquals("the total-counts statistic returned 1 values for 3 parameter vectors", e.getMessage());
    }

    @Test
    void bestFractionKeepsTheLowestValues() {
        double[] cstat = {50, 10, 40, 20, 30, 90, 80, 70, 60, 100};
        // The best 30 % of 10 values: 10, 20, 30 (0.3 · 10 is 3.0000000000000004 in floating point).
        assertArrayEquals(new boolean[] {false, true, false, true, true, false, false, false, false, false},
                BestFractionCriterion.best(cstat, 0.3));
        assertEquals(30, BestFractionCriterion.threshold(cstat, 0.3));
        assertEquals(100, BestFractionCriterion.threshold(cstat, 1.0));
        // Rounded to the nearest count, at least one.
        assertEquals(10, BestFractionCriterion.threshold(cstat, 0.01));
        assertEquals(20, BestFractionCriterion.threshold(cstat, 0.24));
        assertEquals(30, BestFractionCriterion.threshold(cstat, 0.25));
    }

    @Test
    void bestFractionKeepsTiesAndDropsNonFiniteValues() {
        double[] cstat = {5, NAN, 3, 3, INF, 3, 8, 1};
        // 0.5 · 8 = 4 best: 1, 3, 3, 3, the cut at 3 includes every tie.
        assertArrayEquals(new boolean[] {false, false, true, true, false, true, false, true}, BestFractionCriterion.best(cstat, 0.5));
        // Asking for more than the finite values keeps all finite ones.
        assertArrayEquals(new boolean[] {true, false, true, true, false, true, true, true}, BestFractionCriterion.best(cstat, 1.0));
        assertTrue(Double.isNaN(BestFractionCriterion.threshold(new double[] {NAN, INF}, 0.5)));
        assertArrayEquals(new boolean[] {false, false}, BestFractionCriterion.best(new double[] {NAN, INF}, 0.5));
    }

    @Test
    void bestFractionFixesItsThresholdOnTheFirstBatch() {
        List<Long> firstIndices = new ArrayList<>();
        BestFractionCriterion c = BestFractionCriterion.of((thetas, first) -> {
            firstIndices.add(first);
            return FIRST.evaluate(thetas, first);
        }, 0.25);
        assertTrue(Double.isNaN(c.threshold()));
        assertArrayEquals(new boolean[] {false, true, false, false}, c.labels(rows(4, 1, 3, 2), 0));
        assertEquals(1, c.threshold());
        // A later batch from a narrower proposal is judged by the same cut, so all of it may be valid.
        assertArrayEquals(new boolean[] {true, true, false}, c.labels(rows(0.5, 1, 1.5), 4));
        assertEquals(1, c.threshold());
        assertEquals(List.of(0L, 4L), firstIndices);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY})
    void bestFractionRejectsAFractionOutsideZeroOne(double f) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BestFractionCriterion.of(FIRST, f));
        assertEquals("best fraction must be in (0, 1], got " + f, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BestFractionCriterion.best(new double[] {1}, f));
    }
}
