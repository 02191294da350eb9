package org.sixsa4j.internal.kernels;

/**
 * The float arithmetic of tanh shared by both kernel implementations, so that they give the same
 * bits: the vector kernel evaluates both branches lane-wise and keeps one, with the same
 * operations in the same order as {@link #value}.
 *
 * <p>Below {@link #SERIES_LIMIT} in magnitude, {@code tanh(x) = x + x³·Q(x²)} with the degree-4
 * polynomial {@link #Q}, fitted to (tanh(x) − x)/x³ for a minimal relative error of tanh on
 * [0, 0.625] (4.5e-9 in exact arithmetic); there {@code 1 − e^{−2|x|}} would cancel. Above it,
 * {@code tanh(|x|) = (1 − e)/(1 + e)} with {@code e = exp(−2|x|)} from {@link Gelu#exp}, which
 * is at most 0.29 there, so neither sum cancels; the sign is copied from x. Both branches are
 * within two float ulp of the exact function (tested against {@link Math#tanh}).
 */
final class Tanh {
    /** Where the polynomial gives way to the exponential form. */
    static final float SERIES_LIMIT = 0.625f;
    /** Coefficients of Q(s), constant term first. */
    static final float[] Q = {-0.3333328f, 0.13331445f, -0.05373996f, 0.02063999f, -0.0057060784f};

    private Tanh() {
    }

    /** tanh(x). */
    static float value(float x) {
        float a = Math.abs(x);
        float t;
        if (a < SERIES_LIMIT) {
            float s = a * a;
            float q = Math.fma(Q[4], s, Q[3]);
            q = Math.fma(q, s, Q[2]);
            q = Math.fma(q, s, Q[1]);
            q = Math.fma(q, s, Q[0]);
            t = Math.fma(a * s, q, a);
        } else {
            float e = Gelu.exp(-2f * a);
            t = (1f - e) / (1f + e);
        }
        // Both branches work on |x| and the sign is copied last, so that tanh(−0) is −0.
        return Math.copySign(t, x);
    }
}
