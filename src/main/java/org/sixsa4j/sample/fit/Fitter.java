package org.sixsa4j.sample.fit;

import java.util.ArrayList;
import java.util.List;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.simulate.RandomStreams;

/**
 * The classic XSPEC workflow over a statistic in a box: {@link #fit} (multi-start local
 * minimisation, then the covariance at the best fit) and {@link #intervals} (profile confidence
 * intervals, re-fitting from any better minimum they turn up). The local method is {@link
 * BoundedQuasiNewton} for a general statistic ({@link #minimizing}) and {@link
 * LevenbergMarquardt} for least squares ({@link #leastSquares}).
 *
 * <p>Multi-start: besides an optional given start, {@code draws} starts are drawn from a prior,
 * draw k from stream k of {@link RandomStreams} for the seed, and projected into the box; each is
 * minimised, on {@code threads} threads, and the lowest statistic wins (the earliest start on a
 * tie). The result is therefore the same for any number of threads. Global optimisation by
 * random restarts is the simplest of the strategies reviewed by Törn &amp; Žilinskas 1989 (Global
 * Optimization, LNCS 350): it finds the global minimum with probability 1 − (1 − q)^draws when
 * the global basin holds a fraction q of the prior mass. Immutable and thread-safe if the
 * objective is.
 */
public final class Fitter {
    /** Re-fits from better minima found while profiling before the interval search gives up. */
    private static final int MAX_NEW_MINIMA = 5;

    private final Objective objective;
    private final Bounds bounds;
    private final LocalSearch search;
    private final Stopping stopping;
    private final JointPrior prior;
    private final int draws;
    private final long seed;
    private final int threads;
    private final List<String> names;

    private Fitter(Builder b) {
        this.objective = b.objective;
        this.bounds = b.bounds;
        this.stopping = b.stopping;
        this.prior = b.prior;
        this.draws = b.draws;
        this.seed = b.seed;
        this.threads = b.threads;
        this.names = b.names != null ? List.copyOf(b.names) : b.prior != null ? b.prior.names() : defaultNames(b.bounds.dimension());
        Residuals residuals = b.residuals;
        if (residuals != null) {
            LevenbergMarquardt lm = new LevenbergMarquardt(stopping);
            this.search = (box, start, hessian) -> lm.minimize(residuals, box, start);
        } else {
            BoundedQuasiNewton qn = new BoundedQuasiNewton(stopping);
            Gradient gradient = b.gradient;
            this.search = (box, start, hessian) -> qn.minimize(objective, gradient, box, start, hessian);
        }
    }

    /** A fitter of a statistic (C-stat, W-stat, −2 ln L, or χ² as one number) by bounded quasi-Newton. */
    public static Builder minimizing(Objective statistic, Bounds bounds) {
        return new Builder(statistic, null, bounds);
    }

    /** A fitter of a sum of squared residuals (χ²) by Levenberg–Marquardt. */
    public static Builder leastSquares(Residuals residuals, Bounds bounds) {
        return new Builder(residuals, residuals, bounds);
    }

    /**
     * Fits from {@code start} and from the prior draws, if any.
     *
     * @throws IllegalArgumentException if {@code start} has the wrong length
     */
    public FitResult fit(double[] start) {
        if (start.length != bounds.dimension()) {
            throw new IllegalArgumentException("start has " + start.length + " parameters, the fit " + bounds.dimension());
        }
        return fitFrom(start);
    }

    /**
     * Fits from the prior draws only.
     *
     * @throws IllegalStateException if the fitter has no prior draws
     */
    public FitResult fit() {
        if (draws == 0) {
            throw new IllegalStateException("no start: give one, or draws from a prior with multiStart");
        }
        return fitFrom(null);
    }

    private FitResult fitFrom(double[] start) {
        List<double[]> starts = new ArrayList<>();
        if (start != null) {
            starts.add(start.clone());
        }
        RandomStreams streams = RandomStreams.of(seed);
        for (int k = 0; k < draws; k++) {
            double[] draw = prior.sample(streams.stream(k));
            bounds.project(draw);
            starts.add(draw);
        }
        List<LocalFit> fits = Parallel.map(starts.size(), threads, k -> search.minimize(bounds, starts.get(k), null));
        LocalFit best = fits.get(0);
        long evaluations = 0;
        for (LocalFit f : fits) {
            evaluations += f.evaluations();
            // NaN never wins; strict < keeps the earliest of equal minima.
            if (f.statistic() < best.statistic() || Double.isNaN(best.statistic())) {
                best = f;
            }
        }
        Covariance covariance = covarianceAt(best);
        return new FitResult(names, best, fits, covariance, List.of(), 0, evaluations + covariance.evaluations(), null);
    }

