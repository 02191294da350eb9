package org.sixsa4j.sample.nested;

/**
 * Receives the progress of a {@link NestedSampler} run after every iteration, on the thread that
 * called {@link NestedSampler#run(long, ProgressListener)}, so that a command line can report
 * it. It is called often: keep it cheap, throttling any output itself. The run stops when
 * {@code remainingLogZ} falls below the tolerance (Skilling 2006, Bayesian Analysis 1, 833).
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param iteration dead points so far
     * @param evaluations likelihood evaluations so far
     * @param logZ log-evidence of the dead points so far
     * @param remainingLogZ the most that the prior volume left could add to log Z: log(Z + X L<sub>max</sub>) − log Z
     */
    void progress(long iteration, long evaluations, double logZ, double remainingLogZ);
}
