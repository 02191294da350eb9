package org.sixsa4j.sample.fit;

/**
 * A least-squares objective written as its residuals: f(θ) = Σ r_k(θ)², for example
 * r_k = (d_k − m_k(θ)) / σ_k for χ². {@link LevenbergMarquardt} uses the residuals themselves
 * (through their Jacobian), the other minimisers only the sum of squares.
 *
 * <p>Like every {@link Objective}, implementations must be thread-safe; a residual that is not
 * finite makes the point infeasible.
 */
public interface Residuals extends Objective {

    /** The number of residuals. */
    int size();

    /** Writes r(θ) to {@code out[0 .. size() - 1]}; {@code theta} is read, not kept or modified. */
    void residuals(double[] theta, double[] out);

    /** Σ r_k(θ)²: not finite when a residual is not. */
    @Override
    default double value(double[] theta) {
        double[] r = new double[size()];
        residuals(theta, r);
        double sum = 0;
        for (double v : r) {
            sum += v * v;
        }
        return sum;
    }
}
