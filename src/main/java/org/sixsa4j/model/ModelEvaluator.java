package org.sixsa4j.model;

import java.util.List;
import org.sixsa4j.model.ModelExpression.Leaf;
import org.sixsa4j.model.ModelExpression.Node;
import org.sixsa4j.model.ModelExpression.Product;
import org.sixsa4j.model.ModelExpression.Sum;

/**
 * A {@link Model} bound to energy bins: each component's evaluator and one buffer per component,
 * so that evaluating allocates nothing. Sums add the components' photon spectra and products
 * multiply in the factors, bin by bin, in the expression's tree order. Not thread-safe: bind one
 * per thread.
 */
public final class ModelEvaluator {
    private final Model model;
    private final ComponentEvaluator[] components;
    private final double[][] buffers;
    private final int bins;

    ModelEvaluator(Model model, double[] low, double[] high, ModelSettings settings) {
        this.model = model;
        List<ComponentType> types = model.expression().components();
        this.components = new ComponentEvaluator[types.size()];
        this.buffers = new double[types.size()][];
        this.bins = low.length;
        for (int c = 0; c < types.size(); c++) {
            components[c] = types.get(c).bind(low, high, settings);
            buffers[c] = new double[bins];
        }
    }

    /** Number of bins. */
    public int bins() {
        return bins;
    }

    /** The model this evaluates. */
    public Model model() {
        return model;
    }

    /**
     * Photons cm⁻² s⁻¹ per bin, written to {@code out[outOffset .. outOffset + bins() - 1]}.
     *
     * @param parameters one observation's parameters, in the model's order, from {@code offset}
     *     (a full parameter vector and {@link Model#parameterOffset(int)})
     */
    public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
        int result = evaluate(model.expression().root(), parameters, offset);
        System.arraycopy(buffers[result], 0, out, outOffset, bins);
    }

    /**
     * A batch: spectrum {@code s} reads its parameters from {@code parameters[offset + s * stride ..]}
     * and writes its photon spectrum to {@code out[outOffset + s * outStride ..]}. Allocates nothing.
     */
    public void evaluate(double[] parameters, int offset, int stride, int batch, double[] out, int outOffset, int outStride) {
        for (int s = 0; s < batch; s++) {
            evaluate(parameters, offset + s * stride, out, outOffset + s * outStride);
        }
    }

    /** Photons cm⁻² s⁻¹ per bin for observation {@code observation} of a full parameter vector, as a new array. */
    public double[] evaluate(double[] full, int observation) {
        double[] out = new double[bins];
        evaluate(full, model.parameterOffset(observation), out, 0);
        return out;
    }

    /** Evaluates a node into the buffer of one of its leaves and returns that buffer's index. */
    private int evaluate(Node node, double[] parameters, int offset) {
        if (node instanceof Leaf) {
            int c = ((Leaf) node).index();
            components[c].evaluate(parameters, offset + model.componentOffset(c), buffers[c], 0);
            return c;
        }
        if (node instanceof Sum) {
            List<Node> terms = ((Sum) node).terms();
            int result = evaluate(terms.get(0), parameters, offset);
            for (int t = 1; t < terms.size(); t++) {
                add(buffers[result], buffers[evaluate(terms.get(t), parameters, offset)]);
            }
            return result;
        }
        Product product = (Product) node;
        List<Node> factors = product.factors();
        // The additive factor, if any, carries the result; the others multiply into it.
        Node carrier = factors.get(0);
        for (Node f : factors) {
            if (f.kind() == ComponentKind.ADDITIVE) {
                carrier = f;
            }
        }
        int result = evaluate(carrier, parameters, offset);
        for (Node f : factors) {
            if (f != carrier) {
                multiply(buffers[result], buffers[evaluate(f, parameters, offset)]);
            }
        }
        return result;
    }

    private void add(double[] into, double[] term) {
        for (int i = 0; i < bins; i++) {
            into[i] += term[i];
        }
    }

    private void multiply(double[] into, double[] factor) {
        for (int i = 0; i < bins; i++) {
            into[i] *= factor[i];
        }
    }
}
