package org.sixsa4j.nn;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * An affine layer y = x·Wᵀ + b with W stored out × in, as PyTorch's {@code nn.Linear}.
 *
 * <p>Initialisation follows PyTorch: Kaiming-uniform weights with a = √5 (He et al. 2015, "Delving
 * deep into rectifiers", ICCV), whose bound gain·√(3/fan_in) with gain = √(2/(1 + a²)) reduces to
 * 1/√fan_in, and biases uniform on ±1/√fan_in. The weights are drawn row-major, then the biases,
 * from the given generator, so a seed fixes the network.
 */
public final class Linear extends ModeSwitch {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param bias whether the layer adds a bias
     * @param rng the source of the initial weights
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, UniformRandomProvider rng) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("a linear layer needs at least one input and one output, got "
                    + inFeatures + " → " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        double bound = 1 / Math.sqrt(inFeatures);
        this.weight = Parameter.matrix("weight", uniform(outFeatures, inFeatures, bound, rng));
        this.bias = bias ? Parameter.vector("bias", uniform(1, outFeatures, bound, rng)) : null;
    }

    /** A layer with a bias. */
    public Linear(int inFeatures, int outFeatures, UniformRandomProvider rng) {
        this(inFeatures, outFeatures, true, rng);
    }

    /** Overwrites weights and bias with draws uniform on ±{@code bound}, as nflows does for a residual block's last layer. */
    void initUniform(double bound, UniformRandomProvider rng) {
        fill(weight.value(), bound, rng);
        if (bias != null) {
            fill(bias.value(), bound, rng);
        }
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return tape.linear(x, weight.tensor(), bias == null ? null : bias.tensor());
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** The weight matrix, out × in; modifiable. */
    public FMatrixRMaj weight() {
        return weight.value();
    }

    /** The bias as a 1 × out row, or null; modifiable. */
    public FMatrixRMaj bias() {
        return bias == null ? null : bias.value();
    }

    private static FMatrixRMaj uniform(int rows, int cols, double bound, UniformRandomProvider rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        fill(m, bound, rng);
        return m;
    }

    private static void fill(FMatrixRMaj m, double bound, UniformRandomProvider rng) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }

    @Override
    public String toString() {
        return "Linear(" + inFeatures + " → " + outFeatures + (bias == null ? ", no bias)" : ")");
    }
}
