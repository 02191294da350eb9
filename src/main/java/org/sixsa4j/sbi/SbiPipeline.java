package org.sixsa4j.sbi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sixsa4j.compress.Compressor;
import org.sixsa4j.flow.MaskedAutoregressiveFlow;
import org.sixsa4j.nn.Trainer;
import org.sixsa4j.nn.TrainingHistory;
import org.sixsa4j.sbi.restriction.BestFractionCriterion;
import org.sixsa4j.sbi.restriction.CountsRangeCriterion;
import org.sixsa4j.sbi.restriction.PriorRestriction;
import org.sixsa4j.sbi.restriction.RestrictionListener;
import org.sixsa4j.sbi.restriction.RestrictionResult;
import org.sixsa4j.sbi.restriction.ValidityCriterion;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.simulate.ParallelBatches;
import org.sixsa4j.simulate.RandomStreams;

/**
 * SIXSA's pipeline for one observed spectrum (Barret &amp; Dupourqué 2024, 2025, 2026), with the
 * exact correction this project adds:
 * <ol>
 *   <li>optionally, the prior restricted by a classifier to parameters that give plausible
 *       spectra ({@link PriorRestriction}); the restricted prior is then the estimator's prior,
 *       and said so;</li>
 *   <li>rounds (TSNPE, Deistler et al. 2022): draw θ from the proposal, simulate Poisson
 *       spectra, fit the compressor to the round's spectra (SIXSA paper III refits its
 *       auto-encoder each round), train a neural posterior on the round with the proposal as its
 *       prior, and cut the proposal to the posterior's highest-density region at the observation
 *       for the next round;</li>
 *   <li>importance sampling with the exact likelihood and the true prior, from the last posterior
 *       mixed with the last proposal, optionally screened by a likelihood emulator;</li>
 *   <li>the parameter retriever, SIXSA's check of what the compressed data constrain;</li>
 *   <li>the material of the checks ({@link Checks}): held-out simulations from the last proposal
 *       with the last estimator's draws for each, and spectra simulated from the prior and from
 *       the posterior.</li>
 * </ol>
 * Every random draw comes from a numbered stream of the run seed (simulation k uses stream k), so
 * a run is the same on any number of threads.
 */
public final class SbiPipeline {
    /** Control streams, far above any simulation index. */
    private static final long CONTROL = Long.MAX_VALUE / 2;
    /** The importance-sampling stage's three streams: emulator pilot, draws, resampling. */
    private static final long IMPORTANCE_STREAMS = CONTROL + 300;

    private final ModelSimulator simulator;
    private final ParameterDistribution prior;
    private final List<String> names;
    private final SpectralLikelihood likelihood;
    private final SbiSettings settings;
    private final RandomStreams streams;

    /**
     * @param simulator Poisson spectra of the model through the observations, backgrounds included
     * @param prior the prior on the free parameters, in the simulator's order
     * @param names the free parameters' names
     * @param likelihood the exact likelihood of the observed spectrum, for importance sampling
     */
    public SbiPipeline(ModelSimulator simulator, ParameterDistribution prior, List<String> names, SpectralLikelihood likelihood,
            SbiSettings settings) {
        if (simulator.totalBins() != likelihood.counts().length) {
            throw new IllegalArgumentException("the simulator writes " + simulator.totalBins() + " bins but the observation has "
                    + likelihood.counts().length);
        }
        this.simulator = simulator.withThreads(settings.threads());
        this.prior = prior;
        this.names = List.copyOf(names);
        this.likelihood = likelihood;
        this.settings = settings;
        this.streams = RandomStreams.of(settings.seed());
    }

    /** What the pipeline reports as it goes. */
    public interface Listener {
        /** A stage starts ("restriction", "round 2", "importance sampling", ...). */
        default void stage(String name) {
        }

        /** Progress inside a stage, with an optional note such as the validation loss. */
        default void progress(long done, long total, String note) {
        }

        /** A one-line warning with advice. */
        default void warning(String message) {
        }
    }

    /** One round: its proposal, simulations and the posterior draws at the observation. */
    public record Round(String proposal, int simulations, int dropped, double proposalAcceptance, TrainingHistory training,
            double[][] posteriorDraws) {
    }

    /**
     * What the checks of a run are computed from (package {@code diagnostics} computes them):
     * spectra simulated from the first proposal (the prior or restricted prior) and from the
     * posterior samples, for the predictive checks; held-out simulations from the last proposal,
     * the prior the last estimator was trained under, with that estimator's posterior draws for
     * each (SBC) and the retriever's predictions; and, with a restriction, prior draws to set
     * against the restricted prior's.
     */
    public record Checks(double[][] priorPredictive, double[][] posteriorPredictive, double[][] heldOutTheta,
            double[][][] heldOutSamples, double[][] retrieved, double[] retrieverR2, double[][] priorDraws, double[][] restrictedPriorDraws) {
    }

