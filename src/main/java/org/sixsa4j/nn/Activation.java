package org.sixsa4j.nn;

import java.util.List;
import java.util.Locale;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * The element-wise nonlinearities used between layers: GELU (Hendrycks &amp; Gimpel 2016, exact
 * erf form, as PyTorch's default {@code nn.GELU}), tanh and ReLU. Each constant is also a
 * parameter-free {@link Module} through {@link #module()}.
 */
public enum Activation {
    GELU, TANH, RELU;

    /** Applies the nonlinearity to every element of {@code x}. */
    public Tensor apply(Tape tape, Tensor x) {
        switch (this) {
            case GELU:
                return tape.gelu(x);
            case TANH:
                return tape.tanh(x);
            default:
                return tape.relu(x);
        }
    }

    /** A module that applies this nonlinearity, as {@code nn.GELU()}, {@code nn.Tanh()}, {@code nn.ReLU()}. */
    public Module module() {
        return new Layer(this);
    }

    /** The lower-case name used in architecture files ({@code gelu}, {@code tanh}, {@code relu}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The activation named {@code id} in an architecture file. */
    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "'; expected gelu, tanh or relu");
    }

    /** The activation as a module; the same in train and eval mode. */
    static final class Layer extends ModeSwitch {
        private final Activation activation;

        private Layer(Activation activation) {
            this.activation = activation;
        }

        Activation activation() {
            return activation;
        }

        @Override
        public Tensor forward(Tape tape, Tensor x) {
            return activation.apply(tape, x);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public String toString() {
            return activation.id();
        }
    }
}
