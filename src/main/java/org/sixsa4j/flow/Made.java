package org.sixsa4j.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.internal.kernels.Kernels;
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
    /**
     * Samples per block of {@link #inverse} and {@link #transform}: the block's hidden
     * activations, width × this many floats per layer, stay in the L2 cache across the D passes.
     */
    private static final int BLOCK = 512;

    private final int features;
    private final Linear input;
    private final Linear context;
    private final List<Linear> hidden = new ArrayList<>();
    private final Linear output;
    private final FMatrixRMaj inputMask;
    private final FMatrixRMaj hiddenMask;
    private final FMatrixRMaj outputMask;
    /** The hidden units in increasing degree, the order in which {@link #inverse} and {@link #transform} compute them. */
    private final int[] byDegree;
    /** {@code unitsUpTo[d]}: how many hidden units have degree at most d, for d = 0 .. D. */
    private final int[] unitsUpTo;

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
        byDegree = new int[width];
        unitsUpTo = new int[features + 1];
        for (int d = 0, next = 0; d <= features; d++) {
            for (int k = 0; k < width; k++) {
                if (mid[k] == d) {
                    byDegree[next++] = k;
                }
            }
            unitsUpTo[d] = next;
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
        Tensor h;
        if (contextTerm != null && contextTerm.rows() == 1) {
            // One context for every row: its term joins the bias once, instead of a pass over the rows.
            List<Parameter> p = input.parameters();
            h = tape.maskedLinear(x, p.get(0).tensor(), inputMask, tape.add(p.get(1).tensor(), contextTerm));
        } else {
            h = masked(tape, input, x, inputMask);
            if (contextTerm != null) {
                h = tape.add(h, contextTerm);
            }
        }
        h = tape.tanh(h);
        for (Linear layer : hidden) {
            h = tape.tanh(masked(tape, layer, h, hiddenMask));
        }
        return masked(tape, output, h, outputMask);
    }

    /**
     * Inverts the affine transform z = x·s + m that this MADE parametrises, for the rows of
     * {@code z} (rows × D) and one context term shared by all rows ({@link #contextTerm} of one
     * context, 1 × width, or null without context), writing x to {@code out} (rows × D). The
     * scale s is softplus(u) + {@code minScale}.
     *
     * <p>Feature i needs x<sub>0..i−1</sub>, so the features are solved one after the other; but
     * a hidden unit of degree d depends only on x<sub>0..d−1</sub>, so it is computed once, in
     * pass d, and feature i's outputs read only the units of degree at most i. The passes together
     * cost one forward pass instead of D. The activations are kept unit by unit (width × samples),
     * so that the units a pass adds are contiguous rows of a matrix product, and their weights,
     * gathered by degree and masked, are packed once per call.
     */
    void inverse(FMatrixRMaj z, FMatrixRMaj contextTerm, double minScale, FMatrixRMaj out) {
        check("inverse", z, out);
        new ByDegree(contextTerm).run(z.data, out.data, z.numRows, minScale, null);
    }

    /**
     * The transform itself, z = x·s + m, for the rows of {@code x} and one shared context term as
     * in {@link #inverse}, off the tape, writing z to {@code out} and adding each row's
     * log |det| = Σ log s to {@code logDet}. It evaluates the units in the same order as
     * {@link #inverse}: a unit only reads the units of degree up to its own, so the products skip
     * the blocks that the masks zero (3/8 of a hidden layer's work for D = 5), and the samples,
     * not the 50 units, run along the vectors.
     */
    void transform(FMatrixRMaj x, FMatrixRMaj contextTerm, double minScale, FMatrixRMaj out, double[] logDet) {
        check("transform", x, out);
        new ByDegree(contextTerm).run(x.data, out.data, x.numRows, minScale, logDet);
    }

    private void check(String what, FMatrixRMaj in, FMatrixRMaj out) {
        if (in.numCols != features || out.numRows != in.numRows || out.numCols != features) {
            throw new IllegalArgumentException(what + ": the input is " + in.numRows + "×" + in.numCols + " and out "
                    + out.numRows + "×" + out.numCols + "; both must be rows × " + features);
        }
    }

    /** The weights of one {@link #inverse} or {@link #transform} call, gathered by degree and masked, and its scratch. */
    private final class ByDegree {
        private final Kernels kernels = Kernels.get();
        private final int width = byDegree.length;
        /** Input weights (width × D) and first-layer biases and context term, units by degree. */
        private final float[] inputWeight;
        private final float[] inputBias;
        private final float[] context;
        /**
         * Per hidden layer and pass i: the weights among the units of degree at most i, square
         * and row-major; only the rows of the units of degree i are filled, the others are not read.
         */
        private final float[][][] hiddenWeight;
        private final float[][] hiddenBias;
        /** Per feature i: output rows i (scale) and D + i (shift) over the units of degree at most i. */
        private final float[][] outputWeight;
        private final float[] outputBias;
        /** Scratch, feature by feature and unit by unit: x (D × block), h (width × block) per layer, u then m. */
        private final float[] x = new float[features * BLOCK];
        private final float[][] h;
        private final float[] um = new float[2 * BLOCK];
        /** Per sample of a block, the product of its scales: one logarithm per row, not one per feature. */
        private final double[] scaleProduct = new double[BLOCK];

        ByDegree(FMatrixRMaj contextTerm) {
            inputWeight = new float[width * features];
            inputBias = gather(input.bias().data);
            context = contextTerm == null ? null : gather(contextTerm.data);
            for (int j = 0; j < width; j++) {
                for (int f = 0, at = byDegree[j] * features; f < features; f++) {
                    inputWeight[j * features + f] = input.weight().data[at + f] * inputMask.data[at + f];
                }
            }
            hiddenWeight = new float[hidden.size()][features][];
            hiddenBias = new float[hidden.size()][];
            for (int b = 0; b < hidden.size(); b++) {
                float[] w = hidden.get(b).weight().data;
                for (int i = 0; i < features; i++) {
                    int e = unitsUpTo[i];
                    float[] packed = new float[e * e];
                    for (int j = i == 0 ? 0 : unitsUpTo[i - 1]; j < e; j++) {
                        for (int v = 0; v < e; v++) {
                            int at = byDegree[j] * width + byDegree[v];
                            packed[j * e + v] = w[at] * hiddenMask.data[at];
                        }
                    }
                    hiddenWeight[b][i] = packed;
                }
                hiddenBias[b] = gather(hidden.get(b).bias().data);
            }
            outputWeight = new float[features][];
            for (int i = 0; i < features; i++) {
                int e = unitsUpTo[i];
                outputWeight[i] = new float[2 * e];
                for (int v = 0; v < e; v++) {
                    int scale = i * width + byDegree[v];
                    int shift = (features + i) * width + byDegree[v];
                    outputWeight[i][v] = output.weight().data[scale] * outputMask.data[scale];
                    outputWeight[i][e + v] = output.weight().data[shift] * outputMask.data[shift];
                }
            }
            outputBias = output.bias().data;
            h = new float[hidden.size() + 1][width * BLOCK];
        }

        /** The entries of a per-unit row, by degree. */
        private float[] gather(float[] perUnit) {
            float[] g = new float[width];
            for (int j = 0; j < width; j++) {
                g[j] = perUnit[byDegree[j]];
            }
            return g;
        }

        /**
         * The transform of the rows of {@code in} into {@code out}, block by block: forwards,
         * adding log s to {@code logDet}, or, when that is null, inverse, solving feature i
         * from the units the earlier features determine.
         */
        void run(float[] in, float[] out, int rows, double minScale, double[] logDet) {
            boolean inverse = logDet == null;
            for (int from = 0; from < rows; from += BLOCK) {
                int n = Math.min(BLOCK, rows - from);
                if (inverse) {
                    // Features not solved yet must be finite: their weights are masked to 0.
                    Arrays.fill(x, 0, features * n, 0f);
                } else {
                    Arrays.fill(scaleProduct, 0, n, 1.0);
                    for (int r = 0; r < n; r++) {
                        for (int i = 0; i < features; i++) {
                            x[i * n + r] = in[(from + r) * features + i];
                        }
                    }
                }
                int done = 0;
                for (int i = 0; i < features; i++) {
                    int e = unitsUpTo[i];
                    if (e > done) {
                        addUnits(i, done, e, n);
                        done = e;
                    }
                    outputs(i, e, n);
                    for (int r = 0; r < n; r++) {
                        // softplus(u) = max(u, 0) + ln(1 + e^−|u|); ln(1 + ·) in double loses
                        // only 1e-16 absolute, nothing next to the added minimum scale.
                        double u = um[r];
                        double scale = Math.max(u, 0) + Math.log(1 + Math.exp(-Math.abs(u))) + minScale;
                        int at = (from + r) * features + i;
                        if (inverse) {
                            x[i * n + r] = (float) ((in[at] - um[n + r]) / scale);
                            out[at] = x[i * n + r];
                        } else {
                            out[at] = (float) (x[i * n + r] * scale + um[n + r]);
                            scaleProduct[r] *= scale;
                            // A scale is at least 1e-3 and at most a float's range, so a product
                            // kept within 1e±100 never leaves the doubles.
                            if (scaleProduct[r] < 1e-100 || scaleProduct[r] > 1e100) {
                                logDet[from + r] += Math.log(scaleProduct[r]);
                                scaleProduct[r] = 1;
                            }
                        }
                    }
                }
                for (int r = 0; r < n && !inverse; r++) {
                    logDet[from + r] += Math.log(scaleProduct[r]);
                }
            }
        }

        /** Pass i's new hidden units, {@code [start, end)} by degree, in every layer, for n samples. */
        private void addUnits(int i, int start, int end, int n) {
            float[] h0 = h[0];
            for (int j = start; j < end; j++) {
                Arrays.fill(h0, j * n, (j + 1) * n, inputBias[j]);
            }
            kernels.gemm(inputWeight, x, h0, width, features, n, true, start, end);
            if (context != null) {
                for (int j = start; j < end; j++) {
                    float c = context[j];
                    for (int r = j * n; r < (j + 1) * n; r++) {
                        h0[r] += c;
                    }
                }
            }
            kernels.tanh(h0, start * n, h0, start * n, (end - start) * n);
            for (int b = 0; b < hidden.size(); b++) {
                float[] next = h[b + 1];
                for (int j = start; j < end; j++) {
                    Arrays.fill(next, j * n, (j + 1) * n, hiddenBias[b][j]);
                }
                kernels.gemm(hiddenWeight[b][i], h[b], next, end, end, n, true, start, end);
                kernels.tanh(next, start * n, next, start * n, (end - start) * n);
            }
        }

        /**
         * Feature i's unconstrained scale u and shift m, into {@code um[0, n)} and
         * {@code um[n, 2n)}, from the last layer's units {@code [0, units)}.
         */
        private void outputs(int i, int units, int n) {
            Arrays.fill(um, 0, n, outputBias[i]);
            Arrays.fill(um, n, 2 * n, outputBias[features + i]);
            if (units > 0) {
                kernels.gemm(outputWeight[i], h[hidden.size()], um, 2, units, n, true, 0, 2);
            }
        }
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
