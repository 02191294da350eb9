package org.sixsa4j.nn.optim;

import java.util.List;
import org.sixsa4j.nn.Parameter;

/**
 * The options shared by {@link Adam} and {@link AdamW}, with PyTorch's defaults (learning rate
 * 1e-3, betas 0.9 and 0.999, eps 1e-8); each builder sets its own default weight decay and
 * what the decay means.
 *
 * @param <B> the builder's own type, returned by every setter
 */
public abstract class AdamOptions<B extends AdamOptions<B>> {
    final List<Parameter> parameters;
    double learningRate = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay;

    AdamOptions(List<Parameter> parameters, double weightDecay) {
        this.parameters = parameters;
        this.weightDecay = weightDecay;
    }

    abstract B self();

    /** The step size. */
    public B learningRate(double learningRate) {
        this.learningRate = learningRate;
        return self();
    }

    /** The decay rates of the first and second moment estimates. */
    public B betas(double beta1, double beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return self();
    }

    /** Added to the denominator for numerical stability. */
    public B eps(double eps) {
        this.eps = eps;
        return self();
    }

    /** The weight decay λ (see the optimizer for how it is applied). */
    public B weightDecay(double weightDecay) {
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
        return self();
    }
}
