package org.sixsa4j.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.nn.Module;
import org.sixsa4j.nn.Parameter;
import org.sixsa4j.nn.Trainable;

/**
 * A conditional masked autoregressive flow (Papamakarios, Pavlakou &amp; Murray 2017, NeurIPS),
 * shaped as sbi's default density estimator: θ is z-scored, then passes through
 * {@code transforms} affine autoregressive transforms, each followed by a fixed random
 * permutation of the features, to a standard normal. Transform t maps z to z·s + m, where the
 * shift m and the scale s = softplus(u) + 10⁻³ of feature i come from a {@link Made} of
 * z<sub>0..i−1</sub> and the context; its log |det| is Σ log s. The context x is scaled
 * ({@link ContextScaling}) and then, optionally, passed through an embedding network trained
 * with the flow.
 *
 * <p>{@link #logProb} is the exact log-density of θ given the context, in θ's own units (the
 * z-scoring's log |det| included), recorded on a tape so that it can be trained by maximum
 * likelihood. {@link #sample} inverts the transforms, one feature at a time within each MADE.
 * Weights and permutations come from the seed, so a flow is reproducible.
 */
public final class MaskedAutoregressiveFlow implements Trainable {
    /** Added to softplus(u) so that no scale reaches 0 (nflows' value). */
    static final double MIN_SCALE = 1e-3;
    /** Standard deviations below this count as 0 and are replaced by 1, as sbi does. */
    private static final double MIN_STD = 1e-14;
    /** Rows per pass when sampling or evaluating many points; {@link Made} works through them in smaller blocks. */
    private static final int CHUNK = 8192;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** How the context is scaled before it enters the network, fitted on training data. */
    public enum ContextScaling {
        /** Each feature z-scored with its own mean and standard deviation (sbi's "independent"). */
        INDEPENDENT,
        /** One mean and one standard deviation for all features (sbi's "structured"): keeps a spectrum's shape. */
        STRUCTURED,
        /** log(1 + x), then each feature z-scored: for counts spanning decades. */
        LOG1P,
        /** The context as given. */
        NONE
    }

    private final int features;
    private final int contextFeatures;
    private final ContextScaling scaling;
    private final Module embedding;
    private final int embeddedFeatures;
    private final int hiddenFeatures;
    private final int blocks;
    private final List<Made> transforms = new ArrayList<>();
    /** Per transform: column j of the permuted features is column {@code order[j]} of its output. */
    private final List<int[]> orders = new ArrayList<>();
    private final FMatrixRMaj thetaMean;
    private final FMatrixRMaj thetaStd;
    private final FMatrixRMaj contextMean;
    private final FMatrixRMaj contextStd;
    private boolean training = true;

    private MaskedAutoregressiveFlow(Builder b) {
        this.features = b.features;
        this.contextFeatures = b.contextFeatures;
        this.scaling = b.scaling;
        this.embedding = b.embedding;
        this.embeddedFeatures = b.embeddedFeatures;
        this.hiddenFeatures = b.hiddenFeatures;
        this.blocks = b.blocks;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(b.seed);
        int madeContext = b.embedding != null ? b.embeddedFeatures : b.contextFeatures;
        for (int t = 0; t < b.transforms; t++) {
            this.transforms.add(new Made(features, madeContext, b.hiddenFeatures, b.blocks, rng));
            int[] order = PermutationSampler.natural(features);
            PermutationSampler.shuffle(rng, order);
            orders.add(b.orders != null ? b.orders.get(t).clone() : order);
        }
        thetaMean = new FMatrixRMaj(1, features);
        thetaStd = new FMatrixRMaj(1, features);
        CommonOps_FDRM.fill(thetaStd, 1f);
        contextMean = new FMatrixRMaj(1, Math.max(1, contextFeatures));
        contextStd = new FMatrixRMaj(1, Math.max(1, contextFeatures));
        CommonOps_FDRM.fill(contextStd, 1f);
    }

