package org.sixsa4j.sample.nested;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link NestedSampler} run: the log-evidence with its error, the information,
 * the weighted posterior points and equal-weight samples (Skilling 2006, Bayesian Analysis 1,
 * 833). The points are the dead points in order of death followed by the final live points; their
 * normalised log weights are log(w<sub>i</sub> L<sub>i</sub> / Z). Immutable; accessors return
 * copies.
 */
public final class NestedResult {
    /** Simulated shrinkage sequences behind {@link #logZErrorSimulated()}. */
    static final int SHRINKAGE_REPLICAS = 200;

    private final List<String> names;
    private final double logZ;
    private final double logZError;
    private final double logZErrorSimulated;
    private final double information;
    private final double[][] points;
    private final double[] logLikelihoods;
    private final double[] logWeights;
    private final int deadPoints;
    private final double effectiveSampleSize;
    private final double[][] equalWeightSamples;
    private final Counters counters;

    /** What the sampling loop counted. */
    record Counters(long evaluations, long sliceEvaluations, long iterations, double remainingLogZ, StopReason stopReason, Duration wallTime) {
    }

    private NestedResult(List<String> names, RunRecord record, int livePoints, Streams streams, Counters counters) {
        this.names = List.copyOf(names);
        this.counters = counters;
        int m = record.size();
        this.deadPoints = record.dead();
        this.points = new double[m][];
        for (int i = 0; i < m; i++) {
            points[i] = record.theta(i);
        }
        this.logLikelihoods = record.logL();
        double[] logWeight = record.logWeight();
        this.logZ = LogSpace.sum(logWeight, 0, m);
        this.logWeights = new double[m];
        double h = 0;
        double sumSquares = 0;
        for (int i = 0; i < m; i++) {
            logWeights[i] = logWeight[i] - logZ;
            double p = Math.exp(logWeights[i]);
            // Points of zero weight (log L = −∞) add nothing; 0 × ∞ would give NaN.
            if (p > 0) {
                h += p * (logLikelihoods[i] - logZ);
                sumSquares += p * p;
            }
        }
        boolean hasPosterior = logZ > Double.NEGATIVE_INFINITY && logZ < Double.POSITIVE_INFINITY;
        this.information = hasPosterior ? Math.max(0, h) : 0;
        this.logZError = Math.sqrt(information / livePoints);
        this.effectiveSampleSize = hasPosterior ? 1 / sumSquares : 0;
        if (hasPosterior) {
            int[] picks = SystematicResampling.indices(logWeights, (int) Math.max(1, Math.round(effectiveSampleSize)), streams.posterior(0));
            this.equalWeightSamples = new double[picks.length][];
            for (int k = 0; k < picks.length; k++) {
                equalWeightSamples[k] = points[picks[k]];
            }
            double[] finalLogL = Arrays.copyOfRange(logLikelihoods, deadPoints, m);
            this.logZErrorSimulated = ShrinkageSimulation.logZStd(logLikelihoods, record.liveCount(), deadPoints, finalLogL,
                    SHRINKAGE_REPLICAS, streams.posterior(1));
        } else {
            this.equalWeightSamples = new double[0][];
            this.logZErrorSimulated = 0;
        }
    }

    static NestedResult of(List<String> names, RunRecord record, int livePoints, Streams streams, Counters counters) {
        return new NestedResult(names, record, livePoints, streams, counters);
    }

    /** The parameter names, in the order of every point's components. */
    public List<String> names() {
        return names;
    }

    /** The natural log of the evidence Z = ∫ L(θ) π(θ) dθ; −∞ if every point had zero likelihood. */
    public double logZ() {
        return logZ;
    }

    /** Skilling's error of log Z from the prior-volume noise: √(H / N), N the live points. */
    public double logZError() {
        return logZError;
    }

    /**
     * The error of log Z from simulated prior-volume shrinkage (200 replicas); close to
     * {@link #logZError()} in general, and the one to trust on likelihood plateaus.
     */
    public double logZErrorSimulated() {
        return logZErrorSimulated;
    }

    /** The information H = Σ p<sub>i</sub> log(L<sub>i</sub> / Z) in nats: the log of the prior-to-posterior compression. */
    public double information() {
        return information;
    }

    /** The number of points: dead, then final live. */
    public int size() {
        return points.length;
    }

    /** The number of dead points; points from this index on are the final live points. */
    public int deadPoints() {
        return deadPoints;
    }

    /** The parameters of every point, dead then final live. */
    public double[][] points() {
        return deepCopy(points);
    }

    /** The log-likelihood of every point. */
    public double[] logLikelihoods() {
        return logLikelihoods.clone();
    }

    /** The normalised posterior log weight of every point: Σ exp = 1 (all −∞ when log Z is −∞). */
    public double[] logWeights() {
        return logWeights.clone();
    }

    /** Kish's effective sample size of the weights: 1 / Σ p<sub>i</sub>². */
    public double effectiveSampleSize() {
        return effectiveSampleSize;
    }

    /**
     * Equal-weight posterior samples, round(ESS) of them, by systematic resampling from a stream of
     * the run seed, in random order; empty when log Z is −∞.
     */
    public double[][] equalWeightSamples() {
        return deepCopy(equalWeightSamples);
    }

    /** Likelihood evaluations, the initial live points and any still-queued candidates included. */
    public long evaluations() {
        return counters.evaluations();
    }

    /** The part of {@link #evaluations()} spent in the slice-sampling fallback. */
    public long sliceEvaluations() {
        return counters.sliceEvaluations();
    }

    /** Iterations: the number of dead points. */
    public long iterations() {
        return counters.iterations();
    }

    /** log(Z<sub>dead</sub> + X L<sub>max</sub>) − log Z<sub>dead</sub> when the run stopped. */
    public double remainingLogZ() {
        return counters.remainingLogZ();
    }

    /** Why the run stopped. */
    public StopReason stopReason() {
        return counters.stopReason();
    }

    /** The run's wall-clock time. */
    public Duration wallTime() {
        return counters.wallTime();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NestedResult[logZ=%.4f ± %.4f, H=%.3f, ESS=%.1f, %d iterations, %d evaluations, %s]",
                logZ, logZError, information, effectiveSampleSize, iterations(), evaluations(), stopReason());
    }
}
