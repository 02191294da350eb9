/**
 * Optimisers and their helpers, with PyTorch's semantics and defaults: {@link
 * org.sixsa4j.nn.optim.Adam} and {@link org.sixsa4j.nn.optim.AdamW} (Kingma &amp; Ba 2015;
 * Loshchilov &amp; Hutter 2019), gradient clipping by total norm ({@link
 * org.sixsa4j.nn.optim.GradientClipping}) and {@link org.sixsa4j.nn.optim.ReduceLROnPlateau}.
 */
package org.sixsa4j.nn.optim;