    /**
     * A flow of θ in {@code features} dimensions given {@code contextFeatures} (0 for an
     * unconditional flow), with sbi's defaults: 5 transforms, 2 hidden layers of 50 units,
     * context z-scored feature by feature, no embedding, seed 0.
     */
    public static Builder builder(int features, int contextFeatures) {
        return new Builder(features, contextFeatures);
    }

    /**
     * Fits the z-scoring of θ and of the context to training rows (unbiased standard deviations,
     * as sbi's standardizing transforms). Call before training, on the training split only.
     */
    public void standardize(FMatrixRMaj theta, FMatrixRMaj context) {
        if (theta.numCols != features || theta.numRows < 2) {
            throw new IllegalArgumentException("standardize needs at least 2 rows of " + features + " θ values, got "
                    + theta.numRows + " × " + theta.numCols);
        }
        double[][] thetaStats = columnStatistics(theta, false, false);
        for (int i = 0; i < features; i++) {
            thetaMean.data[i] = (float) thetaStats[0][i];
            thetaStd.data[i] = (float) thetaStats[1][i];
        }
        if (contextFeatures == 0 || scaling == ContextScaling.NONE) {
            return;
        }
        if (context == null || context.numCols != contextFeatures || context.numRows != theta.numRows) {
            throw new IllegalArgumentException("standardize needs " + theta.numRows + " rows of " + contextFeatures + " context features");
        }
        double[][] contextStats = columnStatistics(context, scaling == ContextScaling.STRUCTURED, scaling == ContextScaling.LOG1P);
        for (int j = 0; j < contextFeatures; j++) {
            contextMean.data[j] = (float) contextStats[0][j];
            contextStd.data[j] = (float) contextStats[1][j];
        }
    }

