package org.sixsa4j.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.nn.Activation;
import org.sixsa4j.nn.Mlp;
import org.sixsa4j.nn.Module;
import org.sixsa4j.nn.Sequential;
import org.sixsa4j.nn.Trainer;
import org.sixsa4j.nn.TrainingHistory;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.nn.optim.ReduceLROnPlateau;

/**
 * The auto-encoder of Barret &amp; Dupourqué (2026, "Simulation-based inference with neural
 * posterior estimation applied to X-ray spectral fitting III", A&amp;A 708, A280,
 * arXiv:2512.16709): a network that squeezes a spectrum through a short latent vector and is
 * trained to rebuild the spectrum from it, judged by the Cash statistic; the latent vector is the
 * compressed spectrum.
 *
 * <p>The input is the standardised log1p counts z_j = (ln(1 + n_j) − m_j)/s_j of the training
 * spectra. The encoder is a stack of Linear–BatchNorm1d–GELU blocks followed by a linear layer to
 * the latent vector; the decoder mirrors it back to one output y_j per bin. The output is undone
 * like the input, o_j = y_j·s_j + m_j, so that an untrained decoder already starts near the mean
 * spectrum, and made into positive model counts by μ_j = expm1(clamp(o_j, ln(1 + 10⁻⁶), 30)).
 * The floor keeps μ ≥ 10⁻⁶ counts, so that ln μ, and the C-stat of a bin with counts, stay
 * finite; the ceiling, 1.1·10¹³ counts, lies far above any bin's counts and keeps expm1 finite in
 * float32, which overflows past 88.7. The loss compares the raw counts n with μ: the C-stat of
 * each spectrum, 2 Σ_j (μ_j − n_j + n_j ln(n_j/μ_j)), averaged over the batch (Cash 1979; see
 * {@link org.sixsa4j.stat.CStat} for the convention at n = 0).
 *
 * <p>{@link #fit} builds a fresh network each call, so refitting on each round's simulations, as
 * the paper does, is a call per round. The features are the encoder's output in eval mode (batch
 * norm on its running statistics), computed in float32 like training. Deterministic for a given
 * seed whatever the thread count. Compressing is synchronized: the layers keep per-call scratch.
 */
public final class SpectralAutoEncoder implements Compressor {

    /** The smallest model count, 10⁻⁶, as the floor of ln(1 + μ). */
    static final double MIN_LOG_MODEL = Math.log1p(1e-6);
    /** The ceiling of ln(1 + μ). */
    static final double MAX_LOG_MODEL = 30;
    private static final String WHAT = "auto-encoder";
    /** Spectra per pass when compressing, to bound the memory of a large batch. */
    private static final int CHUNK = 1024;
    /** Bsixsa's plateau schedule: the learning rate is divided by 5 after 10 epochs without progress. */
    private static final double PLATEAU_FACTOR = 0.2;
    private static final int PLATEAU_PATIENCE = 10;

    private final AutoEncoderSettings settings;
    private final LogCountScaling scaling;
    private final Module encoder;
    private final Module decoder;
    /** Set once by {@link #fit} before the auto-encoder is handed out; null when read from files. */
    private TrainingHistory history;
    private final FMatrixRMaj meanRow;
    private final FMatrixRMaj scaleRow;

    SpectralAutoEncoder(AutoEncoderSettings settings, LogCountScaling scaling, Module encoder, Module decoder) {
        this.settings = settings;
        this.scaling = scaling;
        this.encoder = encoder;
        this.decoder = decoder;
        int bins = scaling.bins();
        this.meanRow = new FMatrixRMaj(1, bins);
        this.scaleRow = new FMatrixRMaj(1, bins);
        for (int j = 0; j < bins; j++) {
            meanRow.data[j] = (float) scaling.mean()[j];
            scaleRow.data[j] = (float) scaling.scale()[j];
        }
    }

