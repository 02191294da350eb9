package org.sixsa4j.sbi;

import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.nn.Activation;
import org.sixsa4j.nn.Mlp;
import org.sixsa4j.nn.Sequential;
import org.sixsa4j.nn.Trainer;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.simulate.RandomStreams;

/**
 * A multilayer perceptron fitted by least squares to predict targets from inputs, both z-scored
 * with the training rows' statistics so that every column weighs alike in the loss. A seeded
 * tenth of the rows is held out: it stops the training early, and it gives the coefficient of
 * determination R² of each target, the share of its variance the network explains on data it
 * was not trained on. The likelihood emulator and the parameter retriever are such regressions.
 */
public final class StandardizedRegressor {
    private static final double VALIDATION_FRACTION = 0.1;
    private static final int BATCH = 128;
    private static final int PATIENCE = 20;
    private static final int MAX_EPOCHS = 500;
    private static final double LEARNING_RATE = 1e-3;

    private final Sequential network;
    private final double[][] inputScale;
    private final double[][] targetScale;
    private final double[] validationR2;

    private StandardizedRegressor(Sequential network, double[][] inputScale, double[][] targetScale, double[] validationR2) {
        this.network = network;
        this.inputScale = inputScale;
        this.targetScale = targetScale;
        this.validationR2 = validationR2;
    }

    /**
     * Fits a GELU network with the given hidden widths to rows of {@code inputs} and
     * {@code targets}; Adam at 10⁻³, batches of 128, early stopping after 20 epochs without
     * improvement (500 at most). Deterministic for a seed, whatever the thread count.
     */
    public static StandardizedRegressor fit(double[][] inputs, double[][] targets, int[] hiddenWidths, long seed, int threads) {
        int n = inputs.length;
        if (targets.length != n) {
            throw new IllegalArgumentException(n + " input rows for " + targets.length + " target rows");
        }
        int validation = (int) Math.round(n * VALIDATION_FRACTION);
        if (validation < 2 || n - validation < 2) {
            throw new IllegalArgumentException("a regression needs at least 20 rows, got " + n);
        }
        RandomStreams streams = RandomStreams.of(seed);
        int[] order = PermutationSampler.natural(n);
        PermutationSampler.shuffle(streams.stream(0), order);
        double[][] trainIn = pick(inputs, order, validation, n);
        double[][] trainOut = pick(targets, order, validation, n);
        double[][] validIn = pick(inputs, order, 0, validation);
        double[][] validOut = pick(targets, order, 0, validation);
        double[][] inputScale = columnScale(trainIn);
        double[][] targetScale = columnScale(trainOut);
        int[] sizes = new int[hiddenWidths.length + 2];
        sizes[0] = inputs[0].length;
        System.arraycopy(hiddenWidths, 0, sizes, 1, hiddenWidths.length);
        sizes[sizes.length - 1] = targets[0].length;
        Sequential network = Mlp.builder(sizes).activation(Activation.GELU).build(streams.stream(1));
        Trainer.builder(network, Adam.builder(network.parameters()).learningRate(LEARNING_RATE).build(),
                        Trainer.LossFunction.meanSquaredError(network))
                .batchSize(BATCH).patience(PATIENCE).maxEpochs(MAX_EPOCHS).seed(streams.stream(2).nextLong()).threads(threads).build()
                .fit(scaled(trainIn, inputScale), scaled(trainOut, targetScale), scaled(validIn, inputScale), scaled(validOut, targetScale));
        StandardizedRegressor fitted = new StandardizedRegressor(network, inputScale, targetScale, null);
        return new StandardizedRegressor(network, inputScale, targetScale, rSquared(validOut, fitted.predict(validIn)));
    }

    private static double[][] pick(double[][] rows, int[] order, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = rows[order[i]];
        }
        return out;
    }

    /** Column means (row 0) and standard deviations (row 1; 1 for a constant column). */
    private static double[][] columnScale(double[][] rows) {
        int cols = rows[0].length;
        double[][] scale = new double[2][cols];
        for (int j = 0; j < cols; j++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[j] / rows.length;
            }
            double var = 0;
            for (double[] r : rows) {
                var += (r[j] - mean) * (r[j] - mean) / (rows.length - 1);
            }
            scale[0][j] = mean;
            scale[1][j] = var > 0 ? Math.sqrt(var) : 1;
        }
        return scale;
    }

    private static FMatrixRMaj scaled(double[][] rows, double[][] scale) {
        FMatrixRMaj m = new FMatrixRMaj(rows.length, scale[0].length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < scale[0].length; j++) {
                m.set(i, j, (float) ((rows[i][j] - scale[0][j]) / scale[1][j]));
            }
        }
        return m;
    }

    private static double[] rSquared(double[][] truth, double[][] predicted) {
        int cols = truth[0].length;
        double[] r2 = new double[cols];
        for (int j = 0; j < cols; j++) {
            double mean = 0;
            for (double[] t : truth) {
                mean += t[j] / truth.length;
            }
            double residual = 0;
            double total = 0;
            for (int i = 0; i < truth.length; i++) {
                residual += (truth[i][j] - predicted[i][j]) * (truth[i][j] - predicted[i][j]);
                total += (truth[i][j] - mean) * (truth[i][j] - mean);
            }
            r2[j] = total > 0 ? 1 - residual / total : 0;
        }
        return r2;
    }

    /** Predictions for the rows of {@code inputs}, in the targets' units. */
    public double[][] predict(double[][] inputs) {
        network.eval();
        FMatrixRMaj out;
        try (Tape tape = Tape.create()) {
            out = network.forward(tape, tape.constant(scaled(inputs, inputScale))).value().copy();
        }
        double[][] predicted = new double[inputs.length][targetScale[0].length];
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < predicted[i].length; j++) {
                predicted[i][j] = out.get(i, j) * targetScale[1][j] + targetScale[0][j];
            }
        }
        return predicted;
    }

    /** R² of each target on the held-out rows. */
    public double[] validationR2() {
        return validationR2.clone();
    }
}
