package org.sixsa4j.sample.mcmc;

import java.time.Duration;
import java.util.Arrays;
import org.sixsa4j.sbi.LogDensity;

/**
 * The affine-invariant ensemble sampler of Goodman &amp; Weare (2010, Comm. App. Math. Comp. Sci.
 * 5, 65) with their stretch move, run as emcee (Foreman-Mackey et al. 2013, PASP 125, 306) and
 * XSPEC's {@code chain type gw} run it: the walkers form two halves, and each half moves against
 * the other, its walkers in parallel. Because it is invariant under affine maps of the parameter
 * space, it samples strongly correlated or badly scaled posteriors as fast as isotropic ones.
 *
 * <p>Determinism: walker k draws from stream k of {@code RandomStreams.of(seed)}, three numbers
 * per step, and the halves move in a fixed order; a run is thus a function of (settings,
 * starting points, log-density) alone and is identical on 1 and N threads.
 *
 * <p>A log-density of NaN is read as −∞ (no posterior mass), and +∞ is an error.
 */
public final class EnsembleSampler {
    /** Below this fraction of its own length, a centred coordinate is taken as a combination of the others. */
    private static final double DEGENERATE = 1e-10;

    private final EnsembleSettings settings;

    /** A sampler with these settings. */
    public EnsembleSampler(EnsembleSettings settings) {
        this.settings = settings;
    }

    /**
     * The usual ensemble size: max(2d, 32) walkers. The stretch move needs at least 2d of them,
     * and more make the early ensemble cover the posterior faster at the same cost per sample.
     */
    public static int defaultWalkers(int dimension) {
        return Math.max(2 * dimension, 32);
    }

    /** The settings. */
    public EnsembleSettings settings() {
        return settings;
    }

    /**
     * Runs the walkers from {@code initial} for {@link EnsembleSettings#steps()} steps.
     *
     * @param logPosterior the log-density to sample, up to a constant
     * @param initial one starting point per walker (see {@link WalkerStarts}); read, not kept
     * @param progress told after each step
     * @throws IllegalArgumentException if the number of walkers is odd or below 2d, if the points
     *     differ in length or hold a non-finite coordinate, if they lie in a lower-dimensional
     *     affine subspace (which the stretch move never leaves), or if a walker starts where the
     *     log-density is −∞ or NaN
     */
    public Chain run(LogDensity logPosterior, double[][] initial, ProgressListener progress) {
        checkStarts(initial);
        long began = System.nanoTime();
        int walkers = initial.length;
        int dimension = initial[0].length;
        int kept = settings.keptSteps();
        double[][] samples = new double[walkers][kept * dimension];
        double[][] logProbability = new double[walkers][kept];
        Ensemble ensemble;
        try (WalkerLoop loop = WalkerLoop.of(settings.threads())) {
            double[] startLogProbability = new double[walkers];
            loop.forEach(0, walkers, k -> startLogProbability[k] = Ensemble.evaluate(logPosterior, initial[k]));
            checkStartDensities(initial, startLogProbability);
            ensemble = new Ensemble(logPosterior, initial, startLogProbability, settings.stretch(), settings.seed());
            int half = walkers / 2;
            int steps = settings.steps();
            for (int step = 0; step < steps; step++) {
                loop.forEach(0, half, ensemble::move);
                loop.forEach(half, walkers, ensemble::move);
                int sinceBurnIn = step + 1 - settings.burnIn();
                if (sinceBurnIn > 0 && sinceBurnIn % settings.thin() == 0) {
                    int m = sinceBurnIn / settings.thin() - 1;
                    for (int k = 0; k < walkers; k++) {
                        ensemble.copyPosition(k, samples[k], m * dimension);
                        logProbability[k][m] = ensemble.logProbability(k);
                    }
                }
                progress.stepDone(step + 1, steps);
            }
        }
        double[] acceptance = new double[walkers];
        for (int k = 0; k < walkers; k++) {
            acceptance[k] = ensemble.accepted(k) / (double) settings.steps();
        }
        long evaluations = walkers * (settings.steps() + 1L);
        return new Chain(dimension, settings.burnIn(), settings.thin(), samples, logProbability, acceptance, evaluations,
                Duration.ofNanos(System.nanoTime() - began));
    }

    private static void checkStarts(double[][] initial) {
        if (initial.length == 0 || initial[0].length == 0) {
            throw new IllegalArgumentException("no starting points, or points with no parameter");
        }
        int walkers = initial.length;
        int dimension = initial[0].length;
        if (walkers % 2 != 0 || walkers < 2 * dimension) {
            throw new IllegalArgumentException("the ensemble needs an even number of walkers, at least 2 × " + dimension
                    + " parameters = " + 2 * dimension + "; got " + walkers);
        }
        for (int k = 0; k < walkers; k++) {
            if (initial[k].length != dimension) {
                throw new IllegalArgumentException("walker " + k + " starts with " + initial[k].length + " parameters, walker 0 with "
                        + dimension);
            }
            for (double v : initial[k]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("walker " + k + " starts at a non-finite point " + Arrays.toString(initial[k]));
                }
            }
        }
        checkSpan(initial);
    }

    /**
     * Stretch moves keep every walker in the affine hull of the starting ensemble, so the centred
     * starting points must span all d directions. Checked by modified Gram–Schmidt on the d
     * centred coordinate vectors (each of length walkers): one that loses nearly all its length
     * to the earlier ones is a combination of them.
     */
    private static void checkSpan(double[][] initial) {
        int walkers = initial.length;
        int dimension = initial[0].length;
        double[][] basis = new double[dimension][walkers];
        for (int i = 0; i < dimension; i++) {
            double[] v = basis[i];
            double mean = 0;
            for (int k = 0; k < walkers; k++) {
                v[k] = initial[k][i];
                mean += v[k];
            }
            mean /= walkers;
            for (int k = 0; k < walkers; k++) {
                v[k] -= mean;
            }
            double before = norm(v);
            for (int j = 0; j < i; j++) {
                double dot = 0;
                for (int k = 0; k < walkers; k++) {
                    dot += v[k] * basis[j][k];
                }
                for (int k = 0; k < walkers; k++) {
                    v[k] -= dot * basis[j][k];
                }
            }
            double after = norm(v);
            if (!(after > DEGENERATE * before)) {
                String along = i == 0 ? "" : " (beyond a linear combination of parameters 0.." + (i - 1) + ")";
                throw new IllegalArgumentException("the starting points do not spread along parameter " + i + along
                        + ", and stretch moves never leave the subspace the walkers start in;"
                        + " start them in a ball with a positive scale in every parameter");
            }
            for (int k = 0; k < walkers; k++) {
                v[k] /= after;
            }
        }
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static void checkStartDensities(double[][] initial, double[] logProbability) {
        for (int k = 0; k < initial.length; k++) {
            if (logProbability[k] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("walker " + k + " starts at " + Arrays.toString(initial[k])
                        + " where the log-density is −∞ (or NaN): every walker must start inside the posterior's support");
            }
        }
    }
}
