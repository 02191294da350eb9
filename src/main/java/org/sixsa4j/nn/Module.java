package org.sixsa4j.nn;

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
public interface Module extends Trainable {

    /** Records the module applied to {@code x} (batch × in) on {@code tape}; returns batch × out. */
    Tensor forward(Tape tape, Tensor x);
}