    /** Column means and unbiased standard deviations (pooled over columns when {@code pooled}). */
    private static double[][] columnStatistics(FMatrixRMaj m, boolean pooled, boolean log1p) {
        int rows = m.numRows;
        int cols = m.numCols;
        double[] sum = new double[cols];
        double[] sq = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                double v = log1p ? Math.log1p(m.get(r, j)) : m.get(r, j);
                sum[j] += v;
                sq[j] += v * v;
            }
        }
        double[][] stats = new double[2][cols];
        if (pooled) {
            double s = 0;
            double q = 0;
            for (int j = 0; j < cols; j++) {
                s += sum[j];
                q += sq[j];
            }
            double n = (double) rows * cols;
            double mean = s / n;
            double sd = positive(Math.sqrt(Math.max(0, (q - n * mean * mean) / (n - 1))));
            Arrays.fill(stats[0], mean);
            Arrays.fill(stats[1], sd);
            return stats;
        }
        for (int j = 0; j < cols; j++) {
            double mean = sum[j] / rows;
            stats[0][j] = mean;
            stats[1][j] = positive(Math.sqrt(Math.max(0, (sq[j] - rows * mean * mean) / (rows - 1))));
        }
        return stats;
    }

    private static double positive(double sd) {
        return sd < MIN_STD ? 1 : sd;
    }

    /**
     * log |det| of the θ z-scoring, Σ log σ<sub>i</sub>, from the stored (float) deviations, so
     * that it always agrees with them, also after they are loaded as buffers.
     */
    private double logStdSum() {
        double sum = 0;
        for (int i = 0; i < features; i++) {
            sum += Math.log(thetaStd.data[i]);
        }
        return sum;
    }

    /** The dimension of θ. */
    public int features() {
        return features;
    }

    /** The dimension of the context, before any embedding. */
    public int contextFeatures() {
        return contextFeatures;
    }

    /** The number of MADE transforms. */
    public int transforms() {
        return transforms.size();
    }

    /** The hidden width of each MADE. */
    public int hiddenFeatures() {
        return hiddenFeatures;
    }

    /** The number of masked hidden blocks of each MADE. */
    public int blocks() {
        return blocks;
    }

    /** How the context is scaled. */
    public ContextScaling contextScaling() {
        return scaling;
    }

    /** The embedding network of the context, or null when there is none. */
    public Module embedding() {
        return embedding;
    }

    /** The embedding's output width, 0 without embedding. */
    public int embeddedFeatures() {
        return embedding == null ? 0 : embeddedFeatures;
    }

    /** The permutation after transform t: column j of its result is column {@code permutation(t)[j]} of the transform's output. */
    public int[] permutation(int t) {
        return orders.get(t).clone();
    }

    /** The trainable parameters: the embedding's, then MADE by MADE. */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        if (embedding != null) {
            for (Parameter p : embedding.parameters()) {
                all.add(p.withPrefix("embedding_net"));
            }
        }
        for (int t = 0; t < transforms.size(); t++) {
            for (Parameter p : transforms.get(t).parameters()) {
                all.add(p.withPrefix("transforms." + t));
            }
        }
        return all;
    }

    /**
     * The z-scoring statistics of θ (and of the context, when it has any), then the embedding's
     * buffers: fitted once by {@link #standardize}, never by gradients, and needed to reproduce
     * the flow's densities.
     */
    @Override
    public Map<String, FMatrixRMaj> buffers() {
        Map<String, FMatrixRMaj> all = new LinkedHashMap<>();
        all.put("standardize_theta.mean", thetaMean);
        all.put("standardize_theta.std", thetaStd);
        if (contextFeatures > 0) {
            all.put("standardize_context.mean", contextMean);
            all.put("standardize_context.std", contextStd);
        }
        if (embedding != null) {
            embedding.buffers().forEach((name, value) -> all.put("embedding_net." + name, value));
        }
        return all;
    }

    @Override
    public void train() {
        training = true;
        if (embedding != null) {
            embedding.train();
        }
    }

    @Override
    public void eval() {
        training = false;
        if (embedding != null) {
            embedding.eval();
        }
    }

    @Override
    public boolean training() {
        return training;
    }

    /** log q(θ | context) for the B rows of {@code theta} (B × D) and {@code context} (B × C, or null): B × 1. */
    public Tensor logProb(Tape tape, Tensor theta, Tensor context) {
        Tensor c = embeddedContext(tape, context);
        List<Tensor> contextTerms = new ArrayList<>();
        for (Made made : transforms) {
            contextTerms.add(c == null ? null : made.contextTerm(tape, c));
        }
        return logProb(tape, theta, contextTerms);
    }

    private Tensor logProb(Tape tape, Tensor theta, List<Tensor> contextTerms) {
        Tensor z = tape.div(tape.sub(theta, tape.constant(thetaMean)), tape.constant(thetaStd));
        Tensor logDet = null;
        for (int t = 0; t < transforms.size(); t++) {
            Tensor params = transforms.get(t).forwardWithContextTerm(tape, z, contextTerms.get(t));
            Tensor scale = tape.addScalar(tape.softplus(tape.sliceCols(params, 0, features)), MIN_SCALE);
            Tensor shift = tape.sliceCols(params, features, 2 * features);
            z = tape.add(tape.mul(z, scale), shift);
            Tensor ld = tape.sumCols(tape.log(scale));
            logDet = logDet == null ? ld : tape.add(logDet, ld);
            z = tape.gatherCols(z, orders.get(t));
        }
        Tensor base = tape.addScalar(tape.mulScalar(tape.sumCols(tape.square(z)), -0.5), -0.5 * features * LOG_2PI - logStdSum());
        return tape.add(base, logDet);
    }

    /**
     * log q(θ | x) for many θ and one context, in evaluation mode and without gradients: the
     * per-row values for the rows of {@code theta}. Off the tape: each MADE runs
     * {@link Made#transform}, which skips the weights its masks zero.
     */
    public double[] logProb(double[][] theta, double[] context) {
        double[] out = new double[theta.length];
        double logStdSum = logStdSum();
        eval();
        try (Tape tape = Tape.create()) {
            List<Tensor> contextTerms = sharedContextTerms(tape, context);
            for (int from = 0; from < theta.length; from += CHUNK) {
                int rows = Math.min(CHUNK, theta.length - from);
                FMatrixRMaj z = new FMatrixRMaj(rows, features);
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < features; i++) {
                        z.set(r, i, (float) ((theta[from + r][i] - thetaMean.data[i]) / thetaStd.data[i]));
                    }
                }
                FMatrixRMaj transformed = new FMatrixRMaj(rows, features);
                double[] logDet = new double[rows];
                for (int t = 0; t < transforms.size(); t++) {
                    Tensor term = contextTerms.get(t);
                    transforms.get(t).transform(z, term == null ? null : term.value(), MIN_SCALE, transformed, logDet);
                    permute(transformed, orders.get(t), false, z);
                }
                for (int r = 0; r < rows; r++) {
                    double squares = 0;
                    for (int i = 0; i < features; i++) {
                        squares += (double) z.get(r, i) * z.get(r, i);
                    }
                    out[from + r] = -0.5 * squares - 0.5 * features * LOG_2PI - logStdSum + logDet[r];
                }
            }
        }
        return out;
    }

    /**
     * Column j of {@code out} is column {@code order[j]} of {@code in} (the permutation after a
     * transform), or, {@code inverse}, column {@code order[j]} of {@code out} is column j of
     * {@code in} (its undoing).
     */
    private static void permute(FMatrixRMaj in, int[] order, boolean inverse, FMatrixRMaj out) {
        int cols = order.length;
        for (int r = 0; r < in.numRows; r++) {
            for (int j = 0; j < cols; j++) {
                if (inverse) {
                    out.data[r * cols + order[j]] = in.data[r * cols + j];
                } else {
                    out.data[r * cols + j] = in.data[r * cols + order[j]];
                }
            }
        }
    }

    /** The scaled and embedded context: rows × (context or embedding width), or null without context. */
    private Tensor embeddedContext(Tape tape, Tensor context) {
        if (contextFeatures == 0) {
            return null;
        }
        if (context == null || context.cols() != contextFeatures) {
            throw new IllegalArgumentException("the flow is conditioned on " + contextFeatures + " context features");
        }
        Tensor c = context;
        if (scaling == ContextScaling.LOG1P) {
            c = tape.log1p(c);
        }
        if (scaling != ContextScaling.NONE) {
            c = tape.div(tape.sub(c, tape.constant(contextMean)), tape.constant(contextStd));
        }
        return embedding == null ? c : embedding.forward(tape, c);
    }

    /** Each MADE's context term for one context row, 1 × width, shared by every θ row. */
    private List<Tensor> sharedContextTerms(Tape tape, double[] context) {
        List<Tensor> terms = new ArrayList<>();
        Tensor c = null;
        if (contextFeatures > 0) {
            if (context == null || context.length != contextFeatures) {
                throw new IllegalArgumentException("the flow is conditioned on " + contextFeatures + " context features");
            }
            FMatrixRMaj row = new FMatrixRMaj(1, contextFeatures);
            for (int j = 0; j < contextFeatures; j++) {
                row.data[j] = (float) context[j];
            }
            c = embeddedContext(tape, tape.constant(row));
        }
        for (Made made : transforms) {
            terms.add(c == null ? null : made.contextTerm(tape, c));
        }
        return terms;
    }

    /**
     * {@code n} draws of θ given one context row ({@code null} without context), from normal
     * variates of {@code rng}: n × D, in evaluation mode. Each MADE is inverted one feature at a
     * time ({@link Made#inverse}), since feature i's scale and shift need features 0 .. i−1; the
     * context's contribution is computed once per MADE, not per row.
     */
    public double[][] sample(int n, double[] context, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] theta = new double[n][features];
        eval();
        try (Tape tape = Tape.create()) {
            for (int from = 0; from < n; from += CHUNK) {
                int rows = Math.min(CHUNK, n - from);
                FMatrixRMaj z = new FMatrixRMaj(rows, features);
                for (int i = 0; i < z.data.length; i++) {
                    z.data[i] = (float) normal.sample();
                }
                List<Tensor> contextTerms = sharedContextTerms(tape, context);
                FMatrixRMaj unpermuted = new FMatrixRMaj(rows, features);
                for (int t = transforms.size() - 1; t >= 0; t--) {
                    permute(z, orders.get(t), true, unpermuted);
                    Tensor term = contextTerms.get(t);
                    transforms.get(t).inverse(unpermuted, term == null ? null : term.value(), MIN_SCALE, z);
                }
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < features; i++) {
                        theta[from + r][i] = z.get(r, i) * (double) thetaStd.data[i] + thetaMean.data[i];
                    }
                }
                tape.reset();
            }
        }
        return theta;
    }

    /** The flow's shape; see {@link MaskedAutoregressiveFlow#builder}. */
    public static final class Builder {
        private final int features;
        private final int contextFeatures;
        private int transforms = 5;
        private int hiddenFeatures = 50;
        private int blocks = 2;
        private ContextScaling scaling = ContextScaling.INDEPENDENT;
        private Module embedding;
        private int embeddedFeatures;
        private long seed;
        private List<int[]> orders;

        private Builder(int features, int contextFeatures) {
            if (features < 1 || contextFeatures < 0) {
                throw new IllegalArgumentException("a flow needs features >= 1 and context >= 0; got " + features + ", " + contextFeatures);
            }
            this.features = features;
            this.contextFeatures = contextFeatures;
        }

        /** The number of MADE transforms (sbi: 5). */
        public Builder transforms(int transforms) {
            if (transforms < 1) {
                throw new IllegalArgumentException("a flow needs at least one transform, got " + transforms);
            }
            this.transforms = transforms;
            return this;
        }

        /** The hidden width of each MADE (sbi: 50). */
        public Builder hiddenFeatures(int hiddenFeatures) {
            if (hiddenFeatures < 1) {
                throw new IllegalArgumentException("hidden width must be >= 1, got " + hiddenFeatures);
            }
            this.hiddenFeatures = hiddenFeatures;
            return this;
        }

        /** The number of masked hidden blocks after each MADE's first layer (sbi: 2). */
        public Builder blocks(int blocks) {
            if (blocks < 0) {
                throw new IllegalArgumentException("blocks must be >= 0, got " + blocks);
            }
            this.blocks = blocks;
            return this;
        }

        public Builder contextScaling(ContextScaling scaling) {
            this.scaling = scaling;
            return this;
        }

        /**
         * A network applied to the scaled context before the MADEs, trained with the flow; it
         * maps the context to {@code outputFeatures} columns.
         */
        public Builder embedding(Module net, int outputFeatures) {
            if (outputFeatures < 1) {
                throw new IllegalArgumentException("the embedding's output width must be >= 1, got " + outputFeatures);
            }
            this.embedding = net;
            this.embeddedFeatures = outputFeatures;
            return this;
        }

        /** The seed of the initial weights and of the permutations. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The permutation after each transform, instead of drawing them from the seed: for a
         * flow read back from a file ({@link FlowFiles}).
         */
        Builder permutations(List<int[]> permutations) {
            if (permutations.size() != transforms) {
                throw new IllegalArgumentException("expected " + transforms + " permutations, one per transform, got " + permutations.size());
            }
            for (int[] order : permutations) {
                int[] sorted = order.clone();
                Arrays.sort(sorted);
                if (!Arrays.equals(sorted, PermutationSampler.natural(features))) {
                    throw new IllegalArgumentException("expected a permutation of 0.." + (features - 1) + ", got " + Arrays.toString(order));
                }
            }
            this.orders = List.copyOf(permutations);
            return this;
        }

        public MaskedAutoregressiveFlow build() {
            if (embedding != null && contextFeatures == 0) {
                throw new IllegalArgumentException("an embedding network needs a context");
            }
            return new MaskedAutoregressiveFlow(this);
        }
    }
}
