package org.sixsa4j.nn.optim;

/**
 * Lowers an optimizer's learning rate when a monitored loss stops improving, with the semantics
 * of PyTorch's {@code torch.optim.lr_scheduler.ReduceLROnPlateau} in mode {@code min} with a
 * relative threshold.
 *
 * <p>After each epoch {@link #step(double)} receives the loss. A loss counts as an improvement
 * when it is below {@code best·(1 − threshold)}. Once more than {@code patience} epochs in a row
 * have not improved, the rate becomes {@code max(rate·factor, minLearningRate)}, unless that
 * changes it by no more than {@code eps}, and {@code cooldown} epochs follow during which bad
 * epochs are not counted. Defaults are PyTorch's: factor 0.1, patience 10, threshold 1e-4,
 * cooldown 0, minimum rate 0, eps 1e-8.
 */
public final class ReduceLROnPlateau {

    private final Optimizer optimizer;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final int cooldown;
    private final double minLearningRate;
    private final double eps;

    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;
    private int cooldownLeft;

    private ReduceLROnPlateau(Builder b) {
        this.optimizer = b.optimizer;
        this.factor = b.factor;
        this.patience = b.patience;
        this.threshold = b.threshold;
        this.cooldown = b.cooldown;
        this.minLearningRate = b.minLearningRate;
        this.eps = b.eps;
    }

    /** A scheduler with PyTorch's defaults; change them on the builder. */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    /**
     * Records one epoch's loss and lowers the learning rate if the plateau has lasted long enough.
     * A NaN loss never counts as an improvement, as in PyTorch.
     */
    public void step(double loss) {
        if (loss < best * (1 - threshold)) {
            best = loss;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double old = optimizer.learningRate();
            double reduced = Math.max(old * factor, minLearningRate);
            // PyTorch skips changes below eps so that a rate at its floor is not rewritten forever.
            if (old - reduced > eps) {
                optimizer.setLearningRate(reduced);
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    /** The lowest loss seen so far, {@code +∞} before the first step. */
    public double best() {
        return best;
    }

    /** Options of {@link ReduceLROnPlateau}, initialised to PyTorch's defaults. */
    public static final class Builder {
        private final Optimizer optimizer;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private int cooldown;
        private double minLearningRate;
        private double eps = 1e-8;

        private Builder(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        /** The multiplier applied to the rate on a plateau, in (0, 1). */
        public Builder factor(double factor) {
            if (!(factor > 0 && factor < 1)) {
                throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
            }
            this.factor = factor;
            return this;
        }

        /** How many epochs without improvement are tolerated before the rate drops. */
        public Builder patience(int patience) {
            if (patience < 0) {
                throw new IllegalArgumentException("patience must be >= 0, got " + patience);
            }
            this.patience = patience;
            return this;
        }

        /** The relative improvement below the best loss that counts as progress. */
        public Builder threshold(double threshold) {
            if (!(threshold >= 0)) {
                throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
            }
            this.threshold = threshold;
            return this;
        }

        /** Epochs after a reduction during which bad epochs are not counted. */
        public Builder cooldown(int cooldown) {
            if (cooldown < 0) {
                throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
            }
            this.cooldown = cooldown;
            return this;
        }

        /** The floor below which the rate is never lowered. */
        public Builder minLearningRate(double minLearningRate) {
            if (!(minLearningRate >= 0)) {
                throw new IllegalArgumentException("minimum learning rate must be >= 0, got " + minLearningRate);
            }
            this.minLearningRate = minLearningRate;
            return this;
        }

        /** The smallest change of rate worth applying. */
        public Builder eps(double eps) {
            if (!(eps >= 0)) {
                throw new IllegalArgumentException("eps must be >= 0, got " + eps);
            }
            this.eps = eps;
            return this;
        }

        public ReduceLROnPlateau build() {
            return new ReduceLROnPlateau(this);
        }
    }
}
