package org.sixsa4j.nn.optim;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.nn.Parameter;

/**
 * The state and the update rule shared by {@link Adam} and {@link AdamW}: bias-corrected first
 * and second moment estimates (Kingma &amp; Ba 2015, algorithm 1, with the ε outside the square
 * root of the corrected second moment as in PyTorch).
 *
 * <p>The moments are stored in float32 like the parameters, and the update of each element is
 * computed in float32, as PyTorch computes it; the step's scalars (bias corrections, step size)
 * are computed in double and rounded once.
 */
abstract class AdamUpdate implements Optimizer {

    private final List<Parameter> parameters;
    private final float[][] firstMoment;
    private final float[][] secondMoment;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private double learningRate;
    private long steps;

    AdamUpdate(AdamOptions<?> options, boolean decoupled) {
        this(options.parameters, options.learningRate, options.beta1, options.beta2, options.eps, options.weightDecay, decoupled);
    }

    private AdamUpdate(List<Parameter> parameters, double learningRate, double beta1, double beta2, double eps,
                       double weightDecay, boolean decoupled) {
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("learning rate must be >= 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        }
        this.parameters = List.copyOf(parameters);
        this.firstMoment = new float[this.parameters.size()][];
        this.secondMoment = new float[this.parameters.size()][];
        for (int p = 0; p < this.parameters.size(); p++) {
            int n = this.parameters.get(p).value().getNumElements();
            firstMoment[p] = new float[n];
            secondMoment[p] = new float[n];
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /**
     * One step. With {@code decoupled} the weights first shrink by {@code 1 − lr·λ} (AdamW,
     * Loshchilov &amp; Hutter 2019); otherwise {@code λθ} is added to the gradient (L2 penalty).
     */
    @Override
    public void step() {
        steps++;
        // The per-step scalars in double, the per-element arithmetic in float as PyTorch does
        // it: float loops without conversions are what C2 turns into vector instructions, and
        // an update of the 5 million weights of the spectral auto-encoder then costs a few
        // milliseconds instead of tens.
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, steps)));
        float sqrtCorrection2 = (float) Math.sqrt(1 - Math.pow(beta2, steps));
        float epsilon = (float) eps;
        float shrink = (float) (1 - learningRate * weightDecay);
        float l2 = (float) weightDecay;
        for (int p = 0; p < parameters.size(); p++) {
            FMatrixRMaj grad = parameters.get(p).tensor().grad();
            if (grad == null) {
                continue;
            }
            float[] theta = parameters.get(p).value().data;
            float[] g = grad.data;
            float[] m = firstMoment[p];
            float[] v = secondMoment[p];
            if (decoupled) {
                for (int i = 0; i < m.length; i++) {
                    float gi = g[i];
                    float mi = b1 * m[i] + a1 * gi;
                    float vi = b2 * v[i] + a2 * gi * gi;
                    m[i] = mi;
                    v[i] = vi;
                    theta[i] = theta[i] * shrink - stepSize * mi / ((float) Math.sqrt(vi) / sqrtCorrection2 + epsilon);
                }
            } else {
                for (int i = 0; i < m.length; i++) {
                    float gi = g[i] + l2 * theta[i];
                    float mi = b1 * m[i] + a1 * gi;
                    float vi = b2 * v[i] + a2 * gi * gi;
                    m[i] = mi;
                    v[i] = vi;
                    theta[i] = theta[i] - stepSize * mi / ((float) Math.sqrt(vi) / sqrtCorrection2 + epsilon);
                }
            }
        }
    }

    @Override
    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.tensor().zeroGrad();
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("learning rate must be >= 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }
}
