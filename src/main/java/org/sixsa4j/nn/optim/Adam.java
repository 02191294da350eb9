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
public final class Adam extends AdamUpdate {

    private Adam(Builder b) {
        super(b, false);
    }

    /** An optimizer with the default options over {@code parameters}. */
    public static Adam of(List<Parameter> parameters) {
        return builder(parameters).build();
    }

    /** Options, starting from PyTorch's defaults. */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    /** Options of {@link Adam}; the weight decay is the L2 penalty coefficient λ, added as λθ to the gradient; 0 by default. */
    public static final class Builder extends AdamOptions<Builder> {
        private Builder(List<Parameter> parameters) {
            super(parameters, 0);
        }

        @Override
        Builder self() {
            return this;
        }

        public Adam build() {
            return new Adam(this);
        }
    }
}
