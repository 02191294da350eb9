package org.sixsa4j.sample.fit;

import org.sixsa4j.stat.CStatGoodness;

/**
 * What the caller, who knows the bins, adds to a fit about its goodness: the degrees of freedom
 * (bins used minus free parameters) and the expected value and variance of the statistic when
 * the data are drawn from the best-fitting model: dof and 2 dof for χ², Kaastra's C_e and C_v for
 * the C-stat (Kaastra 2017, A&amp;A 605, A51; see {@link CStatGoodness}).
 *
 * @param degreesOfFreedom bins minus free parameters
 * @param expected the expected value of the statistic
 * @param variance its variance
 */
public record GoodnessOfFit(int degreesOfFreedom, double expected, double variance) {

    /** For χ² with {@code dof} degrees of freedom: expected dof, variance 2 dof. */
    public static GoodnessOfFit chiSquare(int dof) {
        return new GoodnessOfFit(dof, dof, 2.0 * dof);
    }

    /** For the C-stat, from Kaastra's expectation and variance at the best fit. */
    public static GoodnessOfFit cstat(int dof, CStatGoodness goodness) {
        return new GoodnessOfFit(dof, goodness.expected(), goodness.variance());
    }

    /** How many standard deviations {@code statistic} lies above its expectation. */
    public double sigma(double statistic) {
        return (statistic - expected) / Math.sqrt(variance);
    }
}
