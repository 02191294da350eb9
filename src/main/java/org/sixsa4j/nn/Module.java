package org.sixsa4j.nn;

import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * A differentiable function of a batch (rows are examples, columns features) with named
 * parameters and a train/eval mode, the counterpart of PyTorch's {@code torch.nn.Module}.
 *
 * <p>{@link #forward} records its operations on the given tape, so that a backward pass reaches
 * the parameters. Parameter and buffer names are PyTorch's {@code state_dict} keys, in PyTorch's
 * order, so that {@link NetworkFiles} writes weights a PyTorch user can load into the same
 * architecture. A module starts in training mode. A module instance keeps per-call scratch (a
 * dropout mask, running statistics rows) until the next call, so it is applied at most once per
 * recorded forward pass, as in every network built here.
 */
public interface Module {

    /** Records the module applied to {@code x} (batch × in) on {@code tape}; returns batch × out. */
    Tensor forward(Tape tape, Tensor x);

    /** The trainable parameters, named and ordered as in PyTorch's {@code state_dict}. */
    List<Parameter> parameters();

    /**
     * The state that is not trained by gradients but saved with the weights (batch-norm running
     * statistics), as 1 × n rows, named as in PyTorch's {@code state_dict}; updated in place.
     */
    default Map<String, FMatrixRMaj> buffers() {
        return Map.of();
    }

    /** Training mode: batch statistics in batch norm, dropout active. */
    void train();

    /** Evaluation mode: running statistics in batch norm, dropout the identity. */
    void eval();

    /** Whether the module is in training mode. */
    boolean training();
}
