package org.sixsa4j.sample.mcmc;

/**
 * Told after each step of a sampler run, on the thread that called {@code run}, so that a command
 * line can draw a progress bar (on stderr) without the sampler knowing about terminals.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} steps are complete (1 ≤ done ≤ total). */
    void stepDone(int done, int total);
}
