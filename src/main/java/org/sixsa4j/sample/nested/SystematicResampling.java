package org.sixsa4j.sample.nested;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Equal-weight resampling of weighted points by systematic resampling (Kitagawa 1996, J. Comput.
 * Graph. Stat. 5, 1): one uniform offset places m evenly spaced pointers on the cumulative
 * weights, so point i is taken ⌊m p<sub>i</sub>⌋ or ⌈m p<sub>i</sub>⌉ times, with less noise than
 * independent draws. The picks are then shuffled so that neighbours in the output are not
 * neighbours in likelihood.
 */
final class SystematicResampling {
    private SystematicResampling() {
    }

    /**
     * {@code count} indices drawn in proportion to the weights.
     *
     * @param logWeights normalised log weights: Σ exp = 1
     */
    static int[] indices(double[] logWeights, int count, UniformRandomProvider rng) {
        int[] picks = new int[count];
        double offset = rng.nextDouble();
        int i = 0;
        double cumulative = Math.exp(logWeights[0]);
        for (int k = 0; k < count; k++) {
            double pointer = (k + offset) / count;
            // The last index absorbs rounding in the cumulative sum.
            while (cumulative < pointer && i < logWeights.length - 1) {
                i++;
                cumulative += Math.exp(logWeights[i]);
            }
            picks[k] = i;
        }
        for (int k = count - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = picks[k];
            picks[k] = picks[j];
            picks[j] = t;
        }
        return picks;
    }
}
