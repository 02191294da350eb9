package org.sixsa4j.nn.optim;

import java.util.List;
import org.sixsa4j.nn.Parameter;

/**
 * AdamW (Loshchilov &amp; Hutter 2019, "Decoupled weight decay regularization", ICLR) with the
 * semantics of PyTorch's {@code torch.optim.AdamW}: before each Adam step the weights shrink as
 * θ ← θ(1 − lr·λ), so the decay is not rescaled by the adaptive denominator.
 *
 * <p>Defaults are PyTorch's: learning rate 1e-3, betas 0.9 and 0.999, eps 1e-8, weight decay
 * 0.01.
 */
public final class AdamW implements Optimizer {

    private final AdamUpdate update;
    private final double weightDecay;

    private AdamW(Builder b) {
        this.update = new AdamUpdate(b.parameters, b.learningRate, b.beta1, b.beta2, b.eps);
        this.weightDecay = b.weightDecay;
    }

    /** An optimizer with the default options over {@code parameters}. */
    public static AdamW of(List<Parameter> parameters) {
        return builder(parameters).build();
    }

    /** Options, starting from PyTorch's defaults. */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    public void step() {
        update.step(weightDecay, true);
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

    /** Options of {@link AdamW}. */
    public static final class Builder {
        private final List<Parameter> parameters;
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay = 0.01;

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

        /** The decoupled decay rate λ; the weights shrink by lr·λ per step. 0.01 by default. */
        public Builder weightDecay(double weightDecay) {
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
            }
            this.weightDecay = weightDecay;
            return this;
        }

        public AdamW build() {
            return new AdamW(this);
        }
    }
}
