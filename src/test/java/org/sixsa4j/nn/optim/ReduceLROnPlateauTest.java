package org.sixsa4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ReduceLROnPlateauTest {

    /** Holds a learning rate and nothing else. */
    private static final class RateOnly implements Optimizer {
        double rate;

        RateOnly(double rate) {
            this.rate = rate;
        }

        @Override
        public void step() {
        }

        @Override
        public void zeroGrad() {
        }

        @Override
        public double learningRate() {
            return rate;
        }

        @Override
        public void setLearningRate(double learningRate) {
            rate = learningRate;
        }
    }

    /**
     * Patience 2, cooldown 1, factor 0.5, threshold 0.1, floor 0.2. Epoch by epoch, following
     * PyTorch's rules: 10 sets the best; 9.5, 9.2, 9.1 are not below 10·0.9 = 9, so the third bad
     * epoch (4) halves the rate; 8 improves at epoch 5 (in cooldown); epochs 6–8 are bad, halving
     * at 8; epoch 9 is swallowed by the cooldown, 10–12 are bad, and at 12 the rate would be
     * 0.125 but stops at the floor 0.2; at 16 the floor leaves nothing to change.
     */
    @Test
    void scriptedSequence() {
        RateOnly opt = new RateOnly(1.0);
        ReduceLROnPlateau scheduler = ReduceLROnPlateau.builder(opt)
                .patience(2).cooldown(1).factor(0.5).threshold(0.1).minLearningRate(0.2).build();
        double[] losses = {10, 9.5, 9.2, 9.1, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8};
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2};
        assertArrayEquals(expected, rates(opt, scheduler, losses), 0);
    }

    /**
     * PyTorch's defaults: patience 10 and a relative threshold of 1e-4. Losses 5e-5 below the
     * best are not improvements, so the eleventh of them (epoch 12) lowers the rate tenfold; a
     * loss 2e-3 lower then counts as progress and restarts the count.
     */
    @Test
    void defaultsUsePatienceTenAndRelativeThreshold() {
        RateOnly opt = new RateOnly(1e-3);
        ReduceLROnPlateau scheduler = ReduceLROnPlateau.builder(opt).build();
        double[] losses = new double[25];
        losses[0] = 1;
        for (int i = 1; i < 13; i++) {
            losses[i] = 1 - 5e-5;
        }
        losses[13] = 1 - 2e-3;
        for (int i = 14; i < losses.length; i++) {
            losses[i] = losses[13];
        }
        double[] expected = new double[25];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i < 11 ? 1e-3 : i < 24 ? 1e-4 : 1e-5;
        }
        assertArrayEquals(expected, rates(opt, scheduler, losses), 1e-18);
    }

    /** A NaN loss is never better than the best, so it counts as a bad epoch. */
    @Test
    void nanLossCountsAsBadEpoch() {
        RateOnly opt = new RateOnly(1);
        ReduceLROnPlateau scheduler = ReduceLROnPlateau.builder(opt).patience(0).build();
        assertArrayEquals(new double[] {1, 0.1}, rates(opt, scheduler, new double[] {1, Double.NaN}), 1e-15);
    }

    private static double[] rates(RateOnly opt, ReduceLROnPlateau scheduler, double[] losses) {
        double[] rates = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            scheduler.step(losses[i]);
            rates[i] = opt.rate;
        }
        return rates;
    }
}
