package org.sixsa4j.sample.fit;

/**
 * A confidence interval on one parameter from the profile of the statistic, as XSPEC's
 * {@code error} command gives it: the values where min over the other parameters of f rises to
 * f_min + Δ (Lampton, Margon &amp; Bowyer 1976, ApJ 208, 177; Δ = 2.706 for 90 %, 1.0 for 68 %
 * on one parameter). A limit the statistic never reaches inside the box is reported at the bound
 * and flagged, as XSPEC does.
 *
 * @param parameter the parameter's index
 * @param name its name
 * @param delta the rise Δ of the statistic that defines the interval
 * @param best the parameter's value at the best fit
 * @param lower the lower limit (NaN if the search failed)
 * @param upper the upper limit (NaN if the search failed)
 * @param lowerLimit how the lower limit was found
 * @param upperLimit how the upper limit was found
 * @param evaluations objective evaluations spent on this interval
 */
public record ConfidenceInterval(int parameter, String name, double delta, double best, double lower, double upper, Limit lowerLimit,
        Limit upperLimit, long evaluations) {

    /** How one end of an interval was found. */
    public enum Limit {
        /** The profiled statistic crosses f_min + Δ here. */
        FOUND,
        /** The statistic stays below f_min + Δ up to the parameter's bound, which is reported. */
        AT_BOUND,
        /** The search did not converge (the profile re-fits failed, or no crossing was bracketed). */
        FAILED
    }

    /** The lower limit minus the best value (negative), as XSPEC prints it. */
    public double minus() {
        return lower - best;
    }

    /** The upper limit minus the best value. */
    public double plus() {
        return upper - best;
    }
}
