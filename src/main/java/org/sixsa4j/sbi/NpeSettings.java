package org.sixsa4j.sbi;

import java.util.Arrays;
import org.sixsa4j.flow.MaskedAutoregressiveFlow.ContextScaling;

/**
 * The settings of neural posterior estimation: the flow's shape, the optimiser and the stopping
 * rule. The defaults are sbi's ({@code posterior_nn("maf")} and {@code NPE.train()}): 5 MADE
 * transforms of 2 blocks of 50 tanh units, context z-scored feature by feature, no embedding; Adam
 * at learning rate 5·10⁻⁴ on batches of 200, 10 % of each round held out for validation, training
 * stopped after 20 epochs without a lower validation loss, gradients clipped to norm 5. Immutable:
 * each {@code with} method returns a changed copy.
 */
public final class NpeSettings {

    /** The training loss once a round's simulations come from a proposal other than the prior. */
    public enum Loss {
        /**
         * −log q(θ | x) on all rounds' data, whatever proposal drew θ: right when every proposal
         * is the prior truncated to a region holding the posterior (TSNPE, Deistler et al. 2022).
         */
        MAXIMUM_LIKELIHOOD,
        /**
         * The atomic proposal-posterior loss of automatic posterior transformation (APT, SNPE-C;
         * Greenberg, Nonnenmacher &amp; Macke 2019, ICML): corrects for any proposal.
         */
        ATOMIC
    }

    private int transforms = 5;
    private int hiddenFeatures = 50;
    private int blocks = 2;
    private ContextScaling contextScaling = ContextScaling.INDEPENDENT;
    private int[] embeddingWidths = new int[0];
    private int batchSize = 200;
    private double learningRate = 5e-4;
    private double validationFraction = 0.1;
    private int patience = 20;
    private double clipNorm = 5;
    private int maxEpochs = 10_000;
    private Loss loss = Loss.MAXIMUM_LIKELIHOOD;
    private int atoms = 10;
    private long seed;
    private int threads = 1;

    /** sbi's defaults, seed 0, one thread. */
    public static NpeSettings defaults() {
        return new NpeSettings();
    }

    private NpeSettings copy() {
        NpeSettings c = new NpeSettings();
        c.transforms = transforms;
        c.hiddenFeatures = hiddenFeatures;
        c.blocks = blocks;
        c.contextScaling = contextScaling;
        c.embeddingWidths = embeddingWidths;
        c.batchSize = batchSize;
        c.learningRate = learningRate;
        c.validationFraction = validationFraction;
        c.patience = patience;
        c.clipNorm = clipNorm;
        c.maxEpochs = maxEpochs;
        c.loss = loss;
        c.atoms = atoms;
        c.seed = seed;
        c.threads = threads;
        return c;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The flow: {@code transforms} MADEs, each with {@code blocks} hidden blocks of {@code hiddenFeatures} units. */
    public NpeSettings withFlow(int transforms, int hiddenFeatures, int blocks) {
        require(transforms >= 1 && hiddenFeatures >= 1 && blocks >= 0,
                "flow needs transforms >= 1, hidden features >= 1, blocks >= 0; got " + transforms + ", " + hiddenFeatures + ", " + blocks);
        NpeSettings c = copy();
        c.transforms = transforms;
        c.hiddenFeatures = hiddenFeatures;
        c.blocks = blocks;
        return c;
    }

    public NpeSettings withContextScaling(ContextScaling scaling) {
        NpeSettings c = copy();
        c.contextScaling = scaling;
        return c;
    }

    /**
     * An MLP embedding of the scaled data, trained with the flow: hidden widths, then the
     * output width, e.g. {@code (100, 20)}; none to feed the data to the flow directly.
     */
    public NpeSettings withEmbedding(int... widths) {
        for (int w : widths) {
            require(w >= 1, "embedding widths must be >= 1, got " + Arrays.toString(widths));
        }
        NpeSettings c = copy();
        c.embeddingWidths = widths.clone();
        return c;
    }

    public NpeSettings withBatchSize(int batchSize) {
        require(batchSize >= 2, "batch size must be >= 2, got " + batchSize);
        NpeSettings c = copy();
        c.batchSize = batchSize;
        return c;
    }

    public NpeSettings withLearningRate(double learningRate) {
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0, got " + learningRate);
        NpeSettings c = copy();
        c.learningRate = learningRate;
        return c;
    }

    public NpeSettings withValidationFraction(double validationFraction) {
        require(validationFraction > 0 && validationFraction < 1, "validation fraction must be in (0, 1), got " + validationFraction);
        NpeSettings c = copy();
        c.validationFraction = validationFraction;
        return c;
    }

    /** Epochs without a lower validation loss before training stops (sbi: 20). */
    public NpeSettings withPatience(int patience) {
        require(patience >= 1, "patience must be >= 1, got " + patience);
        NpeSettings c = copy();
        c.patience = patience;
        return c;
    }

    /** The gradient-norm clip; 0 for none (sbi: 5). */
    public NpeSettings withClipNorm(double clipNorm) {
        require(clipNorm >= 0, "gradient clip must be >= 0, got " + clipNorm);
        NpeSettings c = copy();
        c.clipNorm = clipNorm;
        return c;
    }

    public NpeSettings withMaxEpochs(int maxEpochs) {
        require(maxEpochs >= 1, "max epochs must be >= 1, got " + maxEpochs);
        NpeSettings c = copy();
        c.maxEpochs = maxEpochs;
        return c;
    }

    /** The loss of later rounds, and for {@link Loss#ATOMIC} the number of atoms (sbi: 10). */
    public NpeSettings withLoss(Loss loss, int atoms) {
        require(atoms >= 2, "the atomic loss needs >= 2 atoms, got " + atoms);
        NpeSettings c = copy();
        c.loss = loss;
        c.atoms = atoms;
        return c;
    }

    /** The seed of the weights, the validation splits, the batch orders and the atoms. */
    public NpeSettings withSeed(long seed) {
        NpeSettings c = copy();
        c.seed = seed;
        return c;
    }

    /** Threads for the large matrix products of training; the result does not depend on it. */
    public NpeSettings withThreads(int threads) {
        require(threads >= 1, "threads must be >= 1, got " + threads);
        NpeSettings c = copy();
        c.threads = threads;
        return c;
    }

    public int transforms() {
        return transforms;
    }

    public int hiddenFeatures() {
        return hiddenFeatures;
    }

    public int blocks() {
        return blocks;
    }

    public ContextScaling contextScaling() {
        return contextScaling;
    }

    public int[] embeddingWidths() {
        return embeddingWidths.clone();
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public double validationFraction() {
        return validationFraction;
    }

    public int patience() {
        return patience;
    }

    public double clipNorm() {
        return clipNorm;
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    public Loss loss() {
        return loss;
    }

    public int atoms() {
        return atoms;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }
}
