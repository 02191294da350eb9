/**
 * Reverse-mode automatic differentiation over 2-D float tensors (batch × features), the engine
 * under sixsa4j's neural networks.
 *
 * <p>A {@link org.sixsa4j.autodiff.Tape} records each operation as it computes it and runs the
 * recording backwards to accumulate gradients (Griewank &amp; Walther 2008; Baydin et al., JMLR
 * 18(153), 2018). Tensors are EJML {@link org.ejml.data.FMatrixRMaj} matrices in float32, as
 * PyTorch stores weights and activations; reductions (sums, means, log-sum-exp, batch-norm
 * statistics) accumulate in double. Broadcasting is limited to what networks need: a 1×cols row
 * (a bias) or a rows×1 column against a full matrix.
 *
 * <p>A training step reuses one tape: {@link org.sixsa4j.autodiff.Tape#reset()} returns every
 * buffer to a pool keyed by size, so after the first step a forward, backward and reset of the
 * same shapes allocates almost nothing. Large matrix products split their output rows over the
 * tape's threads; the kernels compute every row the same way whatever range it is in, so results
 * are bit-identical for any thread count.
 */
package org.sixsa4j.autodiff;
