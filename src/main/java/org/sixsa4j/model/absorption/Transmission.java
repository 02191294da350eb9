package org.sixsa4j.model.absorption;

import org.sixsa4j.internal.kernels.Kernels;

/** The transmission of an absorbing column, exp(−N_H σ), over many bins at once. */
public final class Transmission {
    private Transmission() {
    }

    /**
     * Writes T_i = exp(−nH τ_i) to {@code out[offset .. offset + tau.length − 1]} with the
     * vectorised exponential of the kernels. Allocates nothing.
     *
     * @param nH column in 1e22 cm⁻²
     * @param tau cross-section per H of each bin in 1e-22 cm²; read only
     */
    public static void of(double nH, double[] tau, double[] out, int offset) {
        for (int i = 0; i < tau.length; i++) {
            out[offset + i] = -nH * tau[i];
        }
        Kernels.get().exp(out, offset, out, offset, tau.length);
    }
}