    /**
     * Where a run keeps the stages it has finished, so that a run interrupted later resumes after
     * them ({@code sixsa run --resume}) with the same final result as a run never interrupted. A
     * saved round is replayed: its simulations are redrawn from the same streams (they are cheap)
     * and what was trained is reloaded instead of trained again. The retriever and the checks,
     * the last and cheapest stages, are not saved: they are rerun, with the same result.
     */
    public interface Checkpoints {
        /** No checkpoints: nothing is found, nothing is kept. */
        Checkpoints NONE = new Checkpoints() {
            @Override
            public SavedRestriction loadRestriction() {
                return null;
            }

            @Override
            public void saveRestriction(SavedRestriction saved) {
            }

            @Override
            public SavedRound loadRound(int round) {
                return null;
            }

            @Override
            public void saveRound(int round, SavedRound saved) {
            }

            @Override
            public SavedImportance loadImportance() {
                return null;
            }

            @Override
            public void saveImportance(SavedImportance saved) {
            }
        };

        /** The saved prior restriction, or null. */
        SavedRestriction loadRestriction();

        /** Saves the prior restriction once it has finished. */
        void saveRestriction(SavedRestriction saved);

        /** Round {@code round}'s saved state (rounds count from 0), or null if it was not saved. */
        SavedRound loadRound(int round);

        /** Saves round {@code round} once it has finished. */
        void saveRound(int round, SavedRound saved);

        /** The saved importance sampling, or null. */
        SavedImportance loadImportance();

        /** Saves the importance sampling once it has finished. */
        void saveImportance(SavedImportance saved);
    }

    /** The restricted prior and the restriction's rounds, the warnings the stage gave, and its time. */
    public record SavedRestriction(RestrictionResult result, List<String> warnings, Duration time) {
    }

    /** What a finished round trained: its compressor and flow, the flow's training history, the simulations it dropped and its time. */
    public record SavedRound(Compressor compressor, MaskedAutoregressiveFlow flow, TrainingHistory training, int dropped, Duration time) {
    }

    /** The importance-weighted draws and the stage's time. */
    public record SavedImportance(WeightedSample weighted, Duration time) {
    }

    /** Everything a run produced. */
    public record Result(double[][] samples, WeightedSample weighted, List<Round> rounds, RestrictionResult restriction,
            Compressor compressor, NeuralPosterior posterior, double[] observedFeatures, Checks checks,
            List<String> warnings, Map<String, Duration> stageTimes, long simulations) {
    }

