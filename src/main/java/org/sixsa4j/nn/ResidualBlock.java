package org.sixsa4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * A pre-activation residual block of constant width (He et al. 2016, "Identity mappings in deep
 * residual networks", ECCV), in the form of nflows' {@code ResidualBlock} used by sbi's
 * {@code ResidualNet}:
 * y = x + L₂(dropout(act([BN₂](L₁(act([BN₁](x))))))), optionally gated by a context c as
 * y = x + t·sigmoid(L_c(c)) (nflows' GLU on the concatenation).
 *
 * <p>As in nflows, the batch norms use eps 1e-3, and the last linear layer's weight and bias start
 * uniform on ±1e-3 so that a fresh block is close to the identity. Parameter names follow nflows
 * ({@code batch_norm_layers.0.weight}, {@code context_layer.weight}, {@code linear_layers.1.bias})
 * in its registration order, and the generator is used in that order too.
 */
public final class ResidualBlock implements Module {

    /** nflows builds its residual blocks' batch norms with this eps rather than PyTorch's 1e-5. */
    static final double BATCH_NORM_EPS = 1e-3;
    private static final double LAST_LAYER_BOUND = 1e-3;

    private final int features;
    private final int contextFeatures;
    private final Activation activation;
    private final BatchNorm1d[] batchNorms;
    private final Linear contextLayer;
    private final Linear first;
    private final Linear second;
    private final Dropout dropout;

    /**
     * @param features the width of input and output
     * @param contextFeatures the width of the context, 0 for none
     * @param dropout the dropout probability between the two linear layers
     * @param batchNorm whether to normalise before each activation
     * @param rng the source of initial weights and of the dropout seed
     */
    public ResidualBlock(int features, int contextFeatures, Activation activation, double dropout, boolean batchNorm,
            UniformRandomProvider rng) {
        if (contextFeatures < 0) {
            throw new IllegalArgumentException("context features must be >= 0, got " + contextFeatures);
        }
        this.features = features;
        this.contextFeatures = contextFeatures;
        this.activation = activation;
        this.batchNorms = batchNorm
                ? new BatchNorm1d[] {new BatchNorm1d(features, BATCH_NORM_EPS, 0.1), new BatchNorm1d(features, BATCH_NORM_EPS, 0.1)}
                : new BatchNorm1d[0];
        this.contextLayer = contextFeatures > 0 ? new Linear(contextFeatures, features, rng) : null;
        this.first = new Linear(features, features, rng);
        this.second = new Linear(features, features, rng);
        second.initUniform(LAST_LAYER_BOUND, rng);
        this.dropout = new Dropout(dropout, rng.nextLong());
    }

    /** Applies the block without context; only for blocks built with no context features. */
    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (contextLayer != null) {
            throw new IllegalStateException("this residual block needs a context of " + contextFeatures + " features");
        }
        return forward(tape, x, null);
    }

    /** Applies the block to {@code x} gated by {@code context} (batch × context features, or null when the block has none). */
    public Tensor forward(Tape tape, Tensor x, Tensor context) {
        Tensor t = x;
        if (batchNorms.length > 0) {
            t = batchNorms[0].forward(tape, t);
        }
        t = first.forward(tape, activation.apply(tape, t));
        if (batchNorms.length > 0) {
            t = batchNorms[1].forward(tape, t);
        }
        t = second.forward(tape, dropout.forward(tape, activation.apply(tape, t)));
        if (contextLayer != null) {
            t = tape.mul(t, tape.sigmoid(contextLayer.forward(tape, context)));
        }
        return tape.add(x, t);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < batchNorms.length; i++) {
            for (Parameter p : batchNorms[i].parameters()) {
                all.add(p.withPrefix("batch_norm_layers." + i));
            }
        }
        if (contextLayer != null) {
            contextLayer.parameters().forEach(p -> all.add(p.withPrefix("context_layer")));
        }
        first.parameters().forEach(p -> all.add(p.withPrefix("linear_layers.0")));
        second.parameters().forEach(p -> all.add(p.withPrefix("linear_layers.1")));
        return all;
    }

    @Override
    public Map<String, FMatrixRMaj> buffers() {
        Map<String, FMatrixRMaj> all = new LinkedHashMap<>();
        for (int i = 0; i < batchNorms.length; i++) {
            String prefix = "batch_norm_layers." + i + ".";
            batchNorms[i].buffers().forEach((name, value) -> all.put(prefix + name, value));
        }
        return all;
    }

    @Override
    public void train() {
        setMode(true);
    }

    @Override
    public void eval() {
        setMode(false);
    }

    @Override
    public boolean training() {
        return first.training();
    }

    private void setMode(boolean training) {
        List<Module> parts = new ArrayList<>(List.of(batchNorms));
        parts.add(first);
        parts.add(second);
        parts.add(dropout);
        if (contextLayer != null) {
            parts.add(contextLayer);
        }
        for (Module m : parts) {
            if (training) {
                m.train();
            } else {
                m.eval();
            }
        }
    }

    public int features() {
        return features;
    }

    /** The width of the context, 0 when the block takes none. */
    public int contextFeatures() {
        return contextFeatures;
    }

    public Activation activation() {
        return activation;
    }

    /** The dropout probability. */
    public double dropout() {
        return dropout.p();
    }

    public boolean batchNorm() {
        return batchNorms.length > 0;
    }

    @Override
    public String toString() {
        return "ResidualBlock(" + features + (contextFeatures > 0 ? ", context " + contextFeatures : "") + ")";
    }
}
