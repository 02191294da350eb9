package org.sixsa4j.nn.optim;

/**
 * A first-order optimizer that updates a fixed list of parameters in place from their
 * accumulated gradients, as {@code torch.optim.Optimizer} does for one parameter group.
 *
 * <p>A training step is: {@link #zeroGrad()}, forward, backward, {@link #step()}. The learning
 * rate is exposed so that a scheduler such as {@link ReduceLROnPlateau} can change it between
 * steps.
 */
public interface Optimizer {

    /** Updates every parameter from its current gradient; parameters without a gradient are left alone. */
    void step();

    /** Sets every parameter's gradient to zero, ready for the next backward pass. */
    void zeroGrad();

    /** The learning rate the next {@link #step()} uses. */
    double learningRate();

    /** Changes the learning rate for the following steps; the moment estimates are kept. */
    void setLearningRate(double learningRate);
}
