package org.sixsa4j.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.nn.Parameter;

/**
 * A conditional masked autoregressive flow (Papamakarios, Pavlakou &amp; Murray 2017, NeurIPS),
 * shaped as sbi's default density estimator: θ is z-scored, then passes through
 * {@code transforms} affine autoregressive transforms, each followed by a fixed random
 * permutation of the features, to a standard normal. Transform t maps z to z·s + m, where the
 * shift m and the scale s = softplus(u) + 10⁻³ of feature i come from a {@link Made} of
 * z<sub>0..i−1</sub> and the z-scored context; its log |det| is Σ log s.
 *
 * <p>{@link #logProb} is the exact log-density of θ given the context, in θ's own units (the
 * z-scoring's log |det| included), recorded on a tape so that it can be trained by maximum
 * likelihood. {@link #sample} inverts the transforms, one feature at a time within each MADE.
 * Weights and permutations come from the seed, so a flow is reproducible.
 */
public final class MaskedAutoregressiveFlow {
    /** Added to softplus(u) so that no scale reaches 0 (nflows' value). */
    static final double MIN_SCALE = 1e-3;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int features;
    private final int contextFeatures;
    private final List<Made> transforms = new ArrayList<>();
    private final List<FMatrixRMaj> permutations = new ArrayList<>();
    private final List<FMatrixRMaj> inversePermutations = new ArrayList<>();
    private final FMatrixRMaj thetaMean;
    private final FMatrixRMaj thetaStd;
    private final FMatrixRMaj contextMean;
    private final FMatrixRMaj contextStd;
    private double logStdSum;

