package org.sixsa4j.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * Batch normalisation over the batch dimension (Ioffe &amp; Szegedy 2015, "Batch normalization",
 * ICML, algorithm 1), with learned scale γ and shift β, as PyTorch's {@code nn.BatchNorm1d}.
 *
 * <p>In training mode each feature is normalised with the batch mean and biased batch variance,
 * y = (x − μ_B)/√(σ²_B + ε)·γ + β, and the running statistics move towards the batch ones:
 * r ← (1 − momentum)·r + momentum·s, with the unbiased batch variance for the running variance
 * (PyTorch's choice). In eval mode the running statistics replace the batch ones, so outputs do
 * not depend on the batch. Running mean and variance start at 0 and 1, γ at 1 and β at 0.
 * Defaults are PyTorch's: eps 1e-5, momentum 0.1. PyTorch's {@code num_batches_tracked} counter
 * is not kept: with a fixed momentum it does not affect any output.
 */
public final class BatchNorm1d extends ModeSwitch {

    private final int features;
    private final double eps;
    private final double momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final FMatrixRMaj runningMean;
    private final FMatrixRMaj runningVar;
    private final float[] batchMean;
    private final float[] batchVar;
    /** Eval-mode rows: the running mean and 1/√(running var + ε), read by the tape until its reset. */
    private final FMatrixRMaj evalMean;
    private final FMatrixRMaj evalInverseStd;

    /** A layer with PyTorch's defaults, eps 1e-5 and momentum 0.1. */
    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1);
    }

    /**
     * @param eps added to the variance before the square root
     * @param momentum the weight of the newest batch in the running statistics
     */
    public BatchNorm1d(int features, double eps, double momentum) {
        if (features < 1) {
            throw new IllegalArgumentException("batch norm needs at least one feature, got " + features);
        }
        if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batch norm needs eps > 0 and momentum in [0, 1], got " + eps + ", " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        FMatrixRMaj ones = new FMatrixRMaj(1, features);
        ones.fill(1f);
        this.gamma = Parameter.vector("weight", ones);
        this.beta = Parameter.vector("bias", new FMatrixRMaj(1, features));
        this.runningMean = new FMatrixRMaj(1, features);
        this.runningVar = new FMatrixRMaj(1, features);
        runningVar.fill(1f);
        this.batchMean = new float[features];
        this.batchVar = new float[features];
        this.evalMean = new FMatrixRMaj(1, features);
        this.evalInverseStd = new FMatrixRMaj(1, features);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.cols() != features) {
            throw new IllegalArgumentException("batch norm over " + features + " features got " + x.cols() + " columns");
        }
        if (training()) {
            if (x.rows() < 2) {
                // the unbiased variance of one example is 0/0; PyTorch refuses the same way
                throw new IllegalArgumentException("batch norm in training mode needs more than one example per batch");
            }
            Tensor y = tape.batchNorm(x, gamma.tensor(), beta.tensor(), eps, batchMean, batchVar);
            for (int j = 0; j < features; j++) {
                runningMean.data[j] = (float) ((1 - momentum) * runningMean.data[j] + momentum * batchMean[j]);
                runningVar.data[j] = (float) ((1 - momentum) * runningVar.data[j] + momentum * batchVar[j]);
            }
            return y;
        }
        for (int j = 0; j < features; j++) {
            evalMean.data[j] = runningMean.data[j];
            evalInverseStd.data[j] = (float) (1 / Math.sqrt(runningVar.data[j] + eps));
        }
        // y = x·a + (β − μ·a) with a = γ/√(var + ε): two batch-sized ops, and γ, β still get gradients
        Tensor scale = tape.mulConstant(gamma.tensor(), evalInverseStd);
        Tensor shift = tape.sub(beta.tensor(), tape.mulConstant(scale, evalMean));
        return tape.add(tape.mul(x, scale), shift);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Map<String, FMatrixRMaj> buffers() {
        Map<String, FMatrixRMaj> buffers = new LinkedHashMap<>();
        buffers.put("running_mean", runningMean);
        buffers.put("running_var", runningVar);
        return buffers;
    }

    public int features() {
        return features;
    }

    public double eps() {
        return eps;
    }

    public double momentum() {
        return momentum;
    }

    /** The running mean, 1 × features; modifiable. */
    public FMatrixRMaj runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance, 1 × features; modifiable. */
    public FMatrixRMaj runningVar() {
        return runningVar;
    }

    /** γ, 1 × features; modifiable. */
    public FMatrixRMaj weight() {
        return gamma.value();
    }

    /** β, 1 × features; modifiable. */
    public FMatrixRMaj bias() {
        return beta.value();
    }

    @Override
    public String toString() {
        return "BatchNorm1d(" + features + ")";
    }
}
