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
public final class AdamW extends AdamUpdate {

    private AdamW(Builder b) {
        super(b, true);
    }

    /** An optimizer with the default options over {@code parameters}. */
    public static AdamW of(List<Parameter> parameters) {
        return builder(parameters).build();
    }

    /** Options, starting from PyTorch's defaults. */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    /** Options of {@link AdamW}; the weight decay is the decoupled decay rate λ: the weights shrink by lr·λ per step; 0.01 by default. */
    public static final class Builder extends AdamOptions<Builder> {
        private Builder(List<Parameter> parameters) {
            super(parameters, 0.01);
        }

        @Override
        Builder self() {
            return this;
        }

        public AdamW build() {
            return new AdamW(this);
        }
    }
}
