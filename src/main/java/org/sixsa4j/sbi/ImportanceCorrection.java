package org.sixsa4j.sbi;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.sixsa4j.simulate.RandomStreams;

/**
 * The last stage of SIXSA's inference for one spectrum, shared by a run ({@link SbiPipeline}) and
 * by amortized use of a saved estimator: the neural posterior at the spectrum's features is the
 * proposal of {@link ImportanceSampling} against the exact likelihood and the true prior, mixed
 * with the estimator's own prior as the defensive component, optionally screened by a
 * {@link LikelihoodEmulator} trained on a pilot run; the weighted draws are then resampled to
 * equal-weight posterior samples.
 *
 * @param weighted the importance-weighted draws, with their ESS, Pareto k̂ and evidence
 * @param samples {@link SbiSettings#posteriorSamples()} equal-weight posterior samples drawn from them
 */
public record ImportanceCorrection(WeightedSample weighted, double[][] samples) {

    /**
     * Runs the stage. Random draws come from three streams of {@code streams}: {@code firstStream}
     * for the emulator's pilot draws, {@code firstStream + 1} for the importance draws and
     * {@code firstStream + 2} for the resampling, so the result depends only on the seed.
     *
     * @param posterior the neural posterior; its {@link NeuralPosterior#prior()} (the prior, or the
     *        last truncated proposal) is the defensive component
     * @param features the spectrum's compressed features
     * @param prior the prior of the posterior sought
     * @param logLikelihood the exact log-likelihood of the spectrum (thread-safe)
     * @param settings draws, defensive fraction, samples, emulator, seed and threads
     * @param warnings receives one-line warnings with advice (low ESS, large k̂); may be null
     * @param progress receives the number of importance draws evaluated so far; may be null
     */
    public static ImportanceCorrection run(NeuralPosterior posterior, double[] features, ParameterDistribution prior,
            LogDensity logLikelihood, SbiSettings settings, RandomStreams streams, long firstStream, Consumer<String> warnings,
            LongConsumer progress) {
        ImportanceSampling is = new ImportanceSampling(posterior.at(features), posterior.prior(), settings.defensiveFraction(), prior,
                logLikelihood, settings.threads());
        LikelihoodEmulator emulator = null;
        if (settings.emulator()) {
            WeightedSample pilot = is.run(settings.emulatorTraining(), streams.stream(firstStream), null);
            double[][] theta = new double[pilot.size()][];
            double[] logL = new double[pilot.size()];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = pilot.theta(i);
                logL[i] = pilot.logLikelihood(i);
            }
            emulator = LikelihoodEmulator.train(theta, logL, settings.seed(), settings.threads());
        }
        WeightedSample weighted = (progress == null ? is : is.withProgress(progress)).run(settings.importanceDraws(), emulator, settings.emulatorKeep(), streams.stream(firstStream + 1),
                warnings);
        return of(weighted, settings, streams, firstStream);
    }

    /**
     * The stage's result from weighted draws already made (a run resumed from its checkpoint):
     * the same resampling as {@link #run}, from stream {@code firstStream + 2}.
     */
    public static ImportanceCorrection of(WeightedSample weighted, SbiSettings settings, RandomStreams streams, long firstStream) {
        return new ImportanceCorrection(weighted, weighted.resample(settings.posteriorSamples(), streams.stream(firstStream + 2)));
    }
}
