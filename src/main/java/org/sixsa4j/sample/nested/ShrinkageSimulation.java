package org.sixsa4j.sample.nested;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The scatter of log Z due to the unknown prior volumes, by simulation (Skilling 2006, Bayesian
 * Analysis 1, 833): the run assigns each dead point its expected volume, while the true
 * shrinkage factors are independent draws t ~ Beta(n, 1), n the live points at that death.
 * Recomputing log Z with simulated t, the likelihoods held fixed, gives its spread. Unlike
 * √(H/N), this also holds where the live set shrinks on likelihood plateaus.
 */
final class ShrinkageSimulation {
    private ShrinkageSimulation() {
    }

    /**
     * The standard deviation of log Z over {@code replicas} simulated shrinkage sequences.
     *
     * @param deadLogL the dead points' log-likelihoods, in order of death
     * @param liveCount the live points at each death
     * @param finalLogL the final live points' log-likelihoods, which share the volume left equally
     */
    static double logZStd(double[] deadLogL, int[] liveCount, int dead, double[] finalLogL, int replicas, UniformRandomProvider rng) {
        double logMeanFinal = LogSpace.sum(finalLogL, 0, finalLogL.length) - Math.log(Math.max(1, finalLogL.length));
        double[] logZs = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            double logX = 0;
            double logZ = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < dead; k++) {
                // t = U^{1/n} is Beta(n, 1); 1 − U keeps the logarithm finite.
                double logT = Math.log(1 - rng.nextDouble()) / liveCount[k];
                logZ = LogSpace.add(logZ, logX + Math.log(-Math.expm1(logT)) + deadLogL[k]);
                logX += logT;
            }
            if (finalLogL.length > 0) {
                logZ = LogSpace.add(logZ, logX + logMeanFinal);
            }
            logZs[r] = logZ;
        }
        double mean = Arrays.stream(logZs).average().orElseThrow();
        double squares = 0;
        for (double logZ : logZs) {
            squares += (logZ - mean) * (logZ - mean);
        }
        return Math.sqrt(squares / (replicas - 1));
    }
}
