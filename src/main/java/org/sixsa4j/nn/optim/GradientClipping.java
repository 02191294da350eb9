package org.sixsa4j.nn.optim;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.nn.Parameter;

/**
 * Rescales gradients so that their joint Euclidean norm does not exceed a bound, as PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_} with the 2-norm (Pascanu, Mikolov &amp; Bengio 2013, "On
 * the difficulty of training recurrent neural networks", ICML, algorithm 1).
 */
public final class GradientClipping {

    /** PyTorch adds this to the norm so that the scaled norm lands just under the bound. */
    private static final double EPS = 1e-6;

    private GradientClipping() {
    }

    /**
     * Computes the L2 norm of all the parameters' gradients taken together and, when it exceeds
     * {@code maxNorm}, multiplies every gradient by {@code maxNorm / (norm + 1e-6)}. The squares
     * are summed in double. A NaN or infinite norm leaves the gradients as they are; the caller
     * decides what to do about it.
     *
     * @return the total norm before clipping
     */
    public static double clipByTotalNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        double sumOfSquares = 0;
        for (Parameter p : parameters) {
            FMatrixRMaj g = p.tensor().grad();
            if (g == null) {
                continue;
            }
            for (int i = 0, n = g.getNumElements(); i < n; i++) {
                double x = g.data[i];
                sumOfSquares += x * x;
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        double scale = maxNorm / (norm + EPS);
        if (Double.isFinite(norm) && scale < 1) {
            float s = (float) scale;
            for (Parameter p : parameters) {
                FMatrixRMaj g = p.tensor().grad();
                if (g == null) {
                    continue;
                }
                for (int i = 0, n = g.getNumElements(); i < n; i++) {
                    g.data[i] *= s;
                }
            }
        }
        return norm;
    }
}
