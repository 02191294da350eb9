package org.sixsa4j.sbi;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.simulate.ParallelBatches;

/**
 * Importance sampling of the exact posterior with a neural posterior as the proposal, the step
 * that makes SIXSA's posteriors exact up to Monte-Carlo error. Draws come from the defensive
 * mixture q<sub>mix</sub> = (1 − f) q(θ | x<sub>o</sub>) + f p̃(θ) (Hesterberg 1995,
 * Technometrics 37(2):185), where p̃ is the prior or the truncated prior: the mixture's density
 * never falls far below the posterior's where q misses it, which bounds the weights. The
 * weights are w = L(x<sub>o</sub> | θ) p(θ) / q<sub>mix</sub>(θ) with the exact likelihood.
 *
 * <p>The draws are stratified: exactly round(fN) come from p̃ and the rest from q, and both
 * densities are evaluated at every draw (the "deterministic mixture" estimator of Owen &amp; Zhou
 * 2000, JASA 95:135, unbiased and of no larger variance than drawing the component at random).
 * Reported: the effective sample size (Σw)²/Σw² (Kish), the Pareto k̂ of the weights
 * ({@link ParetoShape}), and the evidence Z = mean(w) with its Monte-Carlo standard error, since
 * q<sub>mix</sub> is normalised. Likelihoods are evaluated in parallel by index, so results do
 * not depend on the thread count.
 */
public final class ImportanceSampling {
    /** Above this k̂ the estimate is unreliable (Vehtari et al. 2024). */
    public static final double PARETO_LIMIT = 0.7;
    /** Below this ESS/N the weights are concentrated enough to warrant a warning. */
    public static final double LOW_EFFICIENCY = 0.01;
    /** Draws evaluated between two progress reports. */
    private static final int PROGRESS_CHUNK = 2000;

    private final ParameterDistribution proposal;
    private final ParameterDistribution defensive;
    private final double defensiveFraction;
    private final ParameterDistribution prior;
    private final LogDensity logLikelihood;
    private final int threads;
    private final LongConsumer progress;

