package org.sixsa4j.sbi;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The prior truncated to the highest-density region of a posterior estimate, the proposal of
 * truncated sequential NPE (TSNPE; Deistler, Gonçalves &amp; Macke 2022, NeurIPS):
 * p̃(θ) ∝ p(θ) · 1[log q(θ | x<sub>o</sub>) &gt; τ], where τ is the {@code quantile}
 * (10⁻⁴ by default) of log q over draws of q(θ | x<sub>o</sub>), so the region holds all but that
 * share of the estimate's mass.
 *
 * <p>It is sampled by rejection from the prior, which keeps draws exactly distributed as p̃ (a
 * sampling-importance-resampling scheme would not). Its density is p(θ)/α inside the region and 0
 * outside, with α the share of prior draws accepted, estimated from {@code acceptanceDraws} prior
 * draws when the truncation is built. A warning goes to the given sink when α is below 1 %, since
 * then each proposal draw costs over a hundred prior draws and flow evaluations.
 */
public final class TruncatedPrior implements ParameterDistribution {
    /** The default quantile of log q below which θ is cut (Deistler et al. 2022). */
    public static final double DEFAULT_QUANTILE = 1e-4;
    /** Posterior draws that set the threshold: 10⁵, enough to resolve the 10⁻⁴ quantile by 10 draws. */
    public static final int DEFAULT_THRESHOLD_DRAWS = 100_000;
    /** Prior draws that estimate the accepted share. */
    public static final int DEFAULT_ACCEPTANCE_DRAWS = 100_000;
    private static final double LOW_ACCEPTANCE = 0.01;
    private static final int MAX_BATCH = 200_000;

    private final ParameterDistribution prior;
    private final NeuralPosterior posterior;
    private final double[] observation;
    private final double threshold;
    private final double acceptance;

    private TruncatedPrior(ParameterDistribution prior, NeuralPosterior posterior, double[] observation, double threshold,
            double acceptance) {
        this.prior = prior;
        this.posterior = posterior;
        this.observation = observation;
        this.threshold = threshold;
        this.acceptance = acceptance;
    }

    /** With the defaults: quantile 10⁻⁴, 10⁵ posterior draws, 10⁵ prior draws. */
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
                    + " posterior draws and 100 prior draws, got " + thresholdDraws + " and " + acceptanceDraws);
        }
        double[] x = observation.clone();
        double[] logq = posterior.flow().logProb(posterior.sample(thresholdDraws, x, rng), x);
        Arrays.sort(logq);
        double threshold = logq[(int) Math.floor(quantile * (logq.length - 1))];
        ParameterDistribution prior = posterior.prior();
        double[][] draws = prior.sample(acceptanceDraws, rng);
        double[] priorLogq = posterior.flow().logProb(draws, x);
        int accepted = 0;
        for (double v : priorLogq) {
            if (v > threshold) {
                accepted++;
            }
        }
        // With no prior draw accepted, 1/(2N) keeps the density finite; the warning says why.
        double acceptance = Math.max(accepted, 0.5) / acceptanceDraws;
        if (acceptance < LOW_ACCEPTANCE && warnings != null) {
            warnings.accept(String.format(Locale.ROOT,
                    "the truncated prior accepts %.3g %% of prior draws (%d of %d): each proposal draw costs about %.0f prior draws; "
                            + "a narrower prior, or fewer rounds, would waste less", 100 * acceptance, accepted, acceptanceDraws, 1 / acceptance));
        }
        return new TruncatedPrior(prior, posterior, x, threshold, acceptance);
    }

    @Override
    public int dimension() {
        return prior.dimension();
    }

    /** τ: the log q(θ | x<sub>o</sub>) that θ must exceed. */
    public double threshold() {
        return threshold;
    }

    /** α: the estimated share of prior draws inside the region. */
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
        double[] logq = posterior.flow().logProb(theta, observation);
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double logPrior = prior.logDensity(theta[i]);
            out[i] = logPrior > Double.NEGATIVE_INFINITY && logq[i] > threshold ? logPrior - Math.log(acceptance) : Double.NEGATIVE_INFINITY;
        }
        return out;
    }

    /** {@code n} draws by rejection: prior draws in batches, kept where log q exceeds τ. */
    @Override
    public double[][] sample(int n, UniformRandomProvider rng) {
        double[][] out = new double[n][];
        int filled = 0;
        long drawn = 0;
        while (filled < n) {
            if (drawn > 100 * (n / acceptance + MAX_BATCH)) {
                throw new IllegalStateException("the truncated prior accepted " + filled + " of " + drawn + " prior draws, far fewer than its estimated "
                        + acceptance + "; the region is smaller than estimated");
            }
            int batch = (int) Math.min(MAX_BATCH, Math.max(1_000, Math.ceil(1.1 * (n - filled) / acceptance)));
            drawn += batch;
            double[][] draws = prior.sample(batch, rng);
            double[] logq = posterior.flow().logProb(draws, observation);
            for (int i = 0; i < batch && filled < n; i++) {
                if (logq[i] > threshold) {
                    out[filled++] = draws[i];
                }
            }
        }
        return out;
    }
}