    /** Trains an auto-encoder on the rows of {@code counts} (spectra × bins); see {@link #fit(double[][], AutoEncoderSettings, Trainer.Listener)}. */
    public static SpectralAutoEncoder fit(double[][] counts, AutoEncoderSettings settings) {
        return fit(counts, settings, null);
    }

    /**
     * Trains a fresh auto-encoder on the rows of {@code counts} (spectra × bins). A seeded random
     * share of them, the settings' validation fraction, is held out to decide when to stop; the
     * standardisation is fitted to the others, the training spectra, only; the weights of the
     * best validation C-stat are kept.
     *
     * @param listener receives each epoch's mean C-stats (training, validation); may be null
     * @throws IllegalArgumentException if there are too few spectra for training and validation,
     *     they differ in length, or a count is negative or not finite
     * @throws org.sixsa4j.nn.NonFiniteLossException if training diverges
     */
    public static SpectralAutoEncoder fit(double[][] counts, AutoEncoderSettings settings, Trainer.Listener listener) {
        Spectra.requireTraining(counts, WHAT);
        int n = counts.length;
        int validation = (int) Math.round(n * settings.validationFraction());
        if (validation < 1 || n - validation < 2) {
            throw new IllegalArgumentException(WHAT + ": " + n + " spectra with validation fraction " + settings.validationFraction()
                    + " leave " + (n - validation) + " for training and " + validation + " for validation; need >= 2 and >= 1");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed());
        int[] order = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, order);
        double[][] training = new double[n - validation][];
        for (int i = validation; i < n; i++) {
            training[i - validation] = counts[order[i]];
        }
        LogCountScaling scaling = LogCountScaling.fit(training, WHAT);
        int bins = scaling.bins();
        Examples validationRows = Examples.of(scaling, counts, order, 0, validation);
        Examples trainingRows = Examples.of(scaling, counts, order, validation, n);

        int[] hidden = settings.hiddenWidths(bins);
        Sequential encoder = network(bins, hidden, settings.latentSize(), false, rng);
        Sequential decoder = network(bins, hidden, settings.latentSize(), true, rng);
        SpectralAutoEncoder model = new SpectralAutoEncoder(settings, scaling, encoder, decoder);

