package org.sixsa4j.model.components;

/**
 * A component's energy bins, copied and checked once when the component is bound: finite,
 * 0 ≤ low &lt; high (0 &lt; low where the component works in log energy), lower bounds in
 * increasing order. Bins may overlap or leave gaps.
 */
final class Bins {
    final double[] low;
    final double[] high;

    private Bins(double[] low, double[] high) {
        this.low = low;
        this.high = high;
    }

    /**
     * Checked copies of the bounds.
     *
     * @param component the XSPEC name, for the error message
     * @param positive whether the lowest bound must exceed 0 (components integrated in log energy)
     */
    static Bins of(double[] low, double[] high, String component, boolean positive) {
        if (low.length != high.length) {
            throw new IllegalArgumentException(component + ": " + low.length + " lower and " + high.length + " upper bin bounds");
        }
        for (int i = 0; i < low.length; i++) {
            boolean ordered = (positive ? low[i] > 0 : low[i] >= 0) && high[i] > low[i] && Double.isFinite(high[i]);
            if (!ordered || (i > 0 && low[i] < low[i - 1])) {
                throw new IllegalArgumentException(component + ": bin " + i + " is [" + low[i] + ", " + high[i]
                        + "] keV; bins must satisfy " + (positive ? "0 < lo" : "0 <= lo") + " < hi, in increasing order");
            }
        }
        return new Bins(low.clone(), high.clone());
    }

    int size() {
        return low.length;
    }
}
