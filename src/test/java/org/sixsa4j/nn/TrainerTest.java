package org.sixsa4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.nn.optim.Optimizer;
import org.sixsa4j.nn.optim.ReduceLROnPlateau;

class TrainerTest {

    /** y = x + w with one trainable offset w, starting at 0. */
    private static final class Offset extends ModeSwitch {
        final Parameter w = Parameter.matrix("w", new FMatrixRMaj(1, 1));

        @Override
        public Tensor forward(Tape tape, Tensor x) {
            return tape.add(x, w.tensor());
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w);
        }
    }

    /**
     * Training pulls w towards 1 while the validation loss, (w − 0.3)², is lowest near 0.3: the
     * validation loss falls, then rises, and training must stop {@code patience} epochs after
     * the best one and hand back that epoch's weight, not the last one.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void earlyStoppingRestoresBestWeights(int patience) {
        Offset model = new Offset();
        Trainer.LossFunction loss = (tape, x, y) -> {
            Tensor target = model.training() ? y : tape.addScalar(y, -0.7);
            return tape.mean(tape.square(tape.sub(model.forward(tape, x), target)));
        };
        List<Float> weights = new ArrayList<>();
        Adam adam = Adam.builder(model.parameters()).learningRate(0.04).build();
        TrainingHistory history = Trainer.builder(model, adam, loss).batchSize(8).patience(patience).maxEpochs(100)
                .listener((epoch, train, validation) -> weights.add(model.w.value().data[0]))
                .build().fit(new FMatrixRMaj(40, 1), filled(40, 1, 1f));

        assertTrue(history.stoppedEarly());
        assertEquals(history.bestEpoch() + patience, history.epochs());
        assertEquals(weights.size(), history.epochs());
        float best = weights.get(history.bestEpoch() - 1);
        assertEquals(0.3, best, 0.1, "the best epoch is the one closest to 0.3");
        assertEquals(best, model.w.value().data[0], "restored weight");
        assertNotEquals(weights.get(weights.size() - 1), model.w.value().data[0]);
        double lowest = history.validationLoss().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(lowest, history.bestValidationLoss());
        assertTrue(!model.training(), "left in eval mode");
    }

    /** With a minimum improvement larger than any step makes, the first epoch stays the best. */
    @Test
    void minDeltaIgnoresSmallImprovements() {
        Offset model = new Offset();
        Adam adam = Adam.builder(model.parameters()).learningRate(1e-3).build();
        TrainingHistory history = Trainer.builder(model, adam, Trainer.LossFunction.meanSquaredError(model))
                .batchSize(8).patience(3).minDelta(0.5).build().fit(new FMatrixRMaj(40, 1), filled(40, 1, 1f));
        assertEquals(1, history.bestEpoch());
        assertEquals(4, history.epochs());
        assertTrue(history.validationLoss().get(3) < history.validationLoss().get(0), "it did improve, a little");
    }

    @Test
    void nonFiniteLossNamesEpochAndBatch() {
        Offset model = new Offset();
        int[] calls = {0};
        // 45 training rows in batches of 10: 4 full batches and one of 5, plus 1 validation batch per epoch
        Trainer.LossFunction loss = (tape, x, y) -> {
            Tensor mse = Trainer.LossFunction.meanSquaredError(model).loss(tape, x, y);
            return ++calls[0] == 6 + 3 ? tape.mulScalar(mse, Double.NaN) : mse;
        };
        Trainer trainer = Trainer.builder(model, Adam.of(model.parameters()), loss).batchSize(10).validationFraction(0.1)
                .build();
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> trainer.fit(new FMatrixRMaj(50, 1), filled(50, 1, 1f)));
        assertEquals(2, e.epoch());
        assertEquals(3, e.batch());
        assertTrue(e.getMessage().startsWith("training loss is NaN at epoch 2, batch 3 of 5;"), e.getMessage());
    }

    /**
     * Two runs with the same seeds give identical loss histories and weights, with dropout, batch
     * norm, a plateau scheduler and clipping all in play; another trainer seed changes them.
     */
    @Test
    void sameSeedSameRun() {
        List<Double> first = run(1, 1).trainLoss();
        assertEquals(first, run(1, 1).trainLoss());
        assertNotEquals(first, run(2, 1).trainLoss());
    }

    /**
     * The tape splits matrix products by output rows in fixed ranges, so no sum changes order:
     * two threads repeat the one-thread run, whole history included. The 64 × 256 × 256 products
     * are large enough for the tape to split them.
     */
    @Test
    void threadCountDoesNotChangeTheRun() {
        assertEquals(run(3, 1), run(3, 2));
    }

    private static TrainingHistory run(long seed, int threads) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99);
        FMatrixRMaj[] data = MlpRegressionTest.sample(300, rng);
        Sequential mlp = Mlp.builder(2, 256, 256, 1).batchNorm(true).dropout(0.1).build(rng);
        Optimizer adam = Adam.builder(mlp.parameters()).learningRate(1e-2).build();
        return Trainer.builder(mlp, adam, Trainer.LossFunction.meanSquaredError(mlp))
                .batchSize(64).maxEpochs(6).seed(seed).threads(threads).clipGradientNorm(1.0)
                .scheduler(ReduceLROnPlateau.builder(adam).patience(1).build())
                .build().fit(data[0], data[1]);
    }

    @Test
    void rejectsTooFewExamples() {
        Offset model = new Offset();
        Trainer trainer = Trainer.builder(model, Adam.of(model.parameters()), Trainer.LossFunction.meanSquaredError(model))
                .validationFraction(0.5).build();
        assertThrows(IllegalArgumentException.class, () -> trainer.fit(new FMatrixRMaj(2, 1), new FMatrixRMaj(2, 1)));
    }

    private static FMatrixRMaj filled(int rows, int cols, float value) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        m.fill(value);
        return m;
    }
}
