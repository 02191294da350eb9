package org.sixsa4j.sample.fit;

/**
 * An objective or a residual vector that counts its evaluations, so that every caller (the
 * minimisers, the finite differences, the curvature) is charged without keeping its own tally.
 * One per local minimisation, on one thread: the count is a plain field.
 */
final class CountedFunction {
    /** Writes the function's values at θ to {@code out}. */
    @FunctionalInterface
    interface Values {
        void evaluate(double[] theta, double[] out);
    }

    private final int size;
    private final Values values;
    private long count;

    private CountedFunction(int size, Values values) {
        this.size = size;
        this.values = values;
    }

    /** A scalar objective, as a function with one value. */
    static CountedFunction of(Objective f) {
        return new CountedFunction(1, (theta, out) -> out[0] = f.value(theta));
    }

    /** The residual vector of a least-squares objective. */
    static CountedFunction of(Residuals r) {
        return new CountedFunction(r.size(), r::residuals);
    }

    /** The number of values. */
    int size() {
        return size;
    }

    /** Evaluations so far. */
    long count() {
        return count;
    }

    /** Writes the values at θ to {@code out} and says whether all are finite. */
    boolean evaluate(double[] theta, double[] out) {
        count++;
        values.evaluate(theta, out);
        for (int k = 0; k < size; k++) {
            if (!Double.isFinite(out[k])) {
                return false;
            }
        }
        return true;
    }

    /** The value of a scalar function at θ. */
    double value(double[] theta) {
        double[] out = new double[1];
        evaluate(theta, out);
        return out[0];
    }
}