    /**
     * A flow with sbi's defaults for its size: {@code transforms} MADEs of {@code blocks} hidden
     * layers of {@code width} units (sbi: 5, 2, 50).
     */
    public MaskedAutoregressiveFlow(int features, int contextFeatures, int transforms, int width, int blocks, long seed) {
        if (transforms < 1) {
            throw new IllegalArgumentException("a flow needs at least one transform, got " + transforms);
        }
        this.features = features;
        this.contextFeatures = contextFeatures;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int t = 0; t < transforms; t++) {
            this.transforms.add(new Made(features, contextFeatures, width, blocks, rng));
            int[] order = PermutationSampler.natural(features);
            PermutationSampler.shuffle(rng, order);
            FMatrixRMaj p = new FMatrixRMaj(features, features);
            for (int j = 0; j < features; j++) {
                // Column j of z·P is column order[j] of z.
                p.set(order[j], j, 1f);
            }
            permutations.add(p);
            inversePermutations.add(CommonOps_FDRM.transpose(p, null));
        }
        thetaMean = new FMatrixRMaj(1, features);
        thetaStd = ones(features);
        contextMean = new FMatrixRMaj(1, Math.max(1, contextFeatures));
        contextStd = ones(Math.max(1, contextFeatures));
    }

    private static FMatrixRMaj ones(int n) {
        FMatrixRMaj m = new FMatrixRMaj(1, n);
        Arrays.fill(m.data, 1f);
        return m;
    }

    /**
     * Sets the z-scoring of θ and of the context, from training data: θ' = (θ − mean)/std, the
     * same for the context. Standard deviations must be positive.
     */
    public void standardize(double[] thetaMeans, double[] thetaStds, double[] contextMeans, double[] contextStds) {
        logStdSum = 0;
        for (int i = 0; i < features; i++) {
            if (!(thetaStds[i] > 0)) {
                throw new IllegalArgumentException("standard deviation of θ" + i + " must be > 0, got " + thetaStds[i]);
            }
            thetaMean.data[i] = (float) thetaMeans[i];
            thetaStd.data[i] = (float) thetaStds[i];
            logStdSum += Math.log(thetaStd.data[i]);
        }
        for (int i = 0; i < contextFeatures; i++) {
            if (!(contextStds[i] > 0)) {
                throw new IllegalArgumentException("standard deviation of context " + i + " must be > 0, got " + contextStds[i]);
            }
            contextMean.data[i] = (float) contextMeans[i];
            contextStd.data[i] = (float) contextStds[i];
        }
    }

    /** The dimension of θ. */
    public int features() {
        return features;
    }

    /** The trainable parameters, MADE by MADE. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int t = 0; t < transforms.size(); t++) {
            for (Parameter p : transforms.get(t).parameters()) {
                all.add(p.withPrefix("transforms." + t + "."));
            }
        }
        return all;
    }

    /** log q(θ | context) for the B rows of {@code theta} (B × D) and {@code context} (B × C, or null): B × 1. */
    public Tensor logProb(Tape tape, Tensor theta, Tensor context) {
        Tensor z = tape.div(tape.sub(theta, tape.constant(thetaMean)), tape.constant(thetaStd));
        Tensor c = standardizedContext(tape, context);
        Tensor logDet = null;
        for (int t = 0; t < transforms.size(); t++) {
            Tensor params = transforms.get(t).forward(tape, z, c);
            Tensor scale = tape.addScalar(tape.softplus(tape.sliceCols(params, 0, features)), MIN_SCALE);
            Tensor shift = tape.sliceCols(params, features, 2 * features);
            z = tape.add(tape.mul(z, scale), shift);
            Tensor ld = tape.sumCols(tape.log(scale));
            logDet = logDet == null ? ld : tape.add(logDet, ld);
            z = tape.matmul(z, tape.constant(permutations.get(t)));
        }
        Tensor base = tape.addScalar(tape.mulScalar(tape.sumCols(tape.square(z)), -0.5), -0.5 * features * LOG_2PI - logStdSum);
        return tape.add(base, logDet);
    }

    private Tensor standardizedContext(Tape tape, Tensor context) {
        if (contextFeatures == 0) {
            return null;
        }
        if (context == null || context.cols() != contextFeatures) {
            throw new IllegalArgumentException("the flow is conditioned on " + contextFeatures + " context features");
        }
        return tape.div(tape.sub(context, tape.constant(contextMean)), tape.constant(contextStd));
    }

    /**
     * {@code n} draws of θ given one context row ({@code null} without context), from normal
     * variates of {@code rng}: n × D. Each MADE is inverted one feature at a time, D passes, since
     * feature i's scale and shift need features 0 .. i−1.
     */
    public double[][] sample(int n, double[] context, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        FMatrixRMaj z = new FMatrixRMaj(n, features);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = (float) normal.sample();
        }
        // The context is z-scored once, as logProb's tape ops do it, and repeated on every row.
        FMatrixRMaj contextRows = null;
        if (contextFeatures > 0) {
            contextRows = new FMatrixRMaj(n, contextFeatures);
            for (int j = 0; j < contextFeatures; j++) {
                float standardized = ((float) context[j] - contextMean.data[j]) / contextStd.data[j];
                for (int r = 0; r < n; r++) {
                    contextRows.set(r, j, standardized);
                }
            }
        }
        try (Tape tape = Tape.create()) {
            for (int t = transforms.size() - 1; t >= 0; t--) {
                FMatrixRMaj unpermuted = CommonOps_FDRM.mult(z, inversePermutations.get(t), null);
                FMatrixRMaj x = new FMatrixRMaj(n, features);
                for (int i = 0; i < features; i++) {
                    Tensor c = contextRows == null ? null : tape.constant(contextRows);
                    FMatrixRMaj params = transforms.get(t).forward(tape, tape.constant(x), c).value();
                    for (int r = 0; r < n; r++) {
                        double u = params.get(r, i);
                        double scale = Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u))) + MIN_SCALE;
                        x.set(r, i, (float) ((unpermuted.get(r, i) - params.get(r, features + i)) / scale));
                    }
                    tape.reset();
                }
                z = x;
            }
        }
        double[][] theta = new double[n][features];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < features; i++) {
                theta[r][i] = z.get(r, i) * (double) thetaStd.data[i] + thetaMean.data[i];
            }
        }
        return theta;
    }
}
