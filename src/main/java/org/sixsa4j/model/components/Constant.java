package org.sixsa4j.model.components;

import java.util.Arrays;
import java.util.List;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code constant}: an energy-independent factor, M(E) = factor, used for example to
 * free the relative calibration of instruments in a joint fit.
 * Reference: XSPEC manual, constant.
 */
public final class Constant extends AbstractComponentType {
    // XSPEC model.dat: factor 1. 0.0 0.0 1.e10 1.e10 1.e-2
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("factor", "", 1.0, 0, 0, 1e10, 1e10, 0.01));

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Constant INSTANCE = new Constant();

    private Constant() {
        super("constant", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "energy-independent factor",
                "M(E) = factor",
                "XSPEC manual, constant");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        int n = Bins.of(low, high, name(), false).size();
        return new Evaluator(n);
    }

    /** A constant over n bins; immutable. */
    private static final class Evaluator implements ComponentEvaluator {
        private final int bins;

        Evaluator(int bins) {
            this.bins = bins;
        }

        @Override
        public int bins() {
            return bins;
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            Arrays.fill(out, outOffset, outOffset + bins, parameters[offset]);
        }
    }
}
