package org.sixsa4j.nn;

import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;

/**
 * Anything a {@link Trainer} can fit: named parameters, saved buffers and a train/eval mode. A
 * {@link Module} is one; so is a density estimator whose loss is not a function of one forward
 * pass (a normalising flow, trained through its log-probability).
 */
public interface Trainable {

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

    /** Whether the model is in training mode. */
    boolean training();
}
