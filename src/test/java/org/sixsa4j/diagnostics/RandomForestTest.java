package org.sixsa4j.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomForestTest {

    /** Class 1 where x0 + x1 &gt; 1 in the unit square, with a third, irrelevant feature. */
    private static double[][] points(UniformRandomProvider rng, int n) {
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return x;
    }

    private static int[] labels(double[][] x) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + x[i][1] > 1 ? 1 : 0;
        }
        return y;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void learnsASeparableBoundary(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] train = points(rng, 2000);
        RandomForest forest = RandomForest.fit(train, labels(train), 50, seed, 1);
        double[][] test = points(rng, 2000);
        int[] truth = labels(test);
        int wrong = 0;
        for (int i = 0; i < test.length; i++) {
            wrong += forest.predict(test[i]) != truth[i] ? 1 : 0;
        }
        // Axis-parallel steps approximate the diagonal to within about the spacing of the training
        // points near it: a few percent of the square at most.
        assertTrue(wrong < 60, wrong + " of 2000 wrong for seed " + seed);
    }

    @Test
    void theForestDoesNotDependOnTheThreadCount() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        double[][] train = points(rng, 1000);
        int[] y = labels(train);
        // Labels with noise, so that the trees differ a lot from one another.
        for (int i = 0; i < y.length; i += 3) {
            y[i] = 1 - y[i];
        }
        RandomForest one = RandomForest.fit(train, y, 70, 11, 1);
        RandomForest four = RandomForest.fit(train, y, 70, 11, 4);
        for (double[] p : points(rng, 1000)) {
            assertEquals(one.predict(p), four.predict(p));
        }
    }

    @Test
    void identicalPointsWithBothLabelsMakeATie() {
        double[][] x = {{1}, {1}, {1}, {1}};
        int[] y = {0, 1, 0, 1};
        // With one tree, the vote is that of its one leaf: whichever label the bootstrap drew more
        // often, or a tie (which predicts class 0).
        int ones = 0;
        for (long seed = 0; seed < 40; seed++) {
            ones += RandomForest.fit(x, y, 1, seed, 1).predict(new double[] {1});
        }
        assertTrue(ones > 0 && ones < 40, ones + " of 40 one-tree forests predict class 1");
    }

    @Test
    void thresholdsFallBetweenDistinctValues() {
        assertEquals(1.5, ClassificationTree.midpoint(1, 2));
        double next = Math.nextUp(1.0);
        assertEquals(1.0, ClassificationTree.midpoint(1.0, next));
        assertEquals(0.0, ClassificationTree.midpoint(-Double.MAX_VALUE, Double.MAX_VALUE));
    }
}
