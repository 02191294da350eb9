package org.sixsa4j.sample.mcmc;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.sbi.LogDensity;
import org.sixsa4j.simulate.RandomStreams;

/**
 * The walkers of one run and the stretch move of Goodman &amp; Weare (2010, Comm. App. Math. Comp.
 * Sci. 5, 65): walker X<sub>k</sub> of one half proposes Y = X<sub>j</sub> +
 * z (X<sub>k</sub> − X<sub>j</sub>) with X<sub>j</sub> drawn uniformly from the other half and z from
 * g(z) ∝ 1/√z on [1/a, a], and accepts with probability min(1, z<sup>d−1</sup> p(Y)/p(X<sub>k</sub>)).
 *
 * <p>{@link #move(int)} reads the positions of the other half and writes only walker k's state,
 * so the walkers of a half can move at once (the "red-black" split of emcee, Foreman-Mackey et al.
 * 2013, PASP 125, 306). Walker k draws from its own stream k of {@link RandomStreams}, exactly
 * three numbers per move, and moves once per half-step in a fixed order; its draws therefore
 * depend only on (seed, k, step), never on which thread runs it.
 */
final class Ensemble {
    private final LogDensity logDensity;
    private final int dimension;
    private final int half;
    private final double stretch;
    private final double[][] position;
    private final double[] logProbability;
    /** Per-walker scratch, swapped with the position on acceptance, so that a move allocates nothing. */
    private final double[][] proposal;
    private final UniformRandomProvider[] streams;
    private final long[] accepted;

    /** {@code start} and {@code startLogProbability} are copied; both are trusted valid. */
    Ensemble(LogDensity logDensity, double[][] start, double[] startLogProbability, double stretch, long seed) {
        this.logDensity = logDensity;
        this.dimension = start[0].length;
        this.half = start.length / 2;
        this.stretch = stretch;
        this.position = new double[start.length][];
        this.proposal = new double[start.length][dimension];
        this.streams = new UniformRandomProvider[start.length];
        RandomStreams random = RandomStreams.of(seed);
        for (int k = 0; k < start.length; k++) {
            position[k] = start[k].clone();
            streams[k] = random.stream(k);
        }
        this.logProbability = startLogProbability.clone();
        this.accepted = new long[start.length];
    }

    /** Moves walker k once against a walker of the other half. */
    void move(int k) {
        UniformRandomProvider rng = streams[k];
        int partner = k < half ? half + rng.nextInt(half) : rng.nextInt(half);
        double z = stretchFactor(rng.nextDouble());
        // Drawn even when the move is certain to be accepted, so that every move uses three draws.
        double u = rng.nextDouble();
        double[] x = position[k];
        double[] xj = position[partner];
        double[] y = proposal[k];
        for (int i = 0; i < dimension; i++) {
            y[i] = xj[i] + z * (x[i] - xj[i]);
        }
        double logY = evaluate(logDensity, y);
        double logRatio = (dimension - 1) * Math.log(z) + logY - logProbability[k];
        // log(0) = −∞ accepts any finite ratio, and a proposal at −∞ is never accepted.
        if (Math.log(u) < logRatio) {
            position[k] = y;
            proposal[k] = x;
            logProbability[k] = logY;
            accepted[k]++;
        }
    }

    /** z = (1 + (a − 1)u)²/a: the inverse of the distribution function of g on [1/a, a]. */
    private double stretchFactor(double u) {
        double root = 1 + (stretch - 1) * u;
        return root * root / stretch;
    }

    /** Copies walker k's position into {@code out} at {@code offset}. */
    void copyPosition(int k, double[] out, int offset) {
        System.arraycopy(position[k], 0, out, offset, dimension);
    }

    /** Walker k's current log-density. */
    double logProbability(int k) {
        return logProbability[k];
    }

    /** Moves walker k has accepted. */
    long accepted(int k) {
        return accepted[k];
    }

    /**
     * The log-density at θ, with NaN read as −∞: a model that cannot be evaluated there (an
     * overflow, a NaN from a parameter outside a table) is treated as having no posterior mass.
     *
     * @throws IllegalStateException if the log-density is +∞, which no proper posterior has
     */
    static double evaluate(LogDensity logDensity, double[] theta) {
        double value = logDensity.value(theta);
        if (Double.isNaN(value)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (value == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("the log-density is +∞ at θ = " + Arrays.toString(theta)
                    + "; it must be finite, or −∞ outside the support");
        }
        return value;
    }
}
