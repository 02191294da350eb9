package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.stat.CStat;
import org.sixsa4j.stat.ChiSquare;
import org.sixsa4j.stat.PoissonLikelihood;
import org.sixsa4j.stat.WStat;

/**
 * The exact likelihood of a spectral model given a joint list of observed spectra: the fit
 * statistic of the model's expected counts against the counts, and the log-likelihood that
 * samplers and importance sampling use, as a function of the model's free parameters.
 *
 * <p>Per observation, with μ the expected source counts in each bin:
 * <ul>
 *   <li>{@link FitStatistic#CSTAT} without background: C = 2 Σ (μ − d + d ln(d/μ)) and
 *       ln L = Σ [d ln μ − μ − ln d!] = saturated − C/2 (Cash 1979);</li>
 *   <li>{@link FitStatistic#CSTAT} with a background, or {@link FitStatistic#WSTAT}: W-stat with the
 *       background counts B and backscale ratio r of each bin, ln L = saturated(S) + saturated(B) − W/2,
 *       the profile likelihood (XSPEC Appendix B);</li>
 *   <li>{@link FitStatistic#CHI2}: χ² with σ² = max(d, 1) against μ plus the scaled background,
 *       ln L = −χ²/2 − Σ ln(√(2π) σ).</li>
 * </ul>
 * The constants make log-evidences of different models on the same data comparable. Parameters
 * for which the model is not finite have ln L = −∞. Thread-safe; it counts its evaluations.
 */
public final class SpectralLikelihood implements LogDensity {
    private final Model model;
    private final FitStatistic statistic;
    private final ModelSimulator simulator;
    private final int freeCount;
    private final int totalBins;
    private final int[] offset;
    private final int[] bins;
    private final boolean[] profiled;
    private final double[] counts;
    private final double[] background;
    private final double[] ratio;
    private final double[] scaledBackground;
    private final double constant;
    private final ThreadLocal<double[]> expected;
    private final AtomicLong evaluations = new AtomicLong();

    private SpectralLikelihood(Model model, List<Observation> observations, ModelSettings settings, FitStatistic statistic) {
        this.model = model;
        this.statistic = statistic;
        this.simulator = ModelSimulator.sourceOnly(model, observations, settings);
        this.freeCount = model.parameterMap().freeCount();
        this.totalBins = simulator.totalBins();
        int n = observations.size();
        this.offset = new int[n];
        this.bins = new int[n];
        this.profiled = new boolean[n];
        this.counts = new double[totalBins];
        this.background = new double[totalBins];
        this.ratio = new double[totalBins];
        this.scaledBackground = new double[totalBins];
        double c = 0;
        int at = 0;
        for (int o = 0; o < n; o++) {
            Observation obs = observations.get(o);
            offset[o] = at;
            bins[o] = obs.bins();
            System.arraycopy(obs.counts(), 0, counts, at, obs.bins());
            boolean hasBackground = obs.background() != null;
            if (statistic == FitStatistic.WSTAT && !hasBackground) {
                throw InvalidInputException.inFile(obs.file(), obs.spectrum().hdu(), "BACKFILE",
                        "wstat needs a background spectrum for every observation");
            }
            profiled[o] = hasBackground && statistic != FitStatistic.CHI2;
            if (hasBackground) {
                System.arraycopy(obs.backgroundCounts(), 0, background, at, obs.bins());
                System.arraycopy(obs.backgroundRatio(), 0, ratio, at, obs.bins());
                System.arraycopy(obs.scaledBackgroundCounts(), 0, scaledBackground, at, obs.bins());
            }
            c += constant(statistic, profiled[o], at, obs.bins());
            at += obs.bins();
        }
        this.constant = c;
        this.expected = ThreadLocal.withInitial(() -> new double[totalBins]);
    }

    /**
     * The likelihood of {@code model} for {@code observations} (observation k of the list is
     * observation k + 1 of the model).
     */
    public static SpectralLikelihood of(Model model, List<Observation> observations, ModelSettings settings, FitStatistic statistic) {
        return new SpectralLikelihood(model, List.copyOf(observations), settings, statistic);
    }

    private double constant(FitStatistic s, boolean withBackground, int from, int n) {
        if (s == FitStatistic.CHI2) {
            double sum = 0;
            for (int i = from; i < from + n; i++) {
                sum -= 0.5 * Math.log(2 * Math.PI * Math.max(counts[i], 1.0));
            }
            return sum;
        }
        double sum = PoissonLikelihood.saturated(counts, from, n);
        if (withBackground) {
            sum += PoissonLikelihood.saturated(background, from, n);
        }
        return sum;
    }

    /** The model. */
    public Model model() {
        return model;
    }

    /** The statistic. */
    public FitStatistic statistic() {
        return statistic;
    }

    /** Number of bins of all observations together. */
    public int bins() {
        return totalBins;
    }

    /** Degrees of freedom: bins minus free parameters. */
    public int degreesOfFreedom() {
        return totalBins - freeCount;
    }

    /** Number of likelihood or statistic evaluations so far. */
    public long evaluations() {
        return evaluations.get();
    }

    /** The observed counts per bin, observations one after another. */
    public double[] counts() {
        return counts.clone();
    }

    /** The log-likelihood at the free parameters {@code theta}; −∞ where the model is not finite. */
    @Override
    public double value(double[] theta) {
        double s = statistic(theta);
        return Double.isFinite(s) ? constant - 0.5 * s : Double.NEGATIVE_INFINITY;
    }

    /** The fit statistic (C, W or χ²) at the free parameters {@code theta}; +∞ where the model is not finite. */
    public double statistic(double[] theta) {
        if (theta.length != freeCount) {
            throw new IllegalArgumentException(theta.length + " values for " + freeCount + " free parameters " + model.parameterMap().freeNames());
        }
        evaluations.incrementAndGet();
        double[] mu = expected.get();
        simulator.expectedCounts(theta, 0, mu, 0);
        double total = 0;
        for (int o = 0; o < offset.length; o++) {
            int from = offset[o];
            int n = bins[o];
            double part;
            if (profiled[o]) {
                part = WStat.value(counts, background, ratio, from, mu, from, n);
            } else if (statistic == FitStatistic.CHI2) {
                for (int i = from; i < from + n; i++) {
                    mu[i] += scaledBackground[i];
                }
                part = ChiSquare.value(ChiSquare.Weighting.DATA, counts, from, mu, from, n);
            } else {
                part = CStat.value(counts, from, mu, from, n);
            }
            total += part;
        }
        return Double.isNaN(total) ? Double.POSITIVE_INFINITY : total;
    }

    /** The fit statistic that corresponds to a log-likelihood this object returned: 2 (constant − ln L). */
    public double statisticOf(double logLikelihood) {
        return 2 * (constant - logLikelihood);
    }

    /** Expected counts per bin (source plus scaled background) at the free parameters {@code theta}. */
    public double[] expectedCounts(double[] theta) {
        double[] mu = new double[totalBins];
        simulator.expectedCounts(theta, 0, mu, 0);
        for (int i = 0; i < totalBins; i++) {
            mu[i] += scaledBackground[i];
        }
        return mu;
    }

    /** The bins of observation {@code o} (from 0) in the concatenated arrays: first index and count. */
    public int[] binRange(int o) {
        return new int[] {offset[o], bins[o]};
    }

    /** The names of the free parameters, in the order {@code theta} lists them. */
    public List<String> parameterNames() {
        return new ArrayList<>(model.parameterMap().freeNames());
    }
}