    /**
     * Profile confidence intervals on the given parameters for a rise Δ of the statistic (XSPEC's
     * {@code error}). Both ends of every interval are searched in parallel. If a re-fit finds a
     * statistic below f_min, the fit restarts from there (XSPEC's "new minimum found"), the
     * covariance is recomputed, any goodness of fit is dropped as stale, and all intervals are
     * searched again, up to five times.
     *
     * @param fit a result of this fitter
     * @param delta Δ > 0, e.g. 2.706 for 90 % or 1.0 for 68 % on one parameter
     * @param parameters indices of the parameters
     * @return the fit with these intervals (and the new minimum, if one was found)
     */
    public FitResult intervals(FitResult fit, double delta, int... parameters) {
        if (!(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
        }
        for (int p : parameters) {
            if (p < 0 || p >= bounds.dimension()) {
                throw new IllegalArgumentException("parameter index " + p + " is outside 0.." + (bounds.dimension() - 1));
            }
        }
        if (fit.parameters().length != bounds.dimension()) {
            throw new IllegalArgumentException("the fit has " + fit.parameters().length + " parameters, this fitter " + bounds.dimension());
        }
        if (!Double.isFinite(fit.statistic())) {
            throw new IllegalArgumentException("the fit has no finite statistic to profile from: " + fit.message());
        }
        FitResult current = fit;
        long evaluations = fit.evaluations();
        while (true) {
            Profiler profiler = new Profiler(search, bounds, current.parameters(), current.statistic(), current.covariance(), delta,
                    Math.max(1e-6, 10 * stopping.threshold(current.statistic())));
            List<Profiler.End> ends = Parallel.map(2 * parameters.length, threads,
                    k -> profiler.search(parameters[k / 2], k % 2 == 0 ? -1 : 1));
            LocalFit better = null;
            for (Profiler.End end : ends) {
                evaluations += end.evaluations();
                if (end.better() != null && (better == null || end.better().statistic() < better.statistic())) {
                    better = end.better();
                }
            }
            if (better == null || current.newMinima() == MAX_NEW_MINIMA) {
                return new FitResult(names, current.best(), current.starts(), current.covariance(), intervals(parameters, delta, current, ends),
                        current.newMinima(), evaluations, current.goodnessOfFit().orElse(null));
            }
            // The better point is a fit with θ_i held; free it again.
            LocalFit refit = search.minimize(bounds, better.parameters(), null);
            LocalFit best = refit.statistic() <= better.statistic() ? refit : better;
            Covariance covariance = covarianceAt(best);
            evaluations += refit.evaluations() + covariance.evaluations();
            current = new FitResult(names, best, current.starts(), covariance, List.of(), current.newMinima() + 1, evaluations, null);
        }
    }

    private Covariance covarianceAt(LocalFit best) {
        if (!Double.isFinite(best.statistic())) {
            return Covariance.unavailable(bounds.dimension(), "no start reached a finite statistic");
        }
        return Covariance.estimate(objective, bounds, best.parameters(), best.statistic(), names);
    }

    private List<ConfidenceInterval> intervals(int[] parameters, double delta, FitResult fit, List<Profiler.End> ends) {
        List<ConfidenceInterval> list = new ArrayList<>();
        double[] x = fit.parameters();
        for (int k = 0; k < parameters.length; k++) {
            int i = parameters[k];
            Profiler.End lo = ends.get(2 * k);
            Profiler.End hi = ends.get(2 * k + 1);
            list.add(new ConfidenceInterval(i, names.get(i), delta, x[i], lo.value(), hi.value(), lo.limit(), hi.limit(),
                    lo.evaluations() + hi.evaluations()));
        }
        return list;
    }

    /** XSPEC numbers parameters from 1. */
    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("p" + i);
        }
        return names;
    }

    /** Options of a {@link Fitter}; every one has a default. */
    public static final class Builder {
        private final Objective objective;
        private final Residuals residuals;
        private final Bounds bounds;
        private Gradient gradient;
        private Stopping stopping = Stopping.defaults();
        private JointPrior prior;
        private int draws;
        private long seed;
        private int threads = 1;
        private List<String> names;

        private Builder(Objective objective, Residuals residuals, Bounds bounds) {
            this.objective = objective;
            this.residuals = residuals;
            this.bounds = bounds;
        }

        /** An analytic gradient for the quasi-Newton method (default: central finite differences). */
        public Builder gradient(Gradient analytic) {
            if (residuals != null) {
                throw new IllegalStateException("Levenberg-Marquardt differentiates the residuals itself; a gradient is for minimizing(...)");
            }
            this.gradient = analytic;
            return this;
        }

        /** Stopping rules of every local minimisation (default {@link Stopping#defaults()}). */
        public Builder stopping(Stopping rules) {
            this.stopping = rules;
            return this;
        }

        /**
         * Also start from {@code draws} points drawn from the prior (default none). Its names
         * become the parameter names unless {@link #names} is given.
         */
        public Builder multiStart(JointPrior from, int count, long runSeed) {
            if (from.dimension() != bounds.dimension()) {
                throw new IllegalArgumentException("the prior has " + from.dimension() + " parameters, the bounds " + bounds.dimension());
            }
            if (count < 0) {
                throw new IllegalArgumentException("draws must be >= 0, got " + count);
            }
            this.prior = from;
            this.draws = count;
            this.seed = runSeed;
            return this;
        }

        /** Threads for the starts and the interval searches (default 1); results do not depend on it. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + count);
            }
            this.threads = count;
            return this;
        }

        /** Parameter names for results and messages (default the prior's, else p1, p2, ...). */
        public Builder names(List<String> parameterNames) {
            if (parameterNames.size() != bounds.dimension()) {
                throw new IllegalArgumentException(parameterNames.size() + " names for " + bounds.dimension() + " parameters");
            }
            this.names = parameterNames;
            return this;
        }

        /** The fitter with these options. */
        public Fitter build() {
            return new Fitter(this);
        }
    }
}
