package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentType;
import org.sixsa4j.model.ModelSettings;

/** Every registered component and one-line ways to evaluate them, for the tests. */
final class ComponentTesting {
    /** Every registered component. */
    static final List<ComponentType> ALL = org.sixsa4j.model.Components.all();

    private ComponentTesting() {
    }

    /** The component's values on bins [lo_i, hi_i] for the given parameters (XSPEC order, norm last). */
    static double[] evaluate(ComponentType type, double[] lo, double[] hi, double... parameters) {
        ComponentEvaluator e = type.bind(lo, hi, ModelSettings.xspecDefaults());
        double[] out = new double[lo.length];
        e.evaluate(parameters, 0, out, 0);
        return out;
    }

    /** The same on one bin. */
    static double bin(ComponentType type, double lo, double hi, double... parameters) {
        return evaluate(type, new double[] {lo}, new double[] {hi}, parameters)[0];
    }

    /**
     * Asserts |actual − expected| ≤ relative |expected|, values below 1e-290 (where only
     * denormal digits are left) counting as equal.
     */
    static void assertClose(double expected, double actual, double relative, String message) {
        if (!(Math.abs(actual - expected) <= relative * Math.abs(expected) + 1e-290)) {
            throw new AssertionError(message + ": expected " + expected + " but was " + actual
                    + " (relative error " + (actual - expected) / expected + ")");
        }
    }

    /** The defaults of every parameter. */
    static double[] defaults(ComponentType type) {
        return type.parameters().stream().mapToDouble(p -> p.defaultValue()).toArray();
    }
}
