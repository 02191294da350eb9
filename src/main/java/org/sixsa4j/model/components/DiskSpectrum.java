package org.sixsa4j.model.components;

import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.IncompleteGamma;

/**
 * The multi-colour disk's spectral shape in units of the inner temperature,
 * g(y) = y^(−2/3) I(y) with I(y) = ∫_y^∞ x^(5/3) / (eˣ − 1) dx and y = E/T_in (Mitsuda et al.
 * 1984; Makishima et al. 1986). It comes from summing black bodies over a disk whose
 * temperature falls as T = T_in (r/r_in)^(−3/4): substituting x = E/T turns ∫ 2πr B_E(T(r)) dr
 * into (8π/3) r_in² (2/h³c²) T_in² g(E/T_in).
 *
 * <p>ln g(y) + y is smooth in t = ln y, tending to ln I(0) − 2t/3 as y → 0 and to
 * t + ln(1 + 5/(3y) + …) as y → ∞; its fourth derivative stays below 0.54. It is tabulated at
 * t = −14 … ln 760 every 1/64 with exact first derivatives, and interpolated by cubic Hermite
 * polynomials, whose error is below h⁴ max|f⁗| / 384 = 8.5e-11. The table is computed once,
 * when the class loads, from I(y) = I(0) − Σ B_n yⁿ⁺⁵ᐟ³ / (n! (n + 5/3)) for y &lt; 2
 * (I(0) = Γ(8/3) ζ(8/3)), Σ_k k^(−8/3) Γ(8/3, ky) for 2 ≤ y &lt; 40, and the asymptotic series
 * of Γ(8/3, y) beyond. Below t = −14 the first two terms of the small-y series are exact to
 * 1e-16; above ln 760, g(y) y &lt; 1e-324 underflows to 0.
 */
final class DiskSpectrum {
    /** Table range and step in t = ln(E/T_in). */
    static final double T_MIN = -14;
    static final double T_MAX = Math.log(760);
    private static final int PER_UNIT = 64;
    private static final double STEP = 1.0 / PER_UNIT;

    private static final double A = 8.0 / 3;
    /** I(0) = Γ(8/3) ζ(8/3). */
    static final double I0 = Gamma.value(A) * zeta(A);
    private static final double LOG_I0 = Math.log(I0);

    /** The value beyond T_MAX: exp of it is 0. */
    private static final double UNDERFLOW = -1000;

    /** Hermite coefficients of interval j, in s = (t − t_j)/STEP: c0 + s(c1 + s(c2 + s c3)). */
    private static final double[] COEFFICIENTS = table();

    private DiskSpectrum() {
    }

    /** ln g(y), given both t = ln y and y (callers have them without a log or an exp). */
    static double logShape(double t, double y) {
        if (t < T_MIN) {
            // I(y) = I(0) - (3/5) y^(5/3) + (3/16) y^(8/3) - ...; the next term is below 1e-16 of I(0) here.
            double y53 = Math.exp(5.0 / 3 * t);
            return LOG_I0 - 2.0 / 3 * t + Math.log1p((-0.6 * y53 + 0.1875 * y53 * y) / I0);
        }
        if (t >= T_MAX) {
            return UNDERFLOW;
        }
        double s = (t - T_MIN) * PER_UNIT;
        int j = (int) s;
        s -= j;
        int k = 4 * j;
        return COEFFICIENTS[k] + s * (COEFFICIENTS[k + 1] + s * (COEFFICIENTS[k + 2] + s * COEFFICIENTS[k + 3])) - y;
    }

    private static double[] table() {
        int intervals = (int) Math.ceil((T_MAX - T_MIN) * PER_UNIT);
        double[] value = new double[intervals + 1];
        double[] slope = new double[intervals + 1];
        for (int j = 0; j <= intervals; j++) {
            double t = T_MIN + j * STEP;
            double[] vs = smoothPart(t);
            value[j] = vs[0];
            slope[j] = vs[1] * STEP;
        }
        double[] c = new double[4 * intervals];
        for (int j = 0; j < intervals; j++) {
            double dv = value[j + 1] - value[j];
            c[4 * j] = value[j];
            c[4 * j + 1] = slope[j];
            c[4 * j + 2] = 3 * dv - 2 * slope[j] - slope[j + 1];
            c[4 * j + 3] = -2 * dv + slope[j] + slope[j + 1];
        }
        return c;
    }

    /** ln g(y) + y and its derivative in t, at t = ln y. */
    static double[] smoothPart(double t) {
        double y = Math.exp(t);
        if (y >= 40) {
            // I(y) = y^(5/3) e^(-y) S(y) (1 + O(e^-y)), S = 1 + (a-1)/y + (a-1)(a-2)/y^2 + ...
            double s = 1;
            double term = 1;
            for (int k = 1; k < 60; k++) {
                double next = term * (A - k) / y;
                if (Math.abs(next) >= Math.abs(term)) {
                    break;
                }
                term = next;
                s += term;
            }
            double v = t + Math.log(s);
            double d = -2.0 / 3 + y - y / (s * -Math.expm1(-y));
            return new double[] {v, d};
        }
        double integral = y < 2 ? I0 - headIntegral(y) : tailIntegral(y);
        double v = Math.log(integral) - 2.0 / 3 * t + y;
        double d = -2.0 / 3 + y - Math.pow(y, A) / (Math.expm1(y) * integral);
        return new double[] {v, d};
    }

    /** ∫_0^y x^(5/3)/(eˣ − 1) dx = Σ B_n y^(n+5/3) / (n! (n + 5/3)), converging for y &lt; 2π. */
    private static double headIntegral(double y) {
        double y53 = Math.pow(y, 5.0 / 3);
        double sum = y53 / (5.0 / 3) - 0.5 * y53 * y / A;
        double power = y53;
        double twoPi2 = 4 * Math.PI * Math.PI;
        double scale = 1;
        for (int k = 1; k < 40; k++) {
            // B_2k / (2k)! = (-1)^(k+1) 2 ζ(2k) / (2π)^(2k)
            power *= y * y;
            scale /= twoPi2;
            double term = (k % 2 == 1 ? 2 : -2) * zeta(2 * k) * scale * power / (2 * k + 5.0 / 3);
            sum += term;
            if (Math.abs(term) < 1e-18 * sum) {
                break;
            }
        }
        return sum;
    }

    /** Σ_k k^(−8/3) Γ(8/3, ky), summed until the terms are negligible. */
    private static double tailIntegral(double y) {
        double sum = 0;
        for (int k = 1; k * y < 760; k++) {
            double term = IncompleteGamma.Upper.value(A, k * y) / Math.pow(k, A);
            sum += term;
            if (term < 1e-18 * sum) {
                break;
            }
        }
        return sum;
    }

    /**
     * The Riemann zeta function for s &gt; 1 by Euler–Maclaurin summation with N = 10 and six
     * Bernoulli corrections, exact to rounding for s ≥ 2.5.
     */
    static double zeta(double s) {
        final int n = 10;
        // B_2m / (2m)! for m = 1 .. 6
        final double[] b = {1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160, -691.0 / 1307674368000.0};
        double sum = 0;
        for (int j = 1; j < n; j++) {
            sum += Math.pow(j, -s);
        }
        sum += Math.pow(n, 1 - s) / (s - 1) + 0.5 * Math.pow(n, -s);
        double rising = s;
        double power = Math.pow(n, -s - 1);
        for (int m = 0; m < b.length; m++) {
            sum += b[m] * rising * power;
            rising *= (s + 2 * m + 1) * (s + 2 * m + 2);
            power /= n * n;
        }
        return sum;
    }
}
