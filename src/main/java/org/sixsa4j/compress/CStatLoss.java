package org.sixsa4j.compress;

import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;

/**
 * The Cash statistic of a batch of reconstructions, recorded on a tape so that it trains the
 * auto-encoder: C = 2 Σ_j (μ_j − n_j + n_j ln(n_j/μ_j)) per spectrum, averaged over the batch,
 * with the n ln(n/μ) term 0 where n = 0 (Cash 1979, ApJ 228, 939; XSPEC's convention, as
 * {@link org.sixsa4j.stat.CStat}).
 *
 * <p>The term is written n·(ln n − ln μ), with ln n taken of max(n, the smallest normal float):
 * where n = 0 it multiplies a finite number by 0, and its gradient −n/μ vanishes, with no branch
 * on the tape. The float sums of the tape are accumulated in double.
 */
final class CStatLoss {

    private CStatLoss() {
    }

    /**
     * The mean over rows of C(n_i, μ_i), a 1 × 1 tensor.
     *
     * @param model the reconstructions μ, batch × bins, all &gt; 0
     * @param counts the counts n, batch × bins, ≥ 0 (a constant)
     */
    static Tensor mean(Tape tape, Tensor model, Tensor counts) {
        Tensor logCounts = tape.log(tape.clamp(counts, Float.MIN_NORMAL, Double.POSITIVE_INFINITY));
        Tensor deviance = tape.mul(counts, tape.sub(logCounts, tape.log(model)));
        return tape.mulScalar(tape.sum(tape.add(tape.sub(model, counts), deviance)), 2.0 / counts.rows());
    }
}
