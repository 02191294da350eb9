package org.sixsa4j.sample.fit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fit: the best parameters and statistic over all starts, how the best local minimisation
 * ended, every start's outcome, the covariance and errors at the best fit, confidence intervals
 * once {@link Fitter#intervals} has run, and room for the caller's goodness of fit. Immutable.
 */
public final class FitResult {
    private final List<String> names;
    private final LocalFit best;
    private final List<LocalFit> starts;
    private final Covariance covariance;
    private final List<ConfidenceInterval> intervals;
    private final int newMinima;
    private final long evaluations;
    private final GoodnessOfFit goodness;

    FitResult(List<String> names, LocalFit best, List<LocalFit> starts, Covariance covariance, List<ConfidenceInterval> intervals,
            int newMinima, long evaluations, GoodnessOfFit goodness) {
        this.names = List.copyOf(names);
        this.best = best;
        this.starts = List.copyOf(starts);
        this.covariance = covariance;
        this.intervals = List.copyOf(intervals);
        this.newMinima = newMinima;
        this.evaluations = evaluations;
        this.goodness = goodness;
    }

    /** The local minimisation that found the best parameters. */
    LocalFit best() {
        return best;
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return names;
    }

    /** The best parameters found. */
    public double[] parameters() {
        return best.parameters();
    }

    /** The statistic at the best parameters, f_min. */
    public double statistic() {
        return best.statistic();
    }

    /** How the local minimisation that found the best parameters ended. */
    public Status status() {
        return best.status();
    }

    /** Whether that minimisation met a convergence criterion. */
    public boolean converged() {
        return best.converged();
    }

    /** The criterion met, or what went wrong, in words. */
    public String message() {
        return best.message();
    }

    /** Iterations of the minimisation that found the best parameters. */
    public int iterations() {
        return best.iterations();
    }

    /** Objective evaluations in all: every start, the Hessian, and interval searches and re-fits. */
    public long evaluations() {
        return evaluations;
    }

    /** The outcome of every start, in start order (the given start first, then the prior draws). */
    public List<LocalFit> starts() {
        return starts;
    }

    /** The covariance, errors and parameters at a bound, at the best fit. */
    public Covariance covariance() {
        return covariance;
    }

    /** Standard errors √Cov_ii, NaN where the covariance has none. */
    public double[] standardErrors() {
        return covariance.standardErrors();
    }

    /** The confidence intervals of the last {@link Fitter#intervals} call, in the order asked; empty before. */
    public List<ConfidenceInterval> intervals() {
        return intervals;
    }

    /** How many times the interval searches found a better minimum and re-fitted from it. */
    public int newMinima() {
        return newMinima;
    }

    /** The caller's goodness of fit, if given. */
    public Optional<GoodnessOfFit> goodnessOfFit() {
        return Optional.ofNullable(goodness);
    }

    /** This fit with the caller's goodness of fit attached. */
    public FitResult withGoodnessOfFit(GoodnessOfFit goodnessOfFit) {
        return new FitResult(names, best, starts, covariance, intervals, newMinima, evaluations, goodnessOfFit);
    }

    /** A table in the manner of XSPEC's fit and error output. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "statistic %.6g (%s: %s), %d iterations, %d evaluations, best of %d starts%n", statistic(),
                status(), message(), iterations(), evaluations, starts.size()));
        if (goodness != null) {
            s.append(String.format(Locale.ROOT, "  %d degrees of freedom, %.2f sigma from the expected %.6g%n", goodness.degreesOfFreedom(),
                    goodness.sigma(statistic()), goodness.expected()));
        }
        if (newMinima > 0) {
            s.append("  new minimum found while computing intervals (").append(newMinima).append(" times)\n");
        }
        if (covariance.problem() != null) {
            s.append("  no covariance: ").append(covariance.problem()).append('\n');
        }
        double[] x = parameters();
        double[] e = standardErrors();
        for (int i = 0; i < x.length; i++) {
            s.append(String.format(Locale.ROOT, "  %-20s %14.6g", names.get(i), x[i]));
            s.append(covariance.isAtBound(i) ? "  at a bound" : String.format(Locale.ROOT, " +/- %11.4g", e[i]));
            for (ConfidenceInterval c : intervals) {
                if (c.parameter() == i) {
                    s.append(String.format(Locale.ROOT, "  (%.4g, %.4g) for delta %.4g %s/%s", c.minus(), c.plus(), c.delta(), c.lowerLimit(),
                            c.upperLimit()));
                }
            }
            s.append('\n');
        }
        return s.toString();
    }
}
