package org.sixsa4j.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tensor;

/**
 * A named trainable tensor of a {@link Module}, the counterpart of one entry of a PyTorch
 * {@code state_dict} ({@code 0.weight}, {@code 1.bias}).
 *
 * <p>Every tensor here is a 2-D matrix, but PyTorch stores biases and batch-norm affine
 * parameters as 1-D vectors; the {@link #shape()} recorded with each parameter is PyTorch's, so
 * that saved weights load into the equivalent PyTorch module unchanged. The same tensor may be
 * known under several names as modules nest ({@link #withPrefix}); the values are shared.
 */
public final class Parameter {

    private final String name;
    private final Tensor tensor;
    private final int[] shape;

    private Parameter(String name, Tensor tensor, int[] shape) {
        this.name = name;
        this.tensor = tensor;
        this.shape = shape;
    }

    /** A parameter stored as the 2-D matrix {@code value} (not copied), e.g. a weight out × in. */
    public static Parameter matrix(String name, FMatrixRMaj value) {
        return new Parameter(name, Tensor.parameter(value), new int[] {value.numRows, value.numCols});
    }

    /** A parameter held as a 1 × n row (for broadcasting over a batch) but stored as a 1-D vector of n. */
    public static Parameter vector(String name, FMatrixRMaj row) {
        if (row.numRows != 1) {
            throw new IllegalArgumentException(name + " must be a 1 × n row, got " + row.numRows + " × " + row.numCols);
        }
        return new Parameter(name, Tensor.parameter(row), new int[] {row.numCols});
    }

    /** The same tensor under the name {@code prefix + "." + name()}, as a containing module sees it. */
    public Parameter withPrefix(String prefix) {
        return new Parameter(prefix + "." + name, tensor, shape);
    }

    /** The state-dict key, for example {@code 2.running_mean} or {@code linear_layers.1.weight}. */
    public String name() {
        return name;
    }

    /** The autodiff leaf that owns the value and the accumulated gradient. */
    public Tensor tensor() {
        return tensor;
    }

    /** The values, row-major; updated in place by optimizers. */
    public FMatrixRMaj value() {
        return tensor.value();
    }

    /** The shape as PyTorch stores it: {@code [rows, cols]} or {@code [n]}. */
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
