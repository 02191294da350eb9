package org.sixsa4j.autodiff;

import org.ejml.data.FMatrixRMaj;

/**
 * A rows × cols float matrix on a reverse-mode tape: a parameter that owns its value and
 * gradient, a constant that has no gradient, or the result of an operation recorded on a
 * {@link Tape}.
 *
 * <p>Values and gradients are float32, stored row-major in EJML's {@link FMatrixRMaj}, as
 * PyTorch keeps network weights and activations. A parameter's gradient accumulates (+=) over
 * every {@link Tape#backward} until {@link #zeroGrad()}, so gradients of several losses or
 * micro-batches add up. A tensor returned by a tape op borrows its buffers from the tape's pool:
 * it is valid until that tape's {@link Tape#reset()}, after which the object is reused for a
 * later op and must not be read. The reverse mode itself is the classic adjoint accumulation
 * (Griewank &amp; Walther, <i>Evaluating Derivatives</i>, 2nd ed., SIAM 2008, ch. 3).
 */
public final class Tensor {

    /** What a tensor is: it decides who owns its buffers and whether backward reaches it. */
    enum Kind { PARAMETER, CONSTANT, NODE }

    final Kind kind;
    FMatrixRMaj value;
    /** Null for constants, and for nodes none of whose inputs needs a gradient. */
    FMatrixRMaj grad;
    boolean requiresGrad;

    // The fields below describe how a NODE was computed; Tape fills and reads them. Keeping
    // them here rather than in a closure per op lets the tape reuse node objects step after step.
    Op op;
    /** Index of this node in its tape's recording. */
    int position;
    Tensor a;
    Tensor b;
    Tensor c;
    double scalar1;
    double scalar2;
    int int1;
    int int2;
    /** Row indices of gatherRows or column indices of gatherCols, copied so the caller may reuse its array. */
    int[] index = new int[0];
    /** Inputs of concatCols; only the first {@code partCount} are meaningful. */
    Tensor[] parts = new Tensor[0];
    int partCount;
    /** A constant matrix the op reads (mask, weights), not owned by the tape. */
    FMatrixRMaj constant;
    /** Pooled scratch the op keeps for its backward pass (masked weight, normalised input). */
    FMatrixRMaj aux;
    /** Double results kept for backward (batch-norm statistics, log-sum-exp), grown as needed. */
    double[] stats = new double[0];

    private Tensor(Kind kind) {
        this.kind = kind;
    }

    /**
     * A trainable leaf that owns {@code value} (not copied) and a zeroed gradient of the same
     * shape. Both survive tape resets; the gradient accumulates until {@link #zeroGrad()}.
     */
    public static Tensor parameter(FMatrixRMaj value) {
        Tensor t = new Tensor(Kind.PARAMETER);
        t.value = value;
        t.grad = new FMatrixRMaj(value.numRows, value.numCols);
        t.requiresGrad = true;
        return t;
    }

    /** A leaf without gradient wrapping {@code value}, which is not copied. */
    public static Tensor constant(FMatrixRMaj value) {
        Tensor t = new Tensor(Kind.CONSTANT);
        t.value = value;
        return t;
    }

    /** A blank node for a tape's pool. */
    static Tensor node() {
        return new Tensor(Kind.NODE);
    }

    /** The value; owned by the caller for leaves, by the tape (until reset) for op results. */
    public FMatrixRMaj value() {
        return value;
    }

    /** The accumulated gradient of the last backward pass(es), or null when none is tracked. */
    public FMatrixRMaj grad() {
        return grad;
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    /** Whether backward computes a gradient for this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Sets the gradient to zero; a no-op for tensors without one. */
    public void zeroGrad() {
        if (grad != null) {
            java.util.Arrays.fill(grad.data, 0, grad.getNumElements(), 0f);
        }
    }

    @Override
    public String toString() {
        String what = kind == Kind.NODE ? (op == null ? "node" : op.name().toLowerCase(java.util.Locale.ROOT))
                : kind.name().toLowerCase(java.util.Locale.ROOT);
        return "Tensor[" + what + ", " + rows() + "×" + cols() + "]";
    }
}
