package org.sixsa4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Builds a multilayer perceptron as a {@link Sequential}: for each hidden width, Linear, then
 * optionally BatchNorm1d, the activation, then optionally Dropout; a final Linear to the output
 * width. The same layer order in PyTorch's {@code nn.Sequential} gives the same state-dict keys.
 *
 * <p>Example: {@code Mlp.builder(64, 128, 128, 5).activation(Activation.GELU).batchNorm(true).build(rng)}.
 */
public final class Mlp {

    private final int[] sizes;
    private Activation activation = Activation.GELU;
    private boolean batchNorm;
    private double dropout;

    private Mlp(int[] sizes) {
        this.sizes = sizes;
    }

    /** An MLP with the given widths: input, hidden layers, output. GELU, no batch norm, no dropout. */
    public static Mlp builder(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("MLP widths must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        return new Mlp(sizes.clone());
    }

    /** The nonlinearity after every hidden layer. */
    public Mlp activation(Activation activation) {
        this.activation = activation;
        return this;
    }

    /** Whether each hidden layer is batch-normalised before its activation. */
    public Mlp batchNorm(boolean batchNorm) {
        this.batchNorm = batchNorm;
        return this;
    }

    /** The dropout probability after each hidden activation; 0 for none. */
    public Mlp dropout(double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + dropout);
        }
        this.dropout = dropout;
        return this;
    }

    /** The network, its weights drawn from {@code rng} layer by layer and its dropout seeds too. */
    public Sequential build(UniformRandomProvider rng) {
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Linear(sizes[i], sizes[i + 1], rng));
            if (i + 2 == sizes.length) {
                break;
            }
            if (batchNorm) {
                layers.add(new BatchNorm1d(sizes[i + 1]));
            }
            layers.add(activation.module());
            if (dropout > 0) {
                layers.add(new Dropout(dropout, rng.nextLong()));
            }
        }
        return new Sequential(layers);
    }
}