        Sequential both = new Sequential(encoder, decoder);
        Adam adam = Adam.builder(both.parameters()).learningRate(settings.learningRate()).weightDecay(settings.weightDecay()).build();
        model.history = Trainer.builder(both, adam, (tape, x, y) -> CStatLoss.mean(tape, model.reconstruct(tape, x), y))
                .batchSize(settings.batchSize())
                .maxEpochs(settings.maxEpochs())
                .validationFraction(settings.validationFraction())
                .patience(settings.patience())
                .minDelta(settings.minDelta())
                .clipGradientNorm(settings.clipNorm())
                .scheduler(ReduceLROnPlateau.builder(adam).factor(PLATEAU_FACTOR).patience(PLATEAU_PATIENCE).build())
                .listener(listener)
                .seed(rng.nextLong())
                .threads(settings.threads())
                .build()
                .fit(trainingRows.inputs(), trainingRows.targets(), validationRows.inputs(), validationRows.targets());
        return model;
    }

    /** The network's inputs (standardised log1p counts) and targets (the counts) for some spectra. */
    private record Examples(FMatrixRMaj inputs, FMatrixRMaj targets) {

        /** The examples of spectra {@code counts[order[from]] … counts[order[to − 1]]}. */
        static Examples of(LogCountScaling scaling, double[][] counts, int[] order, int from, int to) {
            int bins = scaling.bins();
            FMatrixRMaj inputs = new FMatrixRMaj(to - from, bins);
            FMatrixRMaj targets = new FMatrixRMaj(to - from, bins);
            for (int i = from; i < to; i++) {
                double[] spectrum = counts[order[i]];
                for (int j = 0; j < bins; j++) {
                    inputs.data[(i - from) * bins + j] = (float) scaling.standardize(spectrum, j);
                    targets.data[(i - from) * bins + j] = (float) spectrum[j];
                }
            }
            return new Examples(inputs, targets);
        }
    }

    /** The encoder (bins → hidden… → latent) or, reversed, the decoder (latent → …hidden → bins). */
    private static Sequential network(int bins, int[] hidden, int latent, boolean decoder, UniformRandomProvider rng) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = bins;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = latent;
        if (decoder) {
            for (int i = 0, k = sizes.length - 1; i < k; i++, k--) {
                int t = sizes[i];
                sizes[i] = sizes[k];
                sizes[k] = t;
            }
        }
        return Mlp.builder(sizes).activation(Activation.GELU).batchNorm(true).build(rng);
    }

    /** Records μ = expm1(clamp(decoder(encoder(z))·s + m)) for standardised inputs z. */
    private Tensor reconstruct(Tape tape, Tensor standardized) {
        Tensor y = decoder.forward(tape, encoder.forward(tape, standardized));
        Tensor logModel = tape.add(tape.mulConstant(y, scaleRow), tape.constant(meanRow));
        return tape.expm1(tape.clamp(logModel, MIN_LOG_MODEL, MAX_LOG_MODEL));
    }

    @Override
    public int inputSize() {
        return scaling.bins();
    }

    @Override
    public int outputSize() {
        return settings.latentSize();
    }

    /** {@code latent1}, {@code latent2}, … */
    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= outputSize(); k++) {
            names.add("latent" + k);
        }
        return List.copyOf(names);
    }

    @Override
    public double[] compress(double[] counts) {
        return compress(new double[][] {counts})[0];
    }

    /** The latent vectors of the rows of {@code counts}, computed in chunks of 1024 spectra. */
    @Override
    public synchronized double[][] compress(double[][] counts) {
        return apply(counts, false);
    }

    /** The model counts μ that the decoder rebuilds from the latent vector of {@code counts}. */
    public double[] reconstruct(double[] counts) {
        return reconstruct(new double[][] {counts})[0];
    }

    /** {@link #reconstruct(double[])} of each row. */
    public synchronized double[][] reconstruct(double[][] counts) {
        return apply(counts, true);
    }

    private double[][] apply(double[][] counts, boolean reconstruct) {
        int bins = inputSize();
        for (double[] row : counts) {
            Spectra.requireLength(row, bins, WHAT);
        }
        double[][] out = new double[counts.length][];
        FMatrixRMaj batch = new FMatrixRMaj(1, 1);
        try (Tape tape = Tape.create(settings.threads())) {
            for (int from = 0; from < counts.length; from += CHUNK) {
                int to = Math.min(counts.length, from + CHUNK);
                batch.reshape(to - from, bins);
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < bins; j++) {
                        batch.data[(i - from) * bins + j] = (float) scaling.standardize(counts[i], j);
                    }
                }
                Tensor x = tape.constant(batch);
                FMatrixRMaj result = (reconstruct ? reconstruct(tape, x) : encoder.forward(tape, x)).value();
                for (int i = from; i < to; i++) {
                    double[] row = new double[result.numCols];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = result.data[(i - from) * result.numCols + k];
                    }
                    out[i] = row;
                }
                tape.reset();
            }
        }
        return out;
    }

    public AutoEncoderSettings settings() {
        return settings;
    }

    /** The losses of the training run; empty for an auto-encoder read back from files. */
    public Optional<TrainingHistory> history() {
        return Optional.ofNullable(history);
    }

    Module encoder() {
        return encoder;
    }

    Module decoder() {
        return decoder;
    }

    LogCountScaling scaling() {
        return scaling;
    }

    @Override
    public String toString() {
        return "SpectralAutoEncoder[" + inputSize() + " bins → " + outputSize() + " latent]";
    }
}