    /**
     * @param proposal q(θ | x<sub>o</sub>), the neural posterior at the observation
     * @param defensive p̃, the prior or the truncated prior that holds the posterior
     * @param defensiveFraction f in [0, 1)
     * @param prior p(θ), the prior of the posterior sought
     * @param logLikelihood the exact log-likelihood of the observation (thread-safe)
     * @param threads threads for the likelihood evaluations
     */
    public ImportanceSampling(ParameterDistribution proposal, ParameterDistribution defensive, double defensiveFraction,
            ParameterDistribution prior, LogDensity logLikelihood, int threads) {
        if (!(defensiveFraction >= 0 && defensiveFraction < 1)) {
            throw new IllegalArgumentException("defensive fraction must be in [0, 1), got " + defensiveFraction);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.proposal = proposal;
        this.defensive = defensive;
        this.defensiveFraction = defensiveFraction;
        this.prior = prior;
        this.logLikelihood = logLikelihood;
        this.progress = null;
        this.threads = threads;
    }

    private ImportanceSampling(ImportanceSampling other, LongConsumer progress) {
        this.proposal = other.proposal;
        this.defensive = other.defensive;
        this.defensiveFraction = other.defensiveFraction;
        this.prior = other.prior;
        this.logLikelihood = other.logLikelihood;
        this.threads = other.threads;
        this.progress = progress;
    }

    /** The same sampler, reporting the number of draws evaluated so far to {@code progress} as it goes. */
    public ImportanceSampling withProgress(LongConsumer progress) {
        return new ImportanceSampling(this, progress);
    }

    /**
     * Draws {@code n} weighted points, each with an exact likelihood; warnings with advice go to
     * {@code warnings} (may be null) when k̂ exceeds {@value #PARETO_LIMIT} or ESS/N falls below
     * {@value #LOW_EFFICIENCY}.
     */
    public WeightedSample run(int n, UniformRandomProvider rng, Consumer<String> warnings) {
        return run(n, null, 1, rng, warnings);
    }

    /**
     * As {@link #run(int, UniformRandomProvider, Consumer)}, but the exact likelihood is spent
     * only where the emulator predicts that the weight matters, by rejection control (Liu, Chen
     * &amp; Wong 1998, JASA 93:1022): with ŵ the weight predicted by the emulator and c its
     * (1 − {@code keep}) quantile over the draws, draw i is kept with probability
     * a = min(1, ŵ/c), and a kept draw's exact weight is divided by a. The estimator stays
     * unbiased whatever the emulator's errors, since E[1{kept}·w/a] = w; a poor emulator only
     * costs variance, which the ESS and k̂ then show. Dropped draws have weight 0 and no exact
     * evaluation ({@link WeightedSample#exactEvaluations()} counts those made).
     *
     * @param emulator the screen; null to evaluate every draw exactly
     * @param keep the share of draws kept for certain, in (0, 1]
     */
    public WeightedSample run(int n, LikelihoodEmulator emulator, double keep, UniformRandomProvider rng, Consumer<String> warnings) {
        if (n < 2) {
            throw new IllegalArgumentException("importance sampling needs at least 2 draws, got " + n);
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("the share of draws kept must be in (0, 1], got " + keep);
        }
        int fromDefensive = (int) Math.round(defensiveFraction * n);
        double[][] theta = new double[n][];
        double[][] fromQ = proposal.sample(n - fromDefensive, rng);
        System.arraycopy(fromQ, 0, theta, 0, fromQ.length);
        if (fromDefensive > 0) {
            double[][] fromP = defensive.sample(fromDefensive, rng);
            System.arraycopy(fromP, 0, theta, fromQ.length, fromP.length);
        }
        double[] logQ = proposal.logDensity(theta);
        double[] logP = fromDefensive > 0 ? defensive.logDensity(theta) : null;
        double logOneMinusF = Math.log1p(-defensiveFraction);
        double logF = Math.log(defensiveFraction);
        double[] logPriorOverMix = new double[n];
        for (int i = 0; i < n; i++) {
            double logMix = logP == null ? logQ[i] : logSumExp(logOneMinusF + logQ[i], logF + logP[i]);
            logPriorOverMix[i] = prior.logDensity(theta[i]) - logMix;
        }
        double[] logKeep = emulator == null ? new double[n] : keepProbabilities(emulator.predict(theta), logPriorOverMix, keep, rng);
        double[] logL = new double[n];
        Arrays.fill(logL, Double.NaN);
        // In chunks, so that progress can be reported; each draw's likelihood is independent of the chunking.
        for (int from = 0; from < n; from += PROGRESS_CHUNK) {
            int first = from;
            ParallelBatches.forEachIndex(Math.min(PROGRESS_CHUNK, n - from), threads, k -> {
                int i = first + k;
                if (logKeep[i] > Double.NEGATIVE_INFINITY && logPriorOverMix[i] > Double.NEGATIVE_INFINITY) {
                    logL[i] = logLikelihood.value(theta[i]);
                }
            });
            if (progress != null) {
                progress.accept(Math.min(n, from + PROGRESS_CHUNK));
            }
        }
        double[] logWeight = new double[n];
        int evaluations = 0;
        for (int i = 0; i < n; i++) {
            evaluations += Double.isNaN(logL[i]) ? 0 : 1;
            boolean zero = Double.isNaN(logL[i]) || logL[i] == Double.NEGATIVE_INFINITY;
            logWeight[i] = zero ? Double.NEGATIVE_INFINITY : logL[i] + logPriorOverMix[i] - logKeep[i];
        }
        WeightedSample sample = WeightedSample.of(theta, logWeight, logL, evaluations);
        if (warnings != null) {
            warn(sample, warnings);
        }
        return sample;
    }

    /**
     * log a for each draw: 0 for the {@code keep} share with the largest predicted weights, and
     * log(ŵ/c) below them, turned into −∞ for the draws a uniform variate rejects.
     */
    private static double[] keepProbabilities(double[] predictedLogL, double[] logPriorOverMix, double keep,
            UniformRandomProvider rng) {
        int n = predictedLogL.length;
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = predictedLogL[i] + logPriorOverMix[i];
        }
        double[] sorted = predicted.clone();
        Arrays.sort(sorted);
        double logC = sorted[(int) Math.min(n - 1, Math.floor((1 - keep) * n))];
        double[] logKeep = new double[n];
        for (int i = 0; i < n; i++) {
            double logA = Math.min(0, predicted[i] - logC);
            // One variate per draw, in index order, so the decisions do not depend on threads.
            logKeep[i] = rng.nextDouble() < Math.exp(logA) ? logA : Double.NEGATIVE_INFINITY;
        }
        return logKeep;
    }

    private static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        return max == Double.NEGATIVE_INFINITY ? max : max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    /** The warnings, with advice, that a weighted sample earns: k̂ above {@value #PARETO_LIMIT}, ESS/N below {@value #LOW_EFFICIENCY}. */
    static void warn(WeightedSample s, Consumer<String> warnings) {
        double k = s.paretoShape();
        if (k > PARETO_LIMIT) {
            warnings.accept(String.format(Locale.ROOT, "importance weights have Pareto k = %.2f > %.1f: a few draws dominate and the "
                    + "posterior is not reliable; train the estimator longer or with more simulations, or raise the defensive fraction", k, PARETO_LIMIT));
        }
        double efficiency = s.effectiveSampleSize() / s.size();
        if (efficiency < LOW_EFFICIENCY) {
            warnings.accept(String.format(Locale.ROOT, "importance sampling kept an effective %.0f of %d draws (ESS/N = %.2g): the neural "
                    + "posterior is far from the exact one; add a round of simulations or draw more importance samples",
                    s.effectiveSampleSize(), s.size(), efficiency));
        }
    }
}
