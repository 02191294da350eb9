/**
 * Normalising flows for neural posterior estimation: {@link org.sixsa4j.flow.Made} and the
 * conditional {@link org.sixsa4j.flow.MaskedAutoregressiveFlow} of Papamakarios et al. (2017),
 * shaped as sbi's default density estimator, on the {@link org.sixsa4j.autodiff} tape.
 */
package org.sixsa4j.flow;
