package org.sixsa4j.sample.nested;

/**
 * The running evidence of a nested-sampling run (Skilling 2004, AIP Conf. Proc. 735, 395;
 * Skilling 2006, Bayesian Analysis 1, 833). Each dead point, removed while n points are live,
 * shrinks the prior volume by its expected log factor: log X ← log X − 1/n, and carries the weight
 * w = X<sub>before</sub> − X<sub>after</sub>, so Z = Σ w L. With a constant n this is the familiar
 * X<sub>i</sub> = e<sup>−i/N</sup>; n falls below N only while points tied on a likelihood
 * plateau are removed together (Fowlie, Handley &amp; Su 2021, MNRAS 503, 1199).
 */
final class EvidenceSum {
    private double logX;
    private double logZ = Double.NEGATIVE_INFINITY;

    /**
     * Removes a point of log-likelihood {@code logL} while {@code live} points are live.
     *
     * @return its log weight log(w L)
     */
    double kill(double logL, int live) {
        double shrink = 1.0 / live;
        // w = X (1 − e^{−1/n}); expm1 keeps its precision for large n.
        double logWeight = logX + Math.log(-Math.expm1(-shrink)) + logL;
        logX -= shrink;
        logZ = LogSpace.add(logZ, logWeight);
        return logWeight;
    }

    /** log Z of the dead points so far. */
    double logZ() {
        return logZ;
    }

    /** log X, the log of the prior volume left inside the current contour. */
    double logX() {
        return logX;
    }

    /**
     * The largest increase of log Z that the volume left could bring, if all of it had the best
     * live likelihood: log(Z + X L<sub>max</sub>) − log Z; +∞ before any weight accumulates.
     */
    double remainingLogZ(double maxLogL) {
        if (logZ == Double.NEGATIVE_INFINITY) {
            return maxLogL == Double.NEGATIVE_INFINITY ? 0 : Double.POSITIVE_INFINITY;
        }
        return LogSpace.add(logZ, logX + maxLogL) - logZ;
    }
}
