package org.sixsa4j.sbi;

/**
 * A neural emulator of the exact log-likelihood, θ ↦ log L(x<sub>o</sub> | θ), trained on the
 * exact evaluations a run has already made. It never replaces the likelihood: importance
 * sampling uses it only to decide which candidates deserve an exact evaluation
 * ({@link ImportanceSampling#run(int, LikelihoodEmulator, double,
 * org.apache.commons.rng.UniformRandomProvider, java.util.function.Consumer)}).
 *
 * <p>Log-likelihoods more than {@value #DYNAMIC_RANGE} below the best one seen are clipped to that
 * floor before training: such points carry weights below e<sup>−50</sup> of the best, and fitting
 * their exact (often enormous) deficits would spend the network's capacity where it does not
 * matter.
 */
public final class LikelihoodEmulator {
    /** How far below the best log-likelihood the training targets are kept exact. */
    public static final double DYNAMIC_RANGE = 50;
    private static final int[] HIDDEN = {64, 64};

    private final StandardizedRegressor regressor;
    private final int trainingSize;

    private LikelihoodEmulator(StandardizedRegressor regressor, int trainingSize) {
        this.regressor = regressor;
        this.trainingSize = trainingSize;
    }

    /**
     * Trains on the finite evaluations among {@code logLikelihood} at the rows of {@code theta};
     * at least 20 must be finite.
     */
    public static LikelihoodEmulator train(double[][] theta, double[] logLikelihood, long seed, int threads) {
        if (theta.length != logLikelihood.length) {
            throw new IllegalArgumentException(theta.length + " parameter rows for " + logLikelihood.length + " log-likelihoods");
        }
        double best = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : logLikelihood) {
            if (Double.isFinite(v)) {
                best = Math.max(best, v);
                finite++;
            }
        }
        double[][] inputs = new double[finite][];
        double[][] targets = new double[finite][1];
        for (int i = 0, k = 0; i < theta.length; i++) {
            if (Double.isFinite(logLikelihood[i])) {
                inputs[k] = theta[i];
                targets[k][0] = Math.max(logLikelihood[i], best - DYNAMIC_RANGE);
                k++;
            }
        }
        return new LikelihoodEmulator(StandardizedRegressor.fit(inputs, targets, HIDDEN, seed, threads), finite);
    }

    /** The emulated log-likelihood at each row of {@code theta}. */
    public double[] predict(double[][] theta) {
        double[][] p = regressor.predict(theta);
        double[] out = new double[theta.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = p[i][0];
        }
        return out;
    }

    /** R² of the emulated (clipped) log-likelihood on held-out evaluations. */
    public double validationR2() {
        return regressor.validationR2()[0];
    }

    /** The number of exact evaluations it was trained on. */
    public int trainingSize() {
        return trainingSize;
    }
}
