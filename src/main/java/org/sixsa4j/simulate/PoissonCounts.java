package org.sixsa4j.simulate;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Poisson counts for a spectrum of expected counts, bin by bin: the counting noise of XSPEC's
 * {@code fakeit}. Each count is an exact variate from {@link PoissonVariates} (Hörmann 1993 for
 * means of 10 and more), drawn in bin order from one stream so that a spectrum depends only on
 * its expected counts and the stream.
 */
public final class PoissonCounts {
    private PoissonCounts() {
    }

    /**
     * Writes {@code out[outOffset + j] ~ Poisson(expected[offset + j])} for j in [0, n).
     * Allocates nothing. {@code expected} and {@code out} may be the same array.
     *
     * @param expected expected counts per bin, each finite in [0, {@link PoissonVariates#MAX_MEAN}]; read only
     * @param rng the stream; advanced
     * @param out receives the counts; on an exception the bins before the bad one are already written
     * @throws IllegalArgumentException naming the bin (j) whose expected count is NaN, negative,
     *     infinite or above {@link PoissonVariates#MAX_MEAN}
     * @throws IndexOutOfBoundsException if a range falls outside its array
     */
    public static void draw(double[] expected, int offset, int n, UniformRandomProvider rng,
                            double[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, n, expected.length);
        Objects.checkFromIndexSize(outOffset, n, out.length);
        for (int j = 0; j < n; j++) {
            // The sampler already rejects bad means on its own branches; catching here only adds
            // the bin to the message and costs nothing on the normal path.
            try {
                out[outOffset + j] = PoissonVariates.sample(rng, expected[offset + j]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected counts in bin " + j + ": " + e.getMessage(), e);
            }
        }
    }
}
