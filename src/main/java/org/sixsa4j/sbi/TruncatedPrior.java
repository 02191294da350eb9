package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The prior truncated to the highest-density region of a posterior estimate, the proposal of
 * truncated sequential NPE (TSNPE; Deistler, Gonçalves &amp; Macke 2022, NeurIPS):
 * p̃(θ) ∝ p(θ) · 1[log q(θ | x<sub>o</sub>) &gt; τ], where τ is the {@code quantile}
 * (10⁻⁴ by default) of log q over draws of q(θ | x<sub>o</sub>), so the region holds all but that
 * share of the estimate's mass. When the estimate's own prior was already truncated, the cuts
 * accumulate: the region is the intersection of every round's.
 *
 * <p>It is sampled by rejection, which keeps draws exactly distributed as p̃ (a
 * sampling-importance-resampling scheme would not). When the root prior is a product of
 * one-parameter priors, candidates come from it restricted to a box around the region (the
 * bounding box of the posterior draws that set τ, widened by a tenth of its width on each
 * side), drawn exactly by inverting each parameter's distribution; rejection then only has to
 * remove the box's corners, however small the region is within the prior. The region is taken
 * within that box. The density is p(θ)/α inside and 0 outside, with α = P(box) times the share of
 * box draws accepted, estimated from {@code acceptanceDraws} draws when the truncation is built.
 * A warning goes to the given sink when α is below 1 %, since the region is then small next to
 * the prior (and, without a box, each draw costs over a hundred prior draws).
 */
public final class TruncatedPrior implements ParameterDistribution {
    /** The default quantile of log q below which θ is cut (Deistler et al. 2022). */
    public static final double DEFAULT_QUANTILE = 1e-4;
    /** Posterior draws that set the threshold: 10⁵, enough to resolve the 10⁻⁴ quantile by 10 draws. */
    public static final int DEFAULT_THRESHOLD_DRAWS = 100_000;
    /** Candidate draws that estimate the accepted share. */
    public static final int DEFAULT_ACCEPTANCE_DRAWS = 100_000;
    private static final double LOW_ACCEPTANCE = 0.01;
    private static final double BOX_MARGIN = 0.1;
    private static final int MAX_BATCH = 200_000;

    /** One round's cut: θ is kept where log q(θ | x<sub>o</sub>) &gt; τ. */
    private record Cut(NeuralPosterior posterior, double[] observation, double threshold) {
        boolean[] keeps(double[][] theta) {
            double[] logq = posterior.flow().logProb(theta, observation);
            boolean[] out = new boolean[theta.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = logq[i] > threshold;
            }
            return out;
        }
    }

    private final ParameterDistribution root;
    private final List<Cut> cuts;
    private final double[] lo;
    private final double[] hi;
    private final double boxMass;
    private final double acceptance;

    private TruncatedPrior(ParameterDistribution root, List<Cut> cuts, double[] lo, double[] hi, double boxMass, double acceptance) {
        this.root = root;
        this.cuts = List.copyOf(cuts);
        this.lo = lo;
        this.hi = hi;
        this.boxMass = boxMass;
        this.acceptance = acceptance;
    }

    /** With the defaults: quantile 10⁻⁴, 10⁵ posterior draws, 10⁵ candidate draws. */
    public static TruncatedPrior of(NeuralPosterior posterior, double[] observation, UniformRandomProvider rng, Consumer<String> warnings) {
        return of(posterior, observation, DEFAULT_QUANTILE, DEFAULT_THRESHOLD_DRAWS, DEFAULT_ACCEPTANCE_DRAWS, rng, warnings);
    }

