package org.sixsa4j.sample.mcmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Convergence diagnostics of an ensemble chain, per parameter: the integrated autocorrelation time
 * τ ({@link Autocorrelation}, emcee's estimator), the kept chain length per walker in units of τ,
 * the effective sample size walkers × length / τ (Goodman &amp; Weare 2010; Foreman-Mackey et al.
 * 2013, PASP 125, 306), and the rank-normalised split-R̂ ({@link SplitRhat}, Vehtari et al.
 * 2021, Bayesian Analysis 16, 667) across {@value #GROUPS} groups of consecutive walkers. The chain counts as converged only when, for every parameter,
 * each walker's kept chain is at least {@value #MIN_LENGTH_IN_TAU} τ long (emcee's rule: below that
 * even τ itself is unreliable, and usually underestimated) and R̂ ≤ {@value #MAX_RHAT} (the
 * threshold Vehtari et al. recommend); otherwise {@link #reason()} says which parameter fails and
 * why. Immutable.
 */
public final class Convergence {
    /** The least kept chain length per walker, in units of τ, for τ and the chain to be trusted. */
    public static final double MIN_LENGTH_IN_TAU = 50;
    /** The largest R̂ of a converged chain. */
    public static final double MAX_RHAT = 1.01;
    /** The number of walker groups whose chains R̂ compares. */
    public static final int GROUPS = 4;

    private final List<String> names;
    private final double[] tau;
    private final double[] lengthInTau;
    private final double[] rhat;
    private final double[] effectiveSampleSize;
    private final boolean converged;
    private final String reason;

    private Convergence(List<String> names, double[] tau, double[] lengthInTau, double[] rhat, double[] effectiveSampleSize,
            boolean converged, String reason) {
        this.names = names;
        this.tau = tau;
        this.lengthInTau = lengthInTau;
        this.rhat = rhat;
        this.effectiveSampleSize = effectiveSampleSize;
        this.converged = converged;
        this.reason = reason;
    }

    /** The diagnostics of {@code chain}, with parameters named θ0, θ1, ... */
    public static Convergence of(Chain chain) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < chain.dimension(); i++) {
            names.add("θ" + i);
        }
        return of(chain, names);
    }

    /** The diagnostics of {@code chain}, with one name per parameter for the reason. */
    public static Convergence of(Chain chain, List<String> names) {
        if (names.size() != chain.dimension()) {
            throw new IllegalArgumentException(names.size() + " names for " + chain.dimension() + " parameters");
        }
        int d = chain.dimension();
        int length = chain.length();
        double[] tau = new double[d];
        double[] lengthInTau = new double[d];
        double[] rhat = new double[d];
        double[] ess = new double[d];
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            double[][] traces = chain.traces(i);
            tau[i] = Autocorrelation.integratedTime(traces);
            lengthInTau[i] = length / tau[i];
            ess[i] = chain.walkers() * lengthInTau[i];
            rhat[i] = SplitRhat.of(walkerGroups(traces));
            String name = names.get(i);
            if (Double.isNaN(tau[i])) {
                failures.add(name + ": τ is undefined, since a walker never moved");
            } else if (lengthInTau[i] < MIN_LENGTH_IN_TAU) {
                failures.add(String.format(Locale.ROOT, "%s: %d kept steps per walker are %.1f τ (τ = %.3g), below the %.0f τ needed",
                        name, length, lengthInTau[i], tau[i], MIN_LENGTH_IN_TAU));
            }
            if (Double.isNaN(rhat[i])) {
                failures.add(name + ": R̂ is undefined, since the chains are shorter than 4 steps or all equal");
            } else if (rhat[i] > MAX_RHAT) {
                failures.add(String.format(Locale.ROOT, "%s: R̂ = %.4f, above %s", name, rhat[i], MAX_RHAT));
            }
        }
        String reason = failures.isEmpty()
                ? String.format(Locale.ROOT, "every parameter has at least %.0f τ per walker and R̂ ≤ %s", MIN_LENGTH_IN_TAU, MAX_RHAT)
                : "not converged: " + String.join("; ", failures);
        return new Convergence(List.copyOf(names), tau, lengthInTau, rhat, ess, failures.isEmpty(), reason);
    }

    /**
     * The walkers' traces pooled into {@value #GROUPS} groups of consecutive walkers (2 when the
     * walkers do not divide by 4, one per walker when they are odd), each group's chain ordered so
     * that its first half holds the first half of every member's steps and its second half the
     * last half (the middle step of an odd length is left out, as split-R̂ leaves it out).
     *
     * <p>Why groups: a single walker's half-chain of length L/2 holds only L/(2τ) independent
     * draws, so even a well-mixed ensemble has R̂ ≈ √(1 + 2τ/L) ≈ 1 + τ/L per walker, above
     * 1.01 until every walker is 100 τ long. A group of m walkers holds m times more draws, while
     * a group stuck apart from the others, or a first half narrower than the second, still stands
     * out.
     */
    static double[][] walkerGroups(double[][] traces) {
        int walkers = traces.length;
        int groups = walkers % GROUPS == 0 ? GROUPS : walkers % 2 == 0 ? 2 : walkers;
        int size = walkers / groups;
        int length = traces[0].length;
        int half = length / 2;
        double[][] pooled = new double[groups][2 * size * half];
        for (int g = 0; g < groups; g++) {
            for (int m = 0; m < size; m++) {
                double[] trace = traces[g * size + m];
                System.arraycopy(trace, 0, pooled[g], m * half, half);
                System.arraycopy(trace, length - half, pooled[g], (size + m) * half, half);
            }
        }
        return pooled;
    }

    /** Whether every parameter passes both tests. */
    public boolean converged() {
        return converged;
    }

    /** Why the chain is or is not converged: one line naming each failing parameter. */
    public String reason() {
        return reason;
    }

    /** The parameter names. */
    public List<String> names() {
        return names;
    }

    /** τ per parameter, in kept steps. */
    public double[] tau() {
        return tau.clone();
    }

    /** Kept steps per walker divided by τ, per parameter. */
    public double[] lengthInTau() {
        return lengthInTau.clone();
    }

    /** Rank-normalised split-R̂ per parameter. */
    public double[] rhat() {
        return rhat.clone();
    }

    /** Effective sample size walkers × length / τ, per parameter. */
    public double[] effectiveSampleSize() {
        return effectiveSampleSize.clone();
    }

    @Override
    public String toString() {
        return "Convergence[" + reason + "]";
    }
}
