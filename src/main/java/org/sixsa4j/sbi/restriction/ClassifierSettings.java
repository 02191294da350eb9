package org.sixsa4j.sbi.restriction;

import java.util.Objects;
import org.sixsa4j.nn.Activation;

/**
 * How a {@link RestrictionClassifier} is built, trained and calibrated. The training defaults are
 * sbi's (Tejero-Cantero et al. 2020, JOSS 5(52), 2505) for its classifiers and its
 * {@code RestrictionEstimator.train}, which SIXSA runs (Barret &amp; Dupourqué 2024, A&amp;A):
 * an MLP with 2 hidden layers of 50 units, Adam at learning rate 5e-4, batches of 200, 10 % held
 * out, early stopping after 20 epochs without improvement, gradients clipped to total norm 5; no
 * false negatives allowed, with sbi's "frequentist" safety margin on the threshold.
 *
 * <p>Two defaults differ from sbi, on measurements: the units are GELU rather than ReLU, and
 * there is no batch norm. On the 3-D test problem (valid where θ₀ ≥ 0 under U(−1, 1)³, 2000
 * simulations a round, three seeds) the share of restricted-prior draws that were valid was
 * 0.997–0.998 with GELU, 0.994–0.997 with ReLU and 0.989–0.995 with GELU and batch norm: a
 * smooth unit draws a sharper boundary, and batch statistics jitter every hidden unit by about
 * 1/√batch. sbi trains without an epoch limit; here {@link Builder#maxEpochs} (default 1000)
 * bounds the run, which early stopping ended after 150–500 epochs there. Immutable.
 */
public final class ClassifierSettings {

    /** The network: a plain MLP, or nflows' residual net (Linear, residual blocks, Linear) as sbi's {@code resnet}. */
    public enum Architecture { MLP, RESIDUAL }

    private static final ClassifierSettings DEFAULTS = builder().build();

    private final Architecture architecture;
    private final int hiddenFeatures;
    private final int hiddenLayers;
    private final Activation activation;
    private final boolean batchNorm;
    private final double dropout;
    private final double learningRate;
    private final int batchSize;
    private final double validationFraction;
    private final int patience;
    private final int maxEpochs;
    private final double clipGradientNorm;
    private final double allowedFalseNegatives;
    private final boolean safetyMargin;
    private final int threads;

    private ClassifierSettings(Builder b) {
        this.architecture = b.architecture;
        this.hiddenFeatures = b.hiddenFeatures;
        this.hiddenLayers = b.hiddenLayers;
        this.activation = b.activation;
        this.batchNorm = b.batchNorm;
        this.dropout = b.dropout;
        this.learningRate = b.learningRate;
        this.batchSize = b.batchSize;
        this.validationFraction = b.validationFraction;
        this.patience = b.patience;
        this.maxEpochs = b.maxEpochs;
        this.clipGradientNorm = b.clipGradientNorm;
        this.allowedFalseNegatives = b.allowedFalseNegatives;
        this.safetyMargin = b.safetyMargin;
        this.threads = b.threads;
    }

    /** sbi's defaults, as listed above. */
    public static ClassifierSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The width of every hidden layer (residual blocks keep it). */
    public int hiddenFeatures() {
        return hiddenFeatures;
    }

    /** Hidden layers of the MLP, or residual blocks of the residual net. */
    public int hiddenLayers() {
        return hiddenLayers;
    }

    public Activation activation() {
        return activation;
    }

    public boolean batchNorm() {
        return batchNorm;
    }

    /** The dropout probability after each hidden activation (inside each residual block). */
    public double dropout() {
        return dropout;
    }

