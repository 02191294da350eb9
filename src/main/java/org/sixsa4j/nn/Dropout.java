package org.sixsa4j.nn;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014, "Dropout", JMLR 15), as PyTorch's {@code nn.Dropout}:
 * in training mode each element is zeroed with probability p and the survivors are scaled by
 * 1/(1 − p), so that eval mode, where the layer is the identity, needs no rescaling.
 *
 * <p>The masks come from a generator seeded at construction, so a training run is repeatable.
 */
public final class Dropout extends ModeSwitch {

    private final double p;
    private final long seed;
    private final UniformRandomProvider rng;
    private final FMatrixRMaj mask = new FMatrixRMaj(1, 1);

    /**
     * @param p the probability of zeroing an element, in [0, 1)
     * @param seed the seed of the masks
     */
    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.seed = seed;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (!training() || p == 0) {
            return x;
        }
        mask.reshape(x.rows(), x.cols());
        float kept = (float) (1 / (1 - p));
        for (int i = 0; i < mask.getNumElements(); i++) {
            mask.data[i] = rng.nextDouble() < p ? 0f : kept;
        }
        return tape.mulConstant(x, mask);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    public double p() {
        return p;
    }

    /** The seed the masks were drawn from at construction. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
