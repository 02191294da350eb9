package org.sixsa4j.sample.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvidenceSumTest {

    /**
     * With a constant likelihood c the weights telescope: Σ w over K deaths plus the volume X_K
     * left is exactly 1, so log Z = c. The volume after K deaths is e^(−K/N).
     */
    @Test
    void constantLikelihoodGivesItsValue() {
        EvidenceSum sum = new EvidenceSum();
        int n = 400;
        double c = -3.7;
        for (int k = 0; k < 2500; k++) {
            sum.kill(c, n);
        }
        assertEquals(-2500.0 / n, sum.logX(), 1e-12);
        assertEquals(c, LogSpace.add(sum.logZ(), sum.logX() + c), 1e-12);
    }

    /** Death i of a constant-N run has weight e^(−(i−1)/N) (1 − e^(−1/N)) times its likelihood. */
    @Test
    void weightsFollowTheExpectedShrinkage() {
        EvidenceSum sum = new EvidenceSum();
        int n = 7;
        double[] logL = {-5, -2, -1.5, 0.3};
        double z = 0;
        for (int i = 0; i < logL.length; i++) {
            double w = Math.exp(-(double) i / n) * (1 - Math.exp(-1.0 / n));
            assertEquals(Math.log(w) + logL[i], sum.kill(logL[i], n), 1e-12);
            z += w * Math.exp(logL[i]);
        }
        assertEquals(Math.log(z), sum.logZ(), 1e-12);
        double x = Math.exp(-4.0 / n);
        assertEquals(Math.log(z + x * Math.exp(2.0)) - Math.log(z), sum.remainingLogZ(2.0), 1e-12);
    }

    /** Removing tied points with a shrinking live set: log X falls by Σ 1/n over the counts. */
    @Test
    void plateauRemovalShrinksByTheHarmonicSum() {
        EvidenceSum sum = new EvidenceSum();
        double expected = 0;
        for (int n = 100; n > 60; n--) {
            sum.kill(Double.NEGATIVE_INFINITY, n);
            expected -= 1.0 / n;
        }
        assertEquals(expected, sum.logX(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, sum.logZ());
        assertEquals(Double.POSITIVE_INFINITY, sum.remainingLogZ(0));
    }

    @Test
    void logSpaceSums() {
        assertEquals(2.5, LogSpace.add(Double.NEGATIVE_INFINITY, 2.5));
        assertEquals(Math.log(Math.exp(-700) + Math.exp(-701)), LogSpace.add(-700, -701), 1e-12);
        assertEquals(1000 + Math.log1p(Math.exp(-3)), LogSpace.add(997, 1000), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.sum(new double[0], 0, 0));
        assertEquals(Math.log(6), LogSpace.sum(new double[] {0, Math.log(2), Math.log(3)}, 0, 3), 1e-12);
    }
}
