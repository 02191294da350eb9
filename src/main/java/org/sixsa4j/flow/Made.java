package org.sixsa4j.flow;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.nn.Linear;
import org.sixsa4j.nn.Parameter;

/**
 * MADE, the masked autoencoder for distribution estimation (Germain et al. 2015, ICML), shaped as
 * nflows builds it for a masked autoregressive flow (feed-forward blocks, tanh): a masked linear
 * layer from the D features to the hidden width, plus tanh of a linear layer of the context when
 * there is one, all through tanh; then {@code blocks} masked hidden layers, each a linear map
 * followed by tanh; then a masked linear layer to 2D outputs. Output i and output D + i (the
 * unconstrained scale and the shift of feature i) depend only on features 0 .. i−1.
 *
 * <p>Degrees follow nflows' sequential scheme: feature i has degree i + 1, hidden unit k has
 * degree {@code k mod max(1, D−1) + min(1, D−1)}; a hidden unit sees the inputs of degree at most
 * its own, an output sees the hidden units of degree strictly below its own. Weights are
 * initialised as PyTorch's {@code nn.Linear} (uniform on ±1/√fan_in), before masking.
 */
public final class Made {
    private final int features;
    private final Linear input;
    private final Linear context;
    private final List<Linear> hidden = new ArrayList<>();
    private final Linear output;
    private final FMatrixRMaj inputMask;
    private final FMatrixRMaj hiddenMask;
    private final FMatrixRMaj outputMask;

    /**
     * @param features D, the dimension of the modelled variable
     * @param contextFeatures the dimension of the conditioning variable, 0 for none
     * @param width the hidden width
     * @param blocks the number of masked hidden layers
     * @param rng the source of the initial weights
     */
    public Made(int features, int contextFeatures, int width, int blocks, UniformRandomProvider rng) {
        if (features < 1 || width < 1 || blocks < 0 || contextFeatures < 0) {
            throw new IllegalArgumentException("MADE needs features >= 1, width >= 1, blocks >= 0, context >= 0; got "
                    + features + ", " + width + ", " + blocks + ", " + contextFeatures);
        }
        this.features = features;
        int[] in = new int[features];
        for (int i = 0; i < features; i++) {
            in[i] = i + 1;
        }
        int[] mid = new int[width];
        for (int k = 0; k < width; k++) {
            mid[k] = k % Math.max(1, features - 1) + Math.min(1, features - 1);
        }
        int[] out = new int[2 * features];
        for (int i = 0; i < features; i++) {
            out[i] = in[i];
            out[features + i] = in[i];
        }
        inputMask = mask(mid, in, false);
        hiddenMask = mask(mid, mid, false);
        outputMask = mask(out, mid, true);
        input = new Linear(features, width, rng);
        context = contextFeatures > 0 ? new Linear(contextFeatures, width, rng) : null;
        for (int b = 0; b < blocks; b++) {
            hidden.add(new Linear(width, width, rng));
        }
        output = new Linear(width, 2 * features, rng);
    }

    /** M[o][i] = 1 when output o may see input i: degree(o) ≥ degree(i), or > when {@code strict}. */
    private static FMatrixRMaj mask(int[] outDegrees, int[] inDegrees, boolean strict) {
        FMatrixRMaj m = new FMatrixRMaj(outDegrees.length, inDegrees.length);
        for (int o = 0; o < outDegrees.length; o++) {
            for (int i = 0; i < inDegrees.length; i++) {
                boolean sees = strict ? outDegrees[o] > inDegrees[i] : outDegrees[o] >= inDegrees[i];
                m.set(o, i, sees ? 1f : 0f);
            }
        }
        return m;
    }

    /** D. */
    public int features() {
        return features;
    }

    /**
     * The B × 2D outputs for the B × D rows of {@code x} and the B × C rows of {@code contextRows}
     * (null without context): columns 0 .. D−1 are the unconstrained scales, D .. 2D−1 the shifts.
     */
    public Tensor forward(Tape tape, Tensor x, Tensor contextRows) {
        return forwardWithContextTerm(tape, x, contextRows == null ? null : contextTerm(tape, contextRows));
    }

    /**
     * The context's contribution to the first hidden layer, tanh(W_c c + b_c): B × width, or
     * 1 × width for one context shared by every row (then it is computed once, not per row).
     */
    Tensor contextTerm(Tape tape, Tensor contextRows) {
        if (context == null) {
            throw new IllegalArgumentException("this MADE takes no context");
        }
        return tape.tanh(context.forward(tape, contextRows));
    }

    /** As {@link #forward}, with the context term already computed (broadcast when it has one row). */
    Tensor forwardWithContextTerm(Tape tape, Tensor x, Tensor contextTerm) {
        Tensor h = masked(tape, input, x, inputMask);
        if (contextTerm != null) {
            h = tape.add(h, contextTerm);
        }
        h = tape.tanh(h);
        for (Linear layer : hidden) {
            h = tape.tanh(masked(tape, layer, h, hiddenMask));
        }
        return masked(tape, output, h, outputMask);
    }

    private static Tensor masked(Tape tape, Linear layer, Tensor x, FMatrixRMaj mask) {
        List<Parameter> p = layer.parameters();
        return tape.maskedLinear(x, p.get(0).tensor(), mask, p.get(1).tensor());
    }

    /** The parameters, in the order of the layers. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        all.addAll(prefixed("initial_layer.", input));
        if (context != null) {
            all.addAll(prefixed("context_layer.", context));
        }
        for (int b = 0; b < hidden.size(); b++) {
            all.addAll(prefixed("blocks." + b + ".linear.", hidden.get(b)));
        }
        all.addAll(prefixed("final_layer.", output));
        return all;
    }

    private static List<Parameter> prefixed(String prefix, Linear layer) {
        List<Parameter> p = new ArrayList<>();
        for (Parameter q : layer.parameters()) {
            p.add(q.withPrefix(prefix));
        }
        return p;
    }
}
