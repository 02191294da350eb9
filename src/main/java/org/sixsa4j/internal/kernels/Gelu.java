package org.sixsa4j.internal.kernels;

/**
 * The float arithmetic of GELU shared by both kernel implementations, so that they evaluate the
 * same formula and differ only in the rounding of {@code exp}.
 *
 * <p>{@code GELU(x) = x Φ(x)} with {@code Φ(x) = erfc(−x/√2)/2}. The complementary error
 * function comes from the Chebyshev-fitted form of Press, Teukolsky, Vetterling &amp; Flannery,
 * <i>Numerical Recipes in C</i>, 2nd ed. (1992), §6.2 ({@code erfcc}):
 * <pre>
 *   erfc(z) ≈ t·exp(−z² + P(t)),  t = 1/(1 + z/2),  z ≥ 0,
 * </pre>
 * with the nine-degree polynomial {@code P} of {@link #P}, whose relative error is below
 * 1.2e-7 for every {@code z ≥ 0} (1.05e-7 measured on [0, 10] in double). A single formula for
 * the whole range, without branches between sub-intervals, is what lets the Vector API version
 * evaluate it lane-wise. Φ is taken from the tail that does not cancel: {@code erfc(|x|/√2)/2}
 * for {@code x < 0} and {@code 1 − erfc(|x|/√2)/2} otherwise, so its absolute error stays
 * below 1e-7 before float rounding. Evaluated in float, GELU has an absolute error of a few
 * 1e-8·max(1, |x|) against the exact function, well inside the 1e-6·max(1, |x|) of
 * {@link Kernels#gelu}.
 *
 * <p>{@code exp} is our own ({@link #exp}), not {@link Math#exp} or the Vector API's {@code EXP}:
 * the latter is computed by one routine in compiled code and another in the interpreter, and
 * they disagree in the last bit now and then, which made two identical training runs differ.
 * Built from additions, multiplications and fused multiply-adds only, whose results IEEE 754
 * fixes exactly, ours gives the same bits in the scalar and vector kernels, compiled or not.
 */
final class Gelu {
    /** 1/√2. */
    static final float INV_SQRT2 = 0.70710678118654752f;
    /** 1/√(2π), the normal density at 0. */
    static final float INV_SQRT_2PI = 0.39894228040143268f;
    /** Coefficients of P(t), constant term first (Numerical Recipes, {@code erfcc}). */
    static final float[] P = {
        -1.26551223f, 1.00002368f, 0.37409196f, 0.09678418f, -0.18628806f,
        0.27886807f, -1.13520398f, 1.48851587f, -0.82215223f, 0.17087277f,
    };

    /** log2(e). */
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5·2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    static final float ROUNDER = 12582912f;
    /** ln 2 split in two (Cody &amp; Waite 1980): the high part has trailing zeros, so n·LN2_HI is exact. */
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.42860676533018704e-6f;
    /** Below this, exp(x) is under the smallest normal float; the argument is raised to it. */
    static final float EXP_MIN = -87f;
    /** 1/k! for k = 2..7: the Taylor polynomial of e^r on |r| ≤ ln2/2, truncation below 5e-9. */
    static final float[] E = {1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040};

    private Gelu() {
    }

    /**
     * e^x for {@code x ≤ 0} (GELU and {@link Tanh} need no other), to about 2 ulp: x = n ln2 + r with n an
     * integer and |r| ≤ ln2/2 (Cody &amp; Waite, <i>Software Manual for the Elementary
     * Functions</i>, 1980), e^r by its degree-7 Taylor polynomial, and 2^n put into the exponent
     * bits. Arguments below {@link #EXP_MIN} give e^−87 instead of a smaller number.
     */
    static float exp(float x) {
        float a = Math.max(x, EXP_MIN);
        float n = (a * LOG2E + ROUNDER) - ROUNDER;
        float r = Math.fma(n, -LN2_HI, a);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(r, E[5], E[4]);
        p = Math.fma(p, r, E[3]);
        p = Math.fma(p, r, E[2]);
        p = Math.fma(p, r, E[1]);
        p = Math.fma(p, r, E[0]);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        return p * Float.intBitsToFloat(((int) n + 127) << 23);
    }

    /** {@code erfc(z)} for {@code z ≥ 0}. */
    static float erfc(float z) {
        float t = 1f / Math.fma(z, 0.5f, 1f);
        float p = P[9];
        for (int i = 8; i >= 0; i--) {
            p = Math.fma(p, t, P[i]);
        }
        return t * exp(-z * z + p);
    }

    /** Φ(x), the standard normal distribution function. */
    static float cdf(float x) {
        float half = 0.5f * erfc(Math.abs(x) * INV_SQRT2);
        return x < 0 ? half : 1f - half;
    }

    /** {@code GELU(x) = x Φ(x)}. */
    static float value(float x) {
        return x * cdf(x);
    }

    /** {@code GELU'(x) = Φ(x) + x φ(x)}. */
    static float derivative(float x) {
        return Math.fma(x, exp(-0.5f * x * x) * INV_SQRT_2PI, cdf(x));
    }
}
