package org.sixsa4j.diagnostics;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * TARP, tests of accuracy with random points (Lemos, Coogan, Hezaveh &amp; Perreault-Levasseur
 * 2023, "Sampling-based accuracy testing of posterior estimators for general inference", ICML,
 * arXiv:2302.03026), as the sbi package computes it ({@code run_tarp}, {@code check_tarp}).
 *
 * <p>Run i has true parameters θ*<sub>i</sub>, L posterior samples and a reference point
 * r<sub>i</sub>. Its credibility f<sub>i</sub> is the fraction of samples closer (in Euclidean
 * distance) to r<sub>i</sub> than θ*<sub>i</sub> is: the credibility of the smallest ball around
 * r<sub>i</sub> that holds θ*<sub>i</sub>. The expected coverage probability ECP(α) is the fraction
 * of runs with f<sub>i</sub> &lt; α. A correct posterior puts ECP on the diagonal for any choice of
 * references; conversely, a posterior on the diagonal for every distribution of references is
 * correct (the paper's theorem), which SBC and HPD coverage cannot promise. One random draw of
 * references is weaker: in simulations of the 2-D Gaussian of the tests, a posterior shifted by one
 * standard deviation moved the ATC by about 0.01 on average, while SBC and HPD coverage reject it
 * outright.
 * Below the diagonal means too narrow, above too wide.
 *
 * <p>Two summaries, as {@code check_tarp} defines them:
 * <ul>
 *   <li>the area to curve, ATC = Σ (ECP(α<sub>k</sub>) − α<sub>k</sub>) Δα
 *       over the upper half of the grid (from index ⌊(B + 1)/2⌋ of the B + 1 grid points): near 0
 *       when calibrated, negative for a posterior too narrow, positive for one too wide;</li>
 *   <li>the p-value of the two-sample Kolmogorov–Smirnov test between the B + 1 values of the ECP
 *       curve and the B + 1 grid values, each taken as a sample. It is a coarse check: a posterior
 *       half as wide as it should be still gives p ≈ 0.4 for 300 runs in 2-D, 0.04 for 1000;
 *       judge by ATC.</li>
 * </ul>
 *
 * <p>By default, as in sbi, the references are drawn uniformly in the box spanned by the true
 * parameters, one per run, and all points are first rescaled to the unit box by the true
 * parameters' range (sbi calls this z-scoring; it matters because distances mix parameters); the
 * grid has B = ⌊N/10⌋ bins. Two differences from sbi. The grid spans [0, 1], so that ECP(α) is the
 * fraction of runs below the level α itself, as the paper defines it; sbi's grid spans [min f, max
 * f], a side effect of its histogram, which stretches the curve over that range and moves each
 * point off its level when the f<sub>i</sub> do not reach 0 and 1 (for a posterior too wide, say);
 * for a calibrated posterior the two agree to O(1/N). And a parameter that is constant over the
 * runs is left unscaled (sbi divides by its range plus 10<sup>−10</sup>, which distorts parameters
 * whose range is below about 10<sup>−8</sup>, such as some XSPEC norms).
 *
 * <p>Immutable.
 */
public final class Tarp {
    private final double[] credibility;
    private final double[] alpha;
    private final double[] ecp;
    private final double atc;
    private final double ksPValue;

    private Tarp(double[] credibility, double[] alpha, double[] ecp) {
        this.credibility = credibility;
        this.alpha = alpha;
        this.ecp = ecp;
        int bins = alpha.length - 1;
        double area = 0;
        for (int k = alpha.length / 2; k <= bins; k++) {
            area += (ecp[k] - alpha[k]) / bins;
        }
        this.atc = area;
        this.ksPValue = KolmogorovSmirnov.twoSampleEqualSizePValue(KolmogorovSmirnov.twoSampleGap(ecp, alpha), alpha.length);
    }

    /**
     * TARP with sbi's defaults: references drawn uniformly in the box of the true parameters,
     * points rescaled to that box, ⌊N/10⌋ bins (at least 1).
     *
     * @param trueParameters θ* of each run, N rows of d values
     * @param posteriorSamples the samples of each run, N × L<sub>i</sub> × d
     * @param seed the seed of the reference points
     */
    public static Tarp of(double[][] trueParameters, double[][][] posteriorSamples, long seed) {
        if (posteriorSamples.length != trueParameters.length) {
            throw new IllegalArgumentException(trueParameters.length + " true parameter vectors but "
                    + posteriorSamples.length + " runs of posterior samples");
        }
        return of(trueParameters, run -> posteriorSamples[run], uniformReferences(trueParameters, seed),
                Math.max(1, trueParameters.length / 10), true);
    }

