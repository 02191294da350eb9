package org.sixsa4j.sbi;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Importance-weighted draws of θ: the draws, their log weights and their exact log-likelihoods,
 * with the summaries that judge them (effective sample size, Pareto k̂, evidence) and resampling
 * to equal weights. Immutable.
 */
public final class WeightedSample {
    private final double[][] theta;
    private final double[] logWeight;
    private final double[] logLikelihood;
    private final double maxLogWeight;
    private final double[] weight;
    private final double weightSum;
    private final int exactEvaluations;

    /**
     * Weighted draws: θ, log weights (−∞ for a zero weight) and exact log-likelihoods (NaN where
     * an emulator spared the evaluation), as importance sampling made them or as a checkpoint
     * saved them.
     *
     * @param exactEvaluations the exact likelihood evaluations spent on them
     * @throws IllegalStateException if every weight is 0
     */
    public static WeightedSample of(double[][] theta, double[] logWeight, double[] logLikelihood, int exactEvaluations) {
        if (logWeight.length != theta.length || logLikelihood.length != theta.length) {
            throw new IllegalArgumentException(theta.length + " draws with " + logWeight.length + " log weights and " + logLikelihood.length
                    + " log-likelihoods");
        }
        return new WeightedSample(theta, logWeight, logLikelihood, exactEvaluations);
    }

    private WeightedSample(double[][] theta, double[] logWeight, double[] logLikelihood, int exactEvaluations) {
        this.exactEvaluations = exactEvaluations;
        this.theta = theta;
        this.logWeight = logWeight;
        this.logLikelihood = logLikelihood;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logWeight) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("every importance weight is 0: no draw has a finite likelihood inside the prior");
        }
        this.maxLogWeight = max;
        this.weight = new double[logWeight.length];
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            // Weights relative to the largest, so that none overflows.
            weight[i] = Math.exp(logWeight[i] - max);
            sum += weight[i];
        }
        this.weightSum = sum;
    }

    /** The number of draws. */
    public int size() {
        return theta.length;
    }

    /** Draw i, a copy. */
    public double[] theta(int i) {
        return theta[i].clone();
    }

    /** The log weight of draw i (unnormalised: log L + log p − log q<sub>mix</sub>). */
    public double logWeight(int i) {
        return logWeight[i];
    }

    /** The number of exact likelihood evaluations made: all draws, or those an emulator kept. */
    public int exactEvaluations() {
        return exactEvaluations;
    }

    /** The exact log-likelihood of draw i; NaN for a draw an emulator screened out. */
    public double logLikelihood(int i) {
        return logLikelihood[i];
    }

    /** The weights normalised to sum to 1. */
    public double[] normalizedWeights() {
        double[] out = new double[weight.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = weight[i] / weightSum;
        }
        return out;
    }

    /** Kish's effective sample size (Σw)²/Σw². */
    public double effectiveSampleSize() {
        double sq = 0;
        for (double w : weight) {
            sq += w * w;
        }
        return weightSum * weightSum / sq;
    }

    /** The Pareto k̂ of the weights (NaN for fewer than about 25 draws). */
    public double paretoShape() {
        return ParetoShape.of(logWeight);
    }

    /** log Z = log mean(w): the log evidence, when the proposal density was normalised. */
    public double logEvidence() {
        return maxLogWeight + Math.log(weightSum / weight.length);
    }

    /**
     * The Monte-Carlo standard error of log Z by the delta method: sd(w)/(mean(w)·√N), which is
     * √(1/ESS − 1/N).
     */
    public double logEvidenceError() {
        return Math.sqrt(Math.max(0, 1 / effectiveSampleSize() - 1.0 / weight.length));
    }

    /**
     * {@code m} equal-weight draws by systematic resampling (Kitagawa 1996, JCGS 5(1):1): one
     * uniform offset, then draws at evenly spaced points of the cumulative weights, which keeps
     * each draw's count within one of m·w<sub>i</sub>; the draws are then shuffled, so that
     * any prefix is itself a fair sample.
     */
    public double[][] resample(int m, UniformRandomProvider rng) {
        if (m < 1) {
            throw new IllegalArgumentException("resample needs m >= 1, got " + m);
        }
        double[][] out = new double[m][];
        double step = weightSum / m;
        double point = rng.nextDouble() * step;
        double cumulative = weight[0];
        int i = 0;
        for (int k = 0; k < m; k++) {
            while (cumulative < point && i < weight.length - 1) {
                i++;
                cumulative += weight[i];
            }
            out[k] = theta[i].clone();
            point += step;
        }
        int[] order = PermutationSampler.natural(m);
        PermutationSampler.shuffle(rng, order);
        double[][] shuffled = new double[m][];
        for (int k = 0; k < m; k++) {
            shuffled[k] = out[order[k]];
        }
        return shuffled;
    }
}
