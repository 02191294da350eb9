package org.sixsa4j.nn.optim;

import java.util.List;
import org.sixsa4j.nn.Parameter;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: a method for stochastic optimization", ICLR) with the
 * semantics of PyTorch's {@code torch.optim.Adam}: bias-corrected moments, ε added to the
 * corrected root second moment, and a weight decay λ that adds λθ to the gradient (an L2
 * penalty, which Adam then rescales per coordinate).
 *
 * <p>Defaults are PyTorch's: learning rate 1e-3, betas 0.9 and 0.999, eps 1e-8, weight decay 0.
 * See {@link AdamW} for decay decoupled from the gradient.
 */
public final class Adam implements Optimizer {

    private final AdamUpdate update;
    private final double weightDecay;

    private Adam(Builder b) {
        this.update = new AdamUpdate(b.parameters, b.learningRate, b.beta1, b.beta2, b.eps);
        this.weightDecay = b.weightDecay;
    }

    /** An optimizer with the default options over {@code parameters}. */
    public static Adam of(List<Parameter> parameters) {
        return builder(parameters).build();
    }

    /** Options, starting from PyTorch's defaults. */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    public void step() {
        update.step(weightDecay, false);
    }

    @Override
    public void zeroGrad() {
        update.zeroGrad();
    }

    @Override
    public double learningRate() {
        return update.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        update.setLearningRate(learningRate);
    }

    /** Options of {@link Adam}. */
    public static final class Builder {
        private final List<Parameter> parameters;
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay = 0;

        private Builder(List<Parameter> parameters) {
            this.parameters = parameters;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The decay rates of the first and second moment estimates. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** Added to the denominator for numerical stability. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** The L2 penalty coefficient λ added as λθ to the gradient; 0 by default. */
        public Builder weightDecay(double weightDecay) {
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
            }
            this.weightDecay = weightDecay;
            return this;
        }

        public Adam build() {
            return new Adam(this);
        }
    }
}
