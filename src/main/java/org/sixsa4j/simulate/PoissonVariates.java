package org.sixsa4j.simulate;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact Poisson variates for a mean that changes from call to call, with no set-up object and no
 * allocation. Means below 10 use inversion by sequential search from zero
 * (Devroye 1986, <i>Non-Uniform Random Variate Generation</i>, X.3.2); larger means use the
 * transformed rejection method with squeeze, algorithm PTRS of W. Hörmann (1993), "The
 * transformed rejection method for generating Poisson random variables", <i>Insurance:
 * Mathematics and Economics</i> 12, 39–45: 1.1 to 1.3 trials of two uniforms each, whatever the
 * mean, of which the squeeze accepts without a logarithm a third at mean 10 and three quarters
 * from mean 1000 on.
 *
 * <p>Variates are returned as doubles because counts live in {@code double[]} spectra; every
 * mean up to {@link #MAX_MEAN} = 2<sup>52</sup> (about 4.5e15) gives a whole number that a double
 * holds exactly.
 */
public final class PoissonVariates {
    /** The largest supported mean: beyond it, counts near the mean are no longer all representable. */
    public static final double MAX_MEAN = 0x1p52;

    /** Hörmann's hat is valid from mean 10 on; below it inversion needs about mean + 1 steps. */
    private static final double INVERSION_LIMIT = 10;

    /**
     * Caps the sequential search: for a mean below 10 the probability beyond 64 is under 1e-30,
     * far below the 2<sup>-53</sup> resolution of the uniform, yet a sum of probabilities rounded
     * just below the uniform would otherwise never end the search.
     */
    private static final double SEARCH_LIMIT = 64;

    private PoissonVariates() {
    }

    /**
     * One Poisson variate.
     *
     * @param rng the source of uniforms; advanced by one draw for a small mean and by two per
     *     trial for a large one
     * @param mean the Poisson mean, finite, in [0, {@link #MAX_MEAN}]
     * @return a whole number {@code >= 0}; 0 when the mean is 0
     * @throws IllegalArgumentException if the mean is NaN, negative or above {@link #MAX_MEAN}
     */
    public static double sample(UniformRandomProvider rng, double mean) {
        // Ordered so that a valid mean costs no comparison beyond those choosing the method.
        if (mean < INVERSION_LIMIT) {
            if (mean > 0) {
                return inversion(rng, mean);
            }
            if (mean == 0) {
                return 0;
            }
        } else if (mean <= MAX_MEAN) {
            return transformedRejection(rng, mean);
        }
        throw new IllegalArgumentException(
                "Poisson mean must be finite and in [0, 2^52 = 4.5e15], got " + mean);
    }

    /** Smallest k with u < F(k), walking the cumulative sum up from exp(−mean). */
    private static double inversion(UniformRandomProvider rng, double mean) {
        final double u = rng.nextDouble();
        double p = Math.exp(-mean);
        double cumulative = p;
        double k = 0;
        while (u >= cumulative && k < SEARCH_LIMIT) {
            k++;
            // mean / k does not depend on p, so the division stays off the loop's critical path.
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /**
     * PTRS. The hat is the derivative of T(u) = (2a/(½ − |u|) + b) u + mean + 0.43 on
     * u ∈ (−½, ½); a pair (u, v) lying in the inner region (½ − |u| ≥ 0.07, v ≤ v_r) is accepted
     * at once, the tails with tiny ½ − |u| are thinned cheaply, and the rest face the exact test
     * log(v α⁻¹ / (a/u_s² + b)) ≤ log P(k).
     */
    private static double transformedRejection(UniformRandomProvider rng, double mean) {
        final double b = 0.931 + 2.53 * Math.sqrt(mean);
        final double a = -0.059 + 0.02483 * b;
        final double vr = 0.9277 - 3.6224 / (b - 2);
        // Adding the whole part of the mean after the floor keeps T(u) exact for means whose ulp
        // is a sizeable fraction of one (above 2^50 or so); otherwise rounding would shift counts.
        final double whole = Math.floor(mean);
        final double shift = mean - whole + 0.43;
        while (true) {
            final double u = rng.nextDouble() - 0.5;
            final double v = rng.nextDouble();
            final double us = 0.5 - Math.abs(u);
            final double k = whole + Math.floor((2 * a / us + b) * u + shift);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            // Only the ~10% of trials that reach the exact test pay for this division.
            final double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
            if (Math.log(v * invAlpha / (a / (us * us) + b)) <= LogFactorial.poissonLogPmf(k, mean)) {
                return k;
            }
        }
    }
}
