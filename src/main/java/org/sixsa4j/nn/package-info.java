/**
 * Neural networks on the {@link org.sixsa4j.autodiff} tape: layers with PyTorch's
 * initialisation and semantics ({@link org.sixsa4j.nn.Linear}, {@link org.sixsa4j.nn.BatchNorm1d},
 * the {@link org.sixsa4j.nn.Activation}s, {@link org.sixsa4j.nn.Dropout}, the nflows-style
 * {@link org.sixsa4j.nn.ResidualBlock}), containers ({@link org.sixsa4j.nn.Sequential},
 * {@link org.sixsa4j.nn.Mlp}), the {@link org.sixsa4j.nn.Trainer} with validation split and
 * early stopping, and files: weights in safetensors ({@link org.sixsa4j.nn.SafeTensors}), readable
 * from Python with numpy, and the architecture in JSON ({@link org.sixsa4j.nn.NetworkFiles}).
 *
 * <p>Train and eval modes are explicit ({@link org.sixsa4j.nn.Module#train()},
 * {@link org.sixsa4j.nn.Module#eval()}); they change batch norm and dropout.
 */
package org.sixsa4j.nn;
