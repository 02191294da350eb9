package org.sixsa4j.diagnostics;

/**
 * The expected coverage of highest-posterior-density regions (Hermans, Delaunoy, Rozet, Wehenkel,
 * Begy &amp; Louppe 2022, "A crisis in simulation-based inference? Beware, your posterior
 * approximations can be unfaithful", TMLR; Deistler, Goncalves &amp; Macke 2022), computed from
 * samples as sbi's {@code run_sbc} does with {@code reduce_fns = posterior.log_prob}.
 *
 * <p>For run i, with true parameters θ* and L samples θ<sub>s</sub> of the approximate posterior q,
 * the credibility at which θ* enters the HPD region is the fraction of samples more probable than
 * it, #{s : log q(θ<sub>s</sub>) &gt; log q(θ*)}/L: the HPD region of credibility α holds θ* when
 * this fraction is below α. The expected coverage at the nominal level α is the fraction of runs
 * whose truth the region of level α holds. Calibrated, the curve lies on the diagonal (within the
 * binomial noise √(α(1 − α)/N) and a bias below 1/(L + 1)); below it the posterior is
 * overconfident, above it conservative. Hermans et al. find the first the more dangerous failure
 * of neural posterior estimators.
 *
 * <p>Data only: the log densities come in, the curve goes out. Immutable.
 */
public final class ExpectedCoverage {
    private final double[] credibility;
    private final double[] levels;
    private final double[] coverage;

    private ExpectedCoverage(double[] credibility, double[] levels, double[] coverage) {
        this.credibility = credibility;
        this.levels = levels;
        this.coverage = coverage;
    }

    /**
     * The expected coverage of N runs on the grid α<sub>k</sub> = k/B.
     *
     * @param logDensityAtTruth log q(θ*<sub>i</sub> | x<sub>i</sub>) of each run; −∞ if θ* lies
     *     outside q's support
     * @param logDensityOfSamples log q(θ<sub>s</sub> | x<sub>i</sub>) of the L<sub>i</sub> ≥ 1 samples of each run
     * @param bins B, the number of steps of the grid of nominal levels
     * @throws IllegalArgumentException if the run counts differ, a run has no samples, a value is
     *     NaN, or bins &lt; 1
     */
    public static ExpectedCoverage of(double[] logDensityAtTruth, double[][] logDensityOfSamples, int bins) {
        int n = logDensityAtTruth.length;
        if (n == 0 || logDensityOfSamples.length != n) {
            throw new IllegalArgumentException("expected coverage needs the same number (at least one) of true and sampled "
                    + "log densities, got " + n + " and " + logDensityOfSamples.length);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        int[] moreProbable = new int[n];
        int[] total = new int[n];
        double[] credibility = new double[n];
        for (int i = 0; i < n; i++) {
            double truth = logDensityAtTruth[i];
            double[] samples = logDensityOfSamples[i];
            if (samples.length == 0) {
                throw new IllegalArgumentException("run " + i + " has no posterior samples");
            }
            Shapes.checkNotNaN(i, new double[] {truth}, "log density at the truth");
            Shapes.checkNotNaN(i, samples, "log densities of the samples");
            for (double logQ : samples) {
                moreProbable[i] += logQ > truth ? 1 : 0;
            }
            total[i] = samples.length;
            credibility[i] = (double) moreProbable[i] / total[i];
        }
        return new ExpectedCoverage(credibility, CoverageCurve.levels(bins), CoverageCurve.coverage(moreProbable, total, bins));
    }

    /** For each run, the credibility at which its truth enters the HPD region: the fraction of samples more probable than it. */
    public double[] credibility() {
        return credibility.clone();
    }

    /** The nominal credibility levels α<sub>k</sub> = k/B, k = 0 … B. */
    public double[] levels() {
        return levels.clone();
    }

    /** The fraction of runs whose truth the HPD region of level α<sub>k</sub> holds, and 1 at α = 1. */
    public double[] coverage() {
        return coverage.clone();
    }
}
