package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.JointPrior;

/** The stopping rules: the remaining-evidence tolerance and the iteration and evaluation limits. */
class NestedSamplerStoppingTest {
    private static final long SEED = 0x5eed_0201L;
    private static final Gaussian LIKELIHOOD = Gaussian.correlated(new double[] {0.5, -1, 2}, new double[] {1, 0.7, 1.3}, 0.5);
    private static final JointPrior PRIOR = Gaussian.box(3, -12, 12);
    /** −3 log 24: the box holds the Gaussian's mass to better than 1e-15. */
    private static final double LOG_Z = -3 * Math.log(24);

    /** One report per iteration, as the listener saw it. */
    private record Report(long iteration, long evaluations, double logZ, double remaining) {
    }

    /**
     * The run stops at the first iteration whose remaining-evidence bound is below the tolerance:
     * the last report is below it and the one before is not. Even a loose tolerance leaves log Z
     * right, since the final live points carry the rest (4 errors: false-failure rate 6e-5).
     */
    @ParameterizedTest(name = "tolerance {0}")
    @ValueSource(doubles = {0.01, 0.5})
    void stopsAtTheFirstIterationBelowTheTolerance(double tolerance) {
        List<Report> reports = new ArrayList<>();
        NestedResult r = NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(200).logZTolerance(tolerance).build()
                .run(SEED, (iteration, evaluations, logZ, remaining) -> reports.add(new Report(iteration, evaluations, logZ, remaining)));
        String context = "seed " + SEED + ", tolerance " + tolerance + ": " + r;
        assertEquals(StopReason.CONVERGED, r.stopReason(), context);
        Report last = reports.get(reports.size() - 1);
        Report before = reports.get(reports.size() - 2);
        assertTrue(last.remaining() < tolerance && before.remaining() >= tolerance, context);
        assertEquals(last.remaining(), r.remainingLogZ(), 0, context);
        assertEquals(last.iteration(), r.iterations(), context);
        assertEquals(last.evaluations(), r.evaluations(), context);
        assertEquals(r.iterations(), r.deadPoints(), context);
        assertEquals(r.iterations() + 200, r.size(), context);
        assertEquals(LOG_Z, r.logZ(), 4 * r.logZError(), context);
    }

    @Test
    void reportsCountIterationsOneByOne() {
        List<Report> reports = new ArrayList<>();
        NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(100).build()
                .run(SEED, (iteration, evaluations, logZ, remaining) -> reports.add(new Report(iteration, evaluations, logZ, remaining)));
        for (int k = 0; k < reports.size(); k++) {
            assertEquals(k + 1, reports.get(k).iteration(), "seed " + SEED);
            if (k > 0) {
                assertTrue(reports.get(k).logZ() >= reports.get(k - 1).logZ(), "seed " + SEED + ": log Z of the dead points only grows");
            }
        }
    }

    @Test
    void stopsAtTheIterationLimit() {
        NestedResult r = NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(100).maxIterations(250).build().run(SEED);
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason(), r.toString());
        assertEquals(250, r.iterations(), r.toString());
        assertTrue(r.remainingLogZ() > 0.01, r.toString());
    }

    /** The limit is checked between iterations, so it is passed by at most one batch of candidates. */
    @Test
    void stopsAtTheEvaluationLimit() {
        NestedResult r = NestedSampler.builder(PRIOR, LIKELIHOOD).livePoints(100).batchSize(32).maxEvaluations(1000).build().run(SEED);
        assertEquals(StopReason.MAX_EVALUATIONS, r.stopReason(), r.toString());
        assertTrue(r.evaluations() >= 1000 && r.evaluations() < 1000 + 32, r.toString());
    }
}
