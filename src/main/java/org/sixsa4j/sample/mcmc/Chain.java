package org.sixsa4j.sample.mcmc;

import java.time.Duration;
import java.util.List;

/**
 * The kept samples of an ensemble run (Goodman &amp; Weare 2010; Foreman-Mackey et al. 2013, PASP
 * 125, 306): for each walker, its positions and log-densities at the steps left after burn-in
 * and thinning, with the walker's acceptance fraction, the number of log-density evaluations and
 * the wall time. The flat view orders samples step-major (all walkers of a step, then the next
 * step), as emcee's {@code get_chain(flat=True)} does. Immutable.
 */
public final class Chain {
    private final int dimension;
    private final int length;
    private final int burnIn;
    private final int thin;
    /** [walker][step · dimension + parameter]. */
    private final double[][] samples;
    /** [walker][step]. */
    private final double[][] logProbability;
    private final double[] acceptanceFraction;
    private final long evaluations;
    private final Duration wallTime;

    /** The arrays are kept, not copied: the caller hands them over. */
    Chain(int dimension, int burnIn, int thin, double[][] samples, double[][] logProbability, double[] acceptanceFraction,
            long evaluations, Duration wallTime) {
        this.dimension = dimension;
        this.length = logProbability[0].length;
        this.burnIn = burnIn;
        this.thin = thin;
        this.samples = samples;
        this.logProbability = logProbability;
        this.acceptanceFraction = acceptanceFraction;
        this.evaluations = evaluations;
        this.wallTime = wallTime;
    }

    /** Number of walkers. */
    public int walkers() {
        return samples.length;
    }

    /** Kept steps per walker. */
    public int length() {
        return length;
    }

    /** Number of parameters. */
    public int dimension() {
        return dimension;
    }

    /** Steps discarded from the front of each walker's chain. */
    public int burnIn() {
        return burnIn;
    }

    /** One step in {@code thin} was kept after the burn-in. */
    public int thin() {
        return thin;
    }

    /** Parameter {@code parameter} of walker {@code walker} at kept step {@code step}. */
    public double sample(int walker, int step, int parameter) {
        return samples[walker][step * dimension + parameter];
    }

    /** One parameter's chain for one walker, as a new array over the kept steps. */
    public double[] trace(int walker, int parameter) {
        double[] out = new double[length];
        double[] s = samples[walker];
        for (int t = 0; t < length; t++) {
            out[t] = s[t * dimension + parameter];
        }
        return out;
    }

    /** One parameter's chains, [walker][kept step], new arrays. */
    public double[][] traces(int parameter) {
        double[][] out = new double[samples.length][];
        for (int k = 0; k < samples.length; k++) {
            out[k] = trace(k, parameter);
        }
        return out;
    }

    /** All kept samples, [step · walkers + walker][parameter], new arrays. */
    public double[][] flat() {
        int walkers = samples.length;
        double[][] out = new double[length * walkers][dimension];
        for (int t = 0; t < length; t++) {
            for (int k = 0; k < walkers; k++) {
                System.arraycopy(samples[k], t * dimension, out[t * walkers + k], 0, dimension);
            }
        }
        return out;
    }

    /** The log-density of walker {@code walker} at kept step {@code step}. */
    public double logProbability(int walker, int step) {
        return logProbability[walker][step];
    }

    /** Each walker's fraction of accepted moves over all steps, burn-in included (as emcee counts). */
    public double[] acceptanceFraction() {
        return acceptanceFraction.clone();
    }

    /** The acceptance fraction averaged over walkers. */
    public double meanAcceptanceFraction() {
        double sum = 0;
        for (double f : acceptanceFraction) {
            sum += f;
        }
        return sum / acceptanceFraction.length;
    }

    /** Log-density evaluations made, the starting points' included. */
    public long evaluations() {
        return evaluations;
    }

    /** Wall time of the run. */
    public Duration wallTime() {
        return wallTime;
    }

    /** The convergence diagnostics, with parameters named θ0, θ1, ... */
    public Convergence convergence() {
        return Convergence.of(this);
    }

    /** The convergence diagnostics, with parameters named as given (for example a prior's names). */
    public Convergence convergence(List<String> names) {
        return Convergence.of(this, names);
    }
}
