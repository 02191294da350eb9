package org.sixsa4j.compress;

import java.util.Arrays;

/**
 * The settings of {@link SpectralAutoEncoder}: the network's shape, the optimiser and the
 * stopping rule.
 *
 * <p>Defaults: a latent vector of 64 (SIXSA's paper III setting); hidden widths bins/2, bins/4
 * and bins/8, each at least the latent size (the default of bsixsa's auto-encoder, whose layers
 * halve towards the latent vector); and the training of bsixsa's embedding loop: Adam at learning
 * rate 5·10⁻⁴ with an L2 weight decay of 10⁻⁵, batches of 128, 10 % of the spectra held out for
 * validation, gradients clipped to norm 5, the learning rate divided by 5 after 10 epochs without
 * progress, and training stopped after 20 epochs without a validation loss lower by 0.01 than the
 * best (or after 1000 epochs). Seed 0, one thread; the thread count does not change the result.
 * Immutable: each {@code with} method returns a changed copy.
 */
public final class AutoEncoderSettings {

    private int latentSize = 64;
    private int[] hiddenWidths;
    private int batchSize = 128;
    private double learningRate = 5e-4;
    private double weightDecay = 1e-5;
    private double validationFraction = 0.1;
    private int patience = 20;
    private double minDelta = 0.01;
    private int maxEpochs = 1000;
    private double clipNorm = 5;
    private long seed;
    private int threads = 1;

    private AutoEncoderSettings() {
    }

    /** The defaults above. */
    public static AutoEncoderSettings defaults() {
        return new AutoEncoderSettings();
    }

    private AutoEncoderSettings copy() {
        AutoEncoderSettings c = new AutoEncoderSettings();
        c.latentSize = latentSize;
        c.hiddenWidths = hiddenWidths;
        c.batchSize = batchSize;
        c.learningRate = learningRate;
        c.weightDecay = weightDecay;
        c.validationFraction = validationFraction;
        c.patience = patience;
        c.minDelta = minDelta;
        c.maxEpochs = maxEpochs;
        c.clipNorm = clipNorm;
        c.seed = seed;
        c.threads = threads;
        return c;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The size of the latent vector, the compressed spectrum; ≥ 1. */
    public AutoEncoderSettings withLatentSize(int latentSize) {
        require(latentSize >= 1, "auto-encoder latent size must be >= 1, got " + latentSize);
        AutoEncoderSettings c = copy();
        c.latentSize = latentSize;
        return c;
    }

    /**
     * The encoder's hidden widths from the input side, each ≥ 1 (none for a single linear layer);
     * the decoder takes them in reverse.
     */
    public AutoEncoderSettings withHiddenWidths(int... widths) {
        for (int w : widths) {
            require(w >= 1, "auto-encoder hidden widths must be >= 1, got " + Arrays.toString(widths));
        }
        AutoEncoderSettings c = copy();
        c.hiddenWidths = widths.clone();
        return c;
    }

    /** Training spectra per step, ≥ 2 (batch norm needs two). */
    public AutoEncoderSettings withBatchSize(int batchSize) {
        require(batchSize >= 2, "auto-encoder batch size must be >= 2, got " + batchSize);
        AutoEncoderSettings c = copy();
        c.batchSize = batchSize;
        return c;
    }

    /** Adam's initial learning rate, > 0. */
    public AutoEncoderSettings withLearningRate(double learningRate) {
        require(learningRate > 0 && Double.isFinite(learningRate), "auto-encoder learning rate must be > 0, got " + learningRate);
        AutoEncoderSettings c = copy();
        c.learningRate = learningRate;
        return c;
    }

    /** Adam's L2 weight decay λ (λθ added to the gradient), ≥ 0. */
    public AutoEncoderSettings withWeightDecay(double weightDecay) {
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "auto-encoder weight decay must be >= 0, got " + weightDecay);
        AutoEncoderSettings c = copy();
        c.weightDecay = weightDecay;
        return c;
    }

    /** The share of spectra held out to decide when to stop, in (0, 1). */
    public AutoEncoderSettings withValidationFraction(double validationFraction) {
        require(validationFraction > 0 && validationFraction < 1,
                "auto-encoder validation fraction must be in (0, 1), got " + validationFraction);
        AutoEncoderSettings c = copy();
        c.validationFraction = validationFraction;
        return c;
    }

    /** Epochs without improvement that end training, ≥ 1. */
    public AutoEncoderSettings withPatience(int patience) {
        require(patience >= 1, "auto-encoder patience must be >= 1, got " + patience);
        AutoEncoderSettings c = copy();
        c.patience = patience;
        return c;
    }

    /** How much lower than the best a validation C-stat must be to count as progress, ≥ 0. */
    public AutoEncoderSettings withMinDelta(double minDelta) {
        require(minDelta >= 0 && Double.isFinite(minDelta), "auto-encoder min delta must be >= 0, got " + minDelta);
        AutoEncoderSettings c = copy();
        c.minDelta = minDelta;
        return c;
    }

    /** The most epochs trained, ≥ 1. */
    public AutoEncoderSettings withMaxEpochs(int maxEpochs) {
        require(maxEpochs >= 1, "auto-encoder max epochs must be >= 1, got " + maxEpochs);
        AutoEncoderSettings c = copy();
        c.maxEpochs = maxEpochs;
        return c;
    }

    /** The total gradient norm each step is clipped to; 0 turns clipping off. */
    public AutoEncoderSettings withClipNorm(double clipNorm) {
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "auto-encoder clip norm must be >= 0, got " + clipNorm);
        AutoEncoderSettings c = copy();
        c.clipNorm = clipNorm;
        return c;
    }

    /** The seed of the initial weights, the validation split and the batch order. */
    public AutoEncoderSettings withSeed(long seed) {
        AutoEncoderSettings c = copy();
        c.seed = seed;
        return c;
    }

    /** Threads for the large matrix products; the result is the same for any count. */
    public AutoEncoderSettings withThreads(int threads) {
        require(threads >= 1, "auto-encoder threads must be >= 1, got " + threads);
        AutoEncoderSettings c = copy();
        c.threads = threads;
        return c;
    }

    public int latentSize() {
        return latentSize;
    }

    /** The hidden widths set with {@link #withHiddenWidths}, or null for the default that depends on the number of bins. */
    public int[] hiddenWidths() {
        return hiddenWidths == null ? null : hiddenWidths.clone();
    }

    /** The encoder's hidden widths for spectra of {@code bins} bins: the ones set, or bins/2, bins/4, bins/8, each at least the latent size. */
    public int[] hiddenWidths(int bins) {
        if (hiddenWidths != null) {
            return hiddenWidths.clone();
        }
        return new int[] {Math.max(bins / 2, latentSize), Math.max(bins / 4, latentSize), Math.max(bins / 8, latentSize)};
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public double validationFraction() {
        return validationFraction;
    }

    public int patience() {
        return patience;
    }

    public double minDelta() {
        return minDelta;
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    public double clipNorm() {
        return clipNorm;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "AutoEncoderSettings[latentSize=" + latentSize + ", hiddenWidths="
                + (hiddenWidths == null ? "default" : Arrays.toString(hiddenWidths)) + ", batchSize=" + batchSize
                + ", learningRate=" + learningRate + ", weightDecay=" + weightDecay + ", validationFraction=" + validationFraction
                + ", patience=" + patience + ", minDelta=" + minDelta + ", maxEpochs=" + maxEpochs + ", clipNorm=" + clipNorm
                + ", seed=" + seed + ", threads=" + threads + "]";
    }
}
