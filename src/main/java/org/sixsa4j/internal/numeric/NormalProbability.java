package org.sixsa4j.internal.numeric;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * The probability that a normal variate falls in an interval, to about 1e-12 relative however
 * far in the tails and however narrow the interval: what a Gaussian line puts in an energy bin,
 * and what a Gaussian response puts in a channel.
 *
 * <p>In the standardised variable t = (x − μ)/(σ√2), the probability of [a, a + Δ] is
 * ½[erfc(a) − erfc(a + Δ)]. Each side of the centre uses the erfc of its own tail so that neither
 * tail loses digits: ½[erfc(a) − erfc(b)] above, ½[erfc(−b) − erfc(−a)] below, 1 − ½[erfc(−a) +
 * erfc(b)] across the centre. An interval so narrow that two erfc values nearly cancel is
 * integrated directly by the three-point Gauss–Legendre rule instead.
 */
public final class NormalProbability {
    /**
     * Below this r = Δ (1 + 2 max(|a|, |b|)) two erfc values are too close to subtract (their
     * difference keeps only r of their digits) and the three-point rule, exact to
     * (r/2)⁶/31500 ≈ 5e-15, is used instead.
     */
    private static final double NARROW = 0.05;
    private static final double NODE = Math.sqrt(0.6);

    /** erfc(27.3) ≈ 1e-326 is 0 in double precision: beyond it every interval has probability 0. */
    public static final double UNDERFLOW = 27.3;

    private NormalProbability() {
    }

    /**
     * ½[erfc(a) − erfc(a + delta)]: the probability of [a, a + delta] in the standardised
     * variable. Pass the width itself, not a difference of edges, so that a narrow interval far
     * from the centre keeps its digits.
     */
    public static double ofStandardised(double a, double delta) {
        double b = a + delta;
        if (delta * (1 + 2 * Math.max(Math.abs(a), Math.abs(b))) <= NARROW) {
            return narrow(a, delta);
        }
        if (a >= 0) {
            return 0.5 * (Erfc.value(a) - Erfc.value(b));
        }
        if (b <= 0) {
            return 0.5 * (Erfc.value(-b) - Erfc.value(-a));
        }
        return 1 - 0.5 * (Erfc.value(-a) + Erfc.value(b));
    }

    /** (1/√π) ∫ exp(−t²) dt over [a, a + delta] by the three-point Gauss–Legendre rule. */
    private static double narrow(double a, double delta) {
        double half = 0.5 * delta;
        double mid = a + half;
        double t0 = mid - NODE * half;
        double t2 = mid + NODE * half;
        double sum = 5 * Math.exp(-t0 * t0) + 8 * Math.exp(-mid * mid) + 5 * Math.exp(-t2 * t2);
        return sum * half / 9 / Math.sqrt(Math.PI);
    }
}
