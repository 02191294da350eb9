package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.model.ComponentEvaluator;

/** Checks every multiplicative absorber must pass, shared by the component tests. */
public final class AbsorberChecks {
    private AbsorberChecks() {
    }

    /** Contiguous bins from 0.05 keV up to at most 50 keV, 1e-4 to 10 % wide: {low, high}. */
    public static double[][] randomBins(UniformRandomProvider rng) {
        int n = 20 + rng.nextInt(400);
        double[] edges = new double[n + 1];
        edges[0] = 0.05 + 0.2 * rng.nextDouble();
        for (int i = 1; i <= n; i++) {
            edges[i] = Math.min(50, edges[i - 1] * (1 + Math.pow(10, -4 + 3 * rng.nextDouble())));
            if (edges[i] == 50) {
                return new double[][] {Arrays.copyOf(edges, i), Arrays.copyOfRange(edges, 1, i + 1)};
            }
        }
        return new double[][] {Arrays.copyOf(edges, n), Arrays.copyOfRange(edges, 1, n + 1)};
    }

    /**
     * Evaluates at {@code parameters} and checks that every factor is a number in [0, 1] and that
     * nothing outside the evaluator's range of the output was written. Returns the factors.
     */
    public static double[] factors(ComponentEvaluator evaluator, double[] parameters, String context) {
        double[] out = new double[evaluator.bins() + 4];
        Arrays.fill(out, -7.0);
        evaluator.evaluate(parameters, 0, out, 2);
        assertEquals(-7.0, out[0], context + ": written before the offset");
        assertEquals(-7.0, out[1], context + ": written before the offset");
        assertEquals(-7.0, out[out.length - 1], context + ": written after the bins");
        assertEquals(-7.0, out[out.length - 2], context + ": written after the bins");
        double[] factors = Arrays.copyOfRange(out, 2, out.length - 2);
        for (int i = 0; i < factors.length; i++) {
            assertTrue(factors[i] >= 0 && factors[i] <= 1, context + ": bin " + i + " factor " + factors[i]);
        }
        return factors;
    }

    /**
     * Factors do not increase with the column. The kernels' exponential is good to one unit in
     * the last place, so two factors that differ by less than that may come out in either
     * order: allowed, and nothing more.
     */
    public static void assertNotIncreasing(double[] lessColumn, double[] moreColumn, String context) {
        for (int i = 0; i < lessColumn.length; i++) {
            assertTrue(moreColumn[i] <= lessColumn[i] + 2 * Math.ulp(lessColumn[i]),
                    context + ": bin " + i + " factor rose from " + lessColumn[i] + " to " + moreColumn[i]);
        }
    }

    /** A column log-uniform over the hard range of nH, [1e-6, 1e6] (1e22 cm⁻²). */
    public static double randomColumn(UniformRandomProvider rng) {
        return Math.pow(10, -6 + 12 * rng.nextDouble());
    }
}