    /**
     * Runs every stage.
     *
     * @param listener progress and warnings, or null
     * @param checkpoints where finished stages are saved and found again, or null
     */
    public Result run(Listener listener, Checkpoints checkpoints) {
        Listener l = listener == null ? new Listener() { } : listener;
        Checkpoints saves = checkpoints == null ? Checkpoints.NONE : checkpoints;
        List<String> warnings = new ArrayList<>();
        Listener warn = new Listener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
                l.warning(message);
            }
        };
        Map<String, Duration> times = new LinkedHashMap<>();
        long simulated = 0;

        ParameterDistribution proposal = prior;
        String proposalName = "prior";
        RestrictionResult restriction = null;
        if (settings.restriction() != null) {
            SavedRestriction saved = saves.loadRestriction();
            Duration time;
            if (saved != null) {
                saved.warnings().forEach(warn::warning);
                restriction = saved.result();
                time = saved.time();
            } else {
                long start = System.nanoTime();
                l.stage("restriction");
                List<String> stageWarnings = new ArrayList<>();
                restriction = restrict(settings.restriction(), new Listener() {
                    @Override
                    public void warning(String message) {
                        stageWarnings.add(message);
                        warn.warning(message);
                    }
                });
                time = Duration.ofNanos(System.nanoTime() - start);
                saves.saveRestriction(new SavedRestriction(restriction, stageWarnings, time));
            }
            proposal = restriction.restrictedPrior();
            proposalName = "restricted prior";
            simulated += restriction.lastRound().totalSimulations();
            times.put("restriction", time);
        }
        double[] observed = likelihood.counts();
        List<Round> rounds = new ArrayList<>();
        double[][] firstTheta = null;
        double[][] priorPredictive = null;
        double[][] lastTheta = null;
        double[][] lastCounts = null;
        Compressor compressor = null;
        NeuralPosterior posterior = null;
        double[] observedFeatures = null;
        for (int r = 0; r < settings.rounds(); r++) {
            long start = System.nanoTime();
            String round = "round " + (r + 1);
            boolean last = r + 1 == settings.rounds();
            SavedRound saved = saves.loadRound(r);
            int n = settings.simulationsPerRound();
            double[][] theta = null;
            double[][] counts = null;
            // A saved round needs its spectra only where later stages use them: the first
            // round's for the prior predictive check, the last round's for the retriever.
            if (saved == null || r == 0 || last) {
                l.stage(round + ": simulations");
                theta = proposal.sample(n, streams.stream(CONTROL + 1 + r));
                counts = simulate(theta, simulated, l);
            }
            simulated += n;
            if (r == 0) {
                // The first round's spectra come from the prior (or the restricted prior): the prior predictive check.
                firstTheta = theta;
                priorPredictive = Arrays.copyOf(counts, Math.min(n, settings.predictiveSimulations()));
            }
            NpeSettings npeSettings = settings.npe().withSeed(settings.seed() + r);
            int dropped;
            TrainingHistory training;
            if (saved != null) {
                l.stage(round + ": saved");
                compressor = saved.compressor();
                posterior = NeuralPosteriorEstimation.posterior(saved.flow(), proposal, npeSettings);
                dropped = saved.dropped();
                training = saved.training();
            } else {
                // Each round fits its compressor to its own spectra and trains a new estimator on
                // them, with the round's proposal as its prior: q then learns the posterior under
                // the proposal, which is the true posterior inside the proposal's region, since each
                // proposal is the prior cut to a region (the exact correction comes at the end).
                l.stage(round + ": training");
                compressor = settings.compressor().fit(counts);
                NeuralPosteriorEstimation npe = new NeuralPosteriorEstimation(proposal, npeSettings);
                dropped = npe.appendSimulations(Simulations.of(theta, compressor.compress(counts)), proposal);
                posterior = npe.train(trainingProgress(l));
                training = npe.histories().get(0);
            }
            if (dropped > 0) {
                warn.warning(dropped + " of " + n + " simulations of round " + (r + 1) + " had non-finite features and were dropped");
            }
            observedFeatures = compressor.compress(observed);
            double[][] draws = posterior.sample(settings.roundSamples(), observedFeatures, streams.stream(CONTROL + 100 + r));
            double acceptance = proposal instanceof TruncatedPrior t ? t.acceptance() : 1;
            rounds.add(new Round(proposalName, n, dropped, acceptance, training, draws));
            if (!last) {
                l.stage(round + ": truncation");
                proposal = TruncatedPrior.of(posterior, observedFeatures, settings.truncationQuantile(), TruncatedPrior.DEFAULT_THRESHOLD_DRAWS,
                        TruncatedPrior.DEFAULT_ACCEPTANCE_DRAWS, streams.stream(CONTROL + 200 + r), warn::warning);
                proposalName = "truncated prior";
            }
            lastTheta = theta;
            lastCounts = counts;
            Duration time = saved != null ? saved.time() : Duration.ofNanos(System.nanoTime() - start);
            if (saved == null) {
                saves.saveRound(r, new SavedRound(compressor, posterior.flow(), training, dropped, time));
            }
            times.put(round, time);
        }

        SavedImportance savedImportance = saves.loadImportance();
        ImportanceCorrection corrected;
        Duration importanceTime;
        if (savedImportance != null) {
            ImportanceSampling.warn(savedImportance.weighted(), warn::warning);
            corrected = ImportanceCorrection.of(savedImportance.weighted(), settings, streams, IMPORTANCE_STREAMS);
            importanceTime = savedImportance.time();
        } else {
            long start = System.nanoTime();
            l.stage("importance sampling");
            // The defensive component is the last round's proposal, the region the last estimator knows.
            corrected = ImportanceCorrection.run(posterior, observedFeatures, prior, likelihood, settings, streams, IMPORTANCE_STREAMS,
                    warn::warning, done -> l.progress(done, settings.importanceDraws(), null));
            importanceTime = Duration.ofNanos(System.nanoTime() - start);
            saves.saveImportance(new SavedImportance(corrected.weighted(), importanceTime));
        }
        WeightedSample weighted = corrected.weighted();
        double[][] samples = corrected.samples();
        times.put("importance sampling", importanceTime);

        long start;
        start = System.nanoTime();
        l.stage("parameter retriever");
        // The retriever learns from the last round, the spectra the last compressor was fitted to.
        ParameterRetriever retriever = ParameterRetriever.fit(names, compressor.compress(lastCounts), lastTheta, settings.seed(),
                settings.threads());
        retriever.warnings().forEach(warn::warning);
        times.put("parameter retriever", Duration.ofNanos(System.nanoTime() - start));

        start = System.nanoTime();
        l.stage("calibration");
        // Held-out simulations from the last proposal, the prior the last estimator was trained
        // under: SBC of that estimator and the retriever's predictions on spectra it never saw.
        ParameterDistribution lastProposal = posterior.prior();
        double[][] heldOut = lastProposal.sample(settings.calibrationSimulations(), streams.stream(CONTROL + 400));
        double[][] heldOutFeatures = compressor.compress(simulate(heldOut, simulated, null));
        simulated += heldOut.length;
        double[][][] heldOutSamples = new double[heldOut.length][][];
        NeuralPosterior last = posterior;
        for (int i = 0; i < heldOut.length; i++) {
            heldOutSamples[i] = last.sample(settings.calibrationSamples(), heldOutFeatures[i], streams.stream(CONTROL + 1000 + i));
            l.progress(i + 1, heldOut.length, null);
        }
        double[][] priorDraws = restriction == null ? null : prior.sample(firstTheta.length, streams.stream(CONTROL + 500));
        times.put("calibration", Duration.ofNanos(System.nanoTime() - start));

        start = System.nanoTime();
        l.stage("posterior predictive check");
        double[][] predictiveTheta = Arrays.copyOf(samples, Math.min(samples.length, settings.predictiveSimulations()));
        double[][] posteriorPredictive = simulate(predictiveTheta, simulated, null);
        simulated += predictiveTheta.length;
        times.put("posterior predictive check", Duration.ofNanos(System.nanoTime() - start));
        Checks checks = new Checks(priorPredictive, posteriorPredictive, heldOut, heldOutSamples, retriever.predict(heldOutFeatures),
                retriever.validationR2(), priorDraws, restriction == null ? null : firstTheta);
        return new Result(samples, weighted, rounds, restriction, compressor, posterior, observedFeatures, checks, warnings, times,
                simulated);
    }

    /**
     * Reports training epochs against the epoch where early stopping would end training if the
     * validation loss stopped improving now (the best epoch plus the patience, at most the
     * maximum), so the bar and its estimate of the time left follow what is known.
     */
    private Trainer.Listener trainingProgress(Listener l) {
        int patience = settings.npe().patience();
        int maxEpochs = settings.npe().maxEpochs();
        double[] best = {Double.POSITIVE_INFINITY};
        int[] bestEpoch = {0};
        return (epoch, train, validation) -> {
            if (validation < best[0]) {
                best[0] = validation;
                bestEpoch[0] = epoch;
            }
            l.progress(epoch, Math.min(maxEpochs, bestEpoch[0] + patience),
                    String.format(Locale.ROOT, "epoch %d, validation loss %.4f", epoch, validation));
        };
    }

    /**
     * SIXSA's first stage: a classifier learns which θ give valid simulations, by total counts
     * (simulated, from the run's first simulation streams) or by the fit statistic of the
     * model against the observation.
     */
    private RestrictionResult restrict(SbiSettings.Restriction r, Listener warn) {
        ValidityCriterion criterion = r.criterion() == SbiSettings.RestrictionCriterion.COUNTS
                ? CountsRangeCriterion.of((theta, first) -> totals(simulate(theta, first, null)), r.cmin(), r.cmax())
                : BestFractionCriterion.of((theta, first) -> statistics(theta), r.fraction());
        return PriorRestriction.builder(prior, criterion).simulationsPerRound(r.simulationsPerRound()).maxRounds(r.maxRounds())
                .targetValidFraction(r.targetValidFraction()).seed(settings.seed()).listener(new RestrictionListener() {
                    @Override
                    public void warning(String message) {
                        warn.warning(message);
                    }
                }).build().run();
    }

    private static double[] totals(double[][] spectra) {
        double[] out = new double[spectra.length];
        for (int i = 0; i < spectra.length; i++) {
            for (double c : spectra[i]) {
                out[i] += c;
            }
        }
        return out;
    }

    private double[] statistics(double[][] theta) {
        double[] out = new double[theta.length];
        ParallelBatches.forEachIndex(theta.length, settings.threads(), i -> out[i] = likelihood.statistic(theta[i]));
        return out;
    }

    /** Poisson spectra for the rows of {@code theta}; simulation k of the run uses stream k. */
    private double[][] simulate(double[][] theta, long firstIndex, Listener l) {
        int n = theta.length;
        int d = theta[0].length;
        int bins = simulator.totalBins();
        double[][] out = new double[n][];
        int chunk = 1000;
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            double[] free = new double[m * d];
            for (int i = 0; i < m; i++) {
                System.arraycopy(theta[from + i], 0, free, i * d, d);
            }
            double[] counts = new double[m * bins];
            simulator.simulate(free, m, streams, firstIndex + from, counts);
            for (int i = 0; i < m; i++) {
                out[from + i] = Arrays.copyOfRange(counts, i * bins, (i + 1) * bins);
            }
            if (l != null) {
                l.progress(from + m, n, null);
            }
        }
        return out;
    }
}