    /**
     * The prior of {@code posterior} truncated where its log q at {@code observation} falls below
     * the {@code quantile} of log q over {@code thresholdDraws} posterior draws.
     */
    public static TruncatedPrior of(NeuralPosterior posterior, double[] observation, double quantile, int thresholdDraws,
            int acceptanceDraws, UniformRandomProvider rng, Consumer<String> warnings) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("truncation quantile must be in (0, 1), got " + quantile);
        }
        if (thresholdDraws < 1 / quantile || acceptanceDraws < 100) {
            throw new IllegalArgumentException("the truncation needs at least 1/quantile = " + (int) Math.ceil(1 / quantile)
                    + " posterior draws and 100 candidate draws, got " + thresholdDraws + " and " + acceptanceDraws);
        }
        double[] x = observation.clone();
        double[][] draws = posterior.sample(thresholdDraws, x, rng);
        double[] logq = posterior.flow().logProb(draws, x);
        double[] sorted = logq.clone();
        Arrays.sort(sorted);
        Cut cut = new Cut(posterior, x, sorted[(int) Math.floor(quantile * (sorted.length - 1))]);
        ParameterDistribution base = posterior.prior();
        List<Cut> cuts = new ArrayList<>();
        ParameterDistribution root = base;
        double[] lo = null;
        double[] hi = null;
        if (base instanceof TruncatedPrior t) {
            root = t.root;
            cuts.addAll(t.cuts);
            lo = t.lo;
            hi = t.hi;
        }
        cuts.add(cut);
        double boxMass = 1;
        if (root instanceof JointPrior joint) {
            double[][] box = box(draws, logq, cut.threshold(), lo, hi);
            lo = box[0];
            hi = box[1];
            boxMass = joint.mass(lo, hi);
        }
        TruncatedPrior candidate = new TruncatedPrior(root, cuts, lo, hi, boxMass, 1);
        double[][] trial = candidate.candidates(acceptanceDraws, rng);
        int accepted = 0;
        for (boolean keep : candidate.keeps(trial)) {
            accepted += keep ? 1 : 0;
        }
        // With no candidate accepted, 1/(2N) keeps the density finite; the warning says why.
        double share = Math.max(accepted, 0.5) / acceptanceDraws;
        double acceptance = boxMass * share;
        if (acceptance < LOW_ACCEPTANCE && warnings != null) {
            warnings.accept(String.format(Locale.ROOT,
                    "the truncated prior holds %.3g %% of the prior (%d of %d candidate draws accepted%s): the posterior is far "
                            + "narrower than the prior; a narrower prior would spend fewer simulations", 100 * acceptance, accepted,
                    acceptanceDraws, lo == null ? "" : String.format(Locale.ROOT, " in a box of %.3g %% of the prior", 100 * boxMass)));
        }
        return new TruncatedPrior(root, cuts, lo, hi, boxMass, acceptance);
    }

    /** The draws' bounding box, widened, within the previous box if any: {lo, hi}. */
    private static double[][] box(double[][] draws, double[] logq, double threshold, double[] previousLo, double[] previousHi) {
        int d = draws[0].length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < draws.length; i++) {
            if (logq[i] > threshold) {
                for (int j = 0; j < d; j++) {
                    lo[j] = Math.min(lo[j], draws[i][j]);
                    hi[j] = Math.max(hi[j], draws[i][j]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            double margin = BOX_MARGIN * (hi[j] - lo[j]);
            lo[j] -= margin;
            hi[j] += margin;
            if (previousLo != null) {
                lo[j] = Math.max(lo[j], previousLo[j]);
                hi[j] = Math.min(hi[j], previousHi[j]);
            }
        }
        return new double[][] {lo, hi};
    }

    /** Candidates: the root prior, restricted to the box when there is one. */
    private double[][] candidates(int n, UniformRandomProvider rng) {
        return lo != null ? ((JointPrior) root).sampleWithin(lo, hi, n, rng) : root.sample(n, rng);
    }

    /**
     * Whether each row lies inside the box and passes every cut. The latest cut, the narrowest,
     * goes first, and each earlier one sees only the rows still kept, so a candidate costs about
     * one flow evaluation, not one per round.
     */
    private boolean[] keeps(double[][] theta) {
        boolean[] keep = new boolean[theta.length];
        Arrays.fill(keep, true);
        if (lo != null) {
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < lo.length; j++) {
                    keep[i] &= theta[i][j] >= lo[j] && theta[i][j] <= hi[j];
                }
            }
        }
        for (int c = cuts.size() - 1; c >= 0; c--) {
            int[] rows = new int[theta.length];
            int n = 0;
            for (int i = 0; i < theta.length; i++) {
                if (keep[i]) {
                    rows[n++] = i;
                }
            }
            double[][] still = new double[n][];
            for (int k = 0; k < n; k++) {
                still[k] = theta[rows[k]];
            }
            boolean[] passed = cuts.get(c).keeps(still);
            for (int k = 0; k < n; k++) {
                keep[rows[k]] = passed[k];
            }
        }
        return keep;
    }

    @Override
    public int dimension() {
        return root.dimension();
    }

    /** τ of the latest cut: the log q(θ | x<sub>o</sub>) that θ must exceed. */
    public double threshold() {
        return cuts.get(cuts.size() - 1).threshold();
    }

    /** α: the estimated share of the prior inside the region. */
    public double acceptance() {
        return acceptance;
    }

    /** log p(θ) − log α inside the region, −∞ outside it or outside the prior's support. */
    @Override
    public double logDensity(double[] theta) {
        return logDensity(new double[][] {theta})[0];
    }

    @Override
    public double[] logDensity(double[][] theta) {
        boolean[] keep = keeps(theta);
        double[] logPrior = root.logDensity(theta);
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = keep[i] && logPrior[i] > Double.NEGATIVE_INFINITY ? logPrior[i] - Math.log(acceptance) : Double.NEGATIVE_INFINITY;
        }
        return out;
    }

    /** {@code n} draws by rejection: candidates in batches, kept inside the region. */
    @Override
    public double[][] sample(int n, UniformRandomProvider rng) {
        double[][] out = new double[n][];
        int filled = 0;
        long drawn = 0;
        double share = acceptance / boxMass;
        while (filled < n) {
            if (drawn > 100 * (n / share + MAX_BATCH)) {
                throw new IllegalStateException("the truncated prior accepted " + filled + " of " + drawn + " candidate draws, far fewer "
                        + "than its estimated share " + share + "; the region is smaller than estimated");
            }
            int batch = (int) Math.min(MAX_BATCH, Math.max(1_000, Math.ceil(1.1 * (n - filled) / share)));
            drawn += batch;
            double[][] draws = candidates(batch, rng);
            boolean[] keep = keeps(draws);
            for (int i = 0; i < batch && filled < n; i++) {
                if (keep[i]) {
                    out[filled++] = draws[i];
                }
            }
        }
        return out;
    }
}
