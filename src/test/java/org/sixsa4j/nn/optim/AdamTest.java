package org.sixsa4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.nn.Parameter;

class AdamTest {

    /**
     * θ = 1, gradients 0.5 then −0.25, lr 0.1, default betas and eps. By hand: step 1 has
     * m̂ = 0.5, v̂ = 0.25, so θ = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.900000002. Step 2: m = 0.02,
     * v = 0.00031225, m̂ = 0.02/0.19, v̂ = 0.00031225/0.001999, θ = 0.8733662987.
     */
    @Test
    void twoStepsByHand() {
        Parameter p = scalar(1f);
        Adam adam = Adam.builder(List.of(p)).learningRate(0.1).build();
        assertEquals(0.900000002, afterStep(adam, p, 0.5f), 1e-7);
        assertEquals(0.8733662987078463, afterStep(adam, p, -0.25f), 1e-6);
    }

    /** As above with weight decay 0.1 added to the gradient: g = 0.6 then −0.25 + 0.1·θ₁. */
    @Test
    void coupledWeightDecayByHand() {
        Parameter p = scalar(1f);
        Adam adam = Adam.builder(List.of(p)).learningRate(0.1).weightDecay(0.1).build();
        assertEquals(0.9000000016666666, afterStep(adam, p, 0.5f), 1e-7);
        assertEquals(0.8544413674617625, afterStep(adam, p, -0.25f), 1e-6);
    }

    /** AdamW, λ = 0.01: θ shrinks to 0.999 before step 1, then to 0.999·θ₁ before step 2. */
    @Test
    void decoupledWeightDecayByHand() {
        Parameter p = scalar(1f);
        AdamW adamW = AdamW.builder(List.of(p)).learningRate(0.1).build();
        assertEquals(0.899000002, afterStep(adamW, p, 0.5f), 1e-7);
        assertEquals(0.8714672987058463, afterStep(adamW, p, -0.25f), 1e-6);
    }

    /**
     * Random parameters, gradients and options against Kingma and Ba's algorithm 1 evaluated in
     * double here; the only differences are the float32 storage of θ, m and v.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void matchesTextbookAlgorithmInDouble(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        boolean decoupled = rng.nextBoolean();
        double lr = 0.01 + 0.1 * rng.nextDouble();
        double beta1 = 0.5 + 0.45 * rng.nextDouble();
        double beta2 = 0.9 + 0.099 * rng.nextDouble();
        double eps = 1e-8;
        double decay = 0.2 * rng.nextDouble();
        List<Parameter> params = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            FMatrixRMaj value = new FMatrixRMaj(1 + rng.nextInt(3), 1 + rng.nextInt(4));
            for (int i = 0; i < value.data.length; i++) {
                value.data[i] = (float) (2 * rng.nextDouble() - 1);
            }
            params.add(Parameter.matrix("p" + k, value));
        }
        Optimizer opt = decoupled
                ? AdamW.builder(params).learningRate(lr).betas(beta1, beta2).weightDecay(decay).build()
                : Adam.builder(params).learningRate(lr).betas(beta1, beta2).weightDecay(decay).build();
        double[][] reference = new double[params.size()][];
        double[][] m = new double[params.size()][];
        double[][] v = new double[params.size()][];
        for (int k = 0; k < params.size(); k++) {
            float[] theta = params.get(k).value().data;
            reference[k] = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                reference[k][i] = theta[i];
            }
            m[k] = new double[theta.length];
            v[k] = new double[theta.length];
        }
        for (int t = 1; t <= 2; t++) {
            opt.zeroGrad();
            for (int k = 0; k < params.size(); k++) {
                float[] g = params.get(k).tensor().grad().data;
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (rng.nextDouble() - 0.5);
                    double th = reference[k][i];
                    double gi = g[i] + (decoupled ? 0 : decay * th);
                    if (decoupled) {
                        th -= lr * decay * th;
                    }
                    m[k][i] = beta1 * m[k][i] + (1 - beta1) * gi;
                    v[k][i] = beta2 * v[k][i] + (1 - beta2) * gi * gi;
                    double mHat = m[k][i] / (1 - Math.pow(beta1, t));
                    double vHat = v[k][i] / (1 - Math.pow(beta2, t));
                    reference[k][i] = th - lr * mHat / (Math.sqrt(vHat) + eps);
                }
            }
            opt.step();
            for (int k = 0; k < params.size(); k++) {
                float[] theta = params.get(k).value().data;
                for (int i = 0; i < theta.length; i++) {
                    assertEquals(reference[k][i], theta[i], 2e-6,
                            "seed " + seed + ", step " + t + ", parameter " + k + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void learningRateCanBeChangedBetweenSteps() {
        Parameter p = scalar(1f);
        Adam adam = Adam.of(List.of(p));
        assertEquals(1e-3, adam.learningRate());
        adam.setLearningRate(0.5);
        // the first step moves by lr whatever the gradient's size
        assertEquals(0.5, afterStep(adam, p, 3f), 1e-6);
    }

    @Test
    void zeroGradClearsAccumulatedGradients() {
        Parameter p = scalar(2f);
        AdamW adamW = AdamW.of(List.of(p));
        p.tensor().grad().data[0] = 5f;
        adamW.zeroGrad();
        assertEquals(0f, p.tensor().grad().data[0]);
    }

    private static Parameter scalar(float value) {
        FMatrixRMaj m = new FMatrixRMaj(1, 1);
        m.data[0] = value;
        return Parameter.matrix("theta", m);
    }

    private static double afterStep(Optimizer opt, Parameter p, float gradient) {
        opt.zeroGrad();
        p.tensor().grad().data[0] = gradient;
        opt.step();
        return p.value().data[0];
    }
}