    /**
     * TARP with every choice explicit.
     *
     * @param trueParameters θ* of each run, N rows of d values
     * @param posteriorSamples the samples of run i, L<sub>i</sub> ≥ 1 rows of d values, produced one
     *     run at a time
     * @param references one reference point per run, N rows of d values, in the parameters' units
     * @param bins B, the number of bins of the grid α<sub>k</sub> = k/B
     * @param rescale whether to rescale every point to the unit box of the true parameters first
     * @throws IllegalArgumentException if the shapes disagree, bins &lt; 1, or a value is NaN
     */
    public static Tarp of(double[][] trueParameters, IntFunction<double[][]> posteriorSamples, double[][] references,
            int bins, boolean rescale) {
        int n = trueParameters.length;
        if (n == 0) {
            throw new IllegalArgumentException("TARP needs at least one run");
        }
        if (references.length != n) {
            throw new IllegalArgumentException(n + " runs but " + references.length + " reference points");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        int d = trueParameters[0].length;
        // Distances in the unit box: the box's offset cancels in differences, only its scale stays.
        double[] scale = unitBoxScale(trueParameters, rescale);
        int[] closer = new int[n];
        int[] total = new int[n];
        double[] credibility = new double[n];
        for (int i = 0; i < n; i++) {
            double[][] samples = posteriorSamples.apply(i);
            Shapes.checkRun(i, trueParameters[i], samples, d);
            if (references[i].length != d) {
                throw new IllegalArgumentException("reference point " + i + " has " + references[i].length
                        + " values, expected " + d);
            }
            Shapes.checkNotNaN(i, references[i], "reference point");
            double truthDistance = squaredDistance(trueParameters[i], references[i], scale);
            for (double[] sample : samples) {
                closer[i] += squaredDistance(sample, references[i], scale) < truthDistance ? 1 : 0;
            }
            total[i] = samples.length;
            credibility[i] = (double) closer[i] / total[i];
        }
        return new Tarp(credibility, CoverageCurve.levels(bins), CoverageCurve.coverage(closer, total, bins));
    }

    /**
     * sbi's reference points: one per run, uniform in the box [min θ*<sub>j</sub>, max θ*<sub>j</sub>]
     * of the true parameters, drawn from a xoroshiro128++ stream seeded with {@code seed}.
     */
    public static double[][] uniformReferences(double[][] trueParameters, long seed) {
        int n = trueParameters.length;
        if (n == 0) {
            throw new IllegalArgumentException("TARP needs at least one run");
        }
        int d = trueParameters[0].length;
        double[] low = new double[d];
        double[] high = new double[d];
        box(trueParameters, low, high);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] references = new double[n][d];
        for (double[] reference : references) {
            for (int j = 0; j < d; j++) {
                reference[j] = low[j] + (high[j] - low[j]) * rng.nextDouble();
            }
        }
        return references;
    }

    /** f<sub>i</sub> of each run: the fraction of its samples closer to its reference than θ*<sub>i</sub>. */
    public double[] credibility() {
        return credibility.clone();
    }

    /** The grid of credibility levels α<sub>k</sub> = k/B, k = 0 … B. */
    public double[] alpha() {
        return alpha.clone();
    }

    /**
     * The expected coverage probability at each α<sub>k</sub>: the fraction of runs with f &lt;
     * α<sub>k</sub>, and 1 at α = 1.
     */
    public double[] ecp() {
        return ecp.clone();
    }

    /** The area to curve: Σ (ECP − α) Δα over the upper half of the grid. */
    public double atc() {
        return atc;
    }

    /** The p-value of the two-sample Kolmogorov–Smirnov test between the ECP values and the α values. */
    public double ksPValue() {
        return ksPValue;
    }

    private static void box(double[][] points, double[] low, double[] high) {
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] p : points) {
            for (int j = 0; j < low.length; j++) {
                low[j] = Math.min(low[j], p[j]);
                high[j] = Math.max(high[j], p[j]);
            }
        }
    }

    /** The reciprocal range of each parameter over the runs, or 1 if not rescaling or if it is constant. */
    private static double[] unitBoxScale(double[][] trueParameters, boolean rescale) {
        int d = trueParameters[0].length;
        double[] scale = new double[d];
        Arrays.fill(scale, 1);
        if (rescale) {
            double[] low = new double[d];
            double[] high = new double[d];
            box(trueParameters, low, high);
            for (int j = 0; j < d; j++) {
                double range = high[j] - low[j];
                scale[j] = range > 0 ? 1 / range : 1;
            }
        }
        return scale;
    }

    private static double squaredDistance(double[] a, double[] b, double[] scale) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = (a[j] - b[j]) * scale[j];
            sum += diff * diff;
        }
        return sum;
    }
}