    public double learningRate() {
        return learningRate;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The share of the data held out to calibrate the threshold, and then of the rest held out to stop training. */
    public double validationFraction() {
        return validationFraction;
    }

    public int patience() {
        return patience;
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    public double clipGradientNorm() {
        return clipGradientNorm;
    }

    /** The fraction of held-out valid points the threshold may reject. */
    public double allowedFalseNegatives() {
        return allowedFalseNegatives;
    }

    /** Whether the threshold is lowered by sbi's "frequentist" margin (see {@link RestrictionClassifier}). */
    public boolean safetyMargin() {
        return safetyMargin;
    }

    public int threads() {
        return threads;
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.architecture = architecture;
        b.hiddenFeatures = hiddenFeatures;
        b.hiddenLayers = hiddenLayers;
        b.activation = activation;
        b.batchNorm = batchNorm;
        b.dropout = dropout;
        b.learningRate = learningRate;
        b.batchSize = batchSize;
        b.validationFraction = validationFraction;
        b.patience = patience;
        b.maxEpochs = maxEpochs;
        b.clipGradientNorm = clipGradientNorm;
        b.allowedFalseNegatives = allowedFalseNegatives;
        b.safetyMargin = safetyMargin;
        b.threads = threads;
        return b;
    }

    @Override
    public String toString() {
        return architecture + " " + hiddenLayers + "×" + hiddenFeatures + " " + activation.id() + (batchNorm ? " batch-norm" : "")
                + (dropout > 0 ? " dropout " + dropout : "") + ", Adam " + learningRate + ", batch " + batchSize + ", validation "
                + validationFraction + ", patience " + patience + ", clip " + clipGradientNorm + ", false negatives "
                + allowedFalseNegatives + (safetyMargin ? " with margin" : "");
    }

    /** Options of {@link ClassifierSettings}; each setter checks its value. */
    public static final class Builder {
        private Architecture architecture = Architecture.MLP;
        private int hiddenFeatures = 50;
        private int hiddenLayers = 2;
        private Activation activation = Activation.GELU;
        private boolean batchNorm;
        private double dropout;
        private double learningRate = 5e-4;
        private int batchSize = 200;
        private double validationFraction = 0.1;
        private int patience = 20;
        private int maxEpochs = 1000;
        private double clipGradientNorm = 5;
        private double allowedFalseNegatives;
        private boolean safetyMargin = true;
        private int threads = 1;

        private Builder() {
        }

        public Builder architecture(Architecture architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        public Builder hiddenFeatures(int hiddenFeatures) {
            if (hiddenFeatures < 1) {
                throw new IllegalArgumentException("classifier hidden features must be >= 1, got " + hiddenFeatures);
            }
            this.hiddenFeatures = hiddenFeatures;
            return this;
        }

        public Builder hiddenLayers(int hiddenLayers) {
            if (hiddenLayers < 1) {
                throw new IllegalArgumentException("classifier hidden layers must be >= 1, got " + hiddenLayers);
            }
            this.hiddenLayers = hiddenLayers;
            return this;
        }

        public Builder activation(Activation activation) {
            this.activation = Objects.requireNonNull(activation, "activation");
            return this;
        }

        public Builder batchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        public Builder dropout(double dropout) {
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("classifier dropout must be in [0, 1), got " + dropout);
            }
            this.dropout = dropout;
            return this;
        }

        public Builder learningRate(double learningRate) {
            if (!(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new IllegalArgumentException("classifier learning rate must be > 0, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 2) {
                throw new IllegalArgumentException("classifier batch size must be >= 2, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder validationFraction(double validationFraction) {
            if (!(validationFraction > 0 && validationFraction < 0.5)) {
                throw new IllegalArgumentException("classifier validation fraction must be in (0, 0.5), got " + validationFraction);
            }
            this.validationFraction = validationFraction;
            return this;
        }

        public Builder patience(int patience) {
            if (patience < 1) {
                throw new IllegalArgumentException("classifier patience must be >= 1, got " + patience);
            }
            this.patience = patience;
            return this;
        }

        public Builder maxEpochs(int maxEpochs) {
            if (maxEpochs < 1) {
                throw new IllegalArgumentException("classifier max epochs must be >= 1, got " + maxEpochs);
            }
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** The total gradient norm each step is clipped to; 0 for no clipping. */
        public Builder clipGradientNorm(double clipGradientNorm) {
            if (!(clipGradientNorm >= 0)) {
                throw new IllegalArgumentException("classifier gradient clip norm must be >= 0, got " + clipGradientNorm);
            }
            this.clipGradientNorm = clipGradientNorm;
            return this;
        }

        /** The fraction of held-out valid points the threshold may reject, in [0, 1); 0 keeps inference exact. */
        public Builder allowedFalseNegatives(double allowedFalseNegatives) {
            if (!(allowedFalseNegatives >= 0 && allowedFalseNegatives < 1)) {
                throw new IllegalArgumentException("allowed false-negative fraction must be in [0, 1), got " + allowedFalseNegatives);
            }
            this.allowedFalseNegatives = allowedFalseNegatives;
            return this;
        }

        public Builder safetyMargin(boolean safetyMargin) {
            this.safetyMargin = safetyMargin;
            return this;
        }

        /** Threads for the network's large matrix products; results do not depend on it. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("classifier threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public ClassifierSettings build() {
            return new ClassifierSettings(this);
        }
    }
}
