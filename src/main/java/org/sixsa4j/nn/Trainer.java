package org.sixsa4j.nn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.nn.optim.GradientClipping;
import org.sixsa4j.nn.optim.Optimizer;
import org.sixsa4j.nn.optim.ReduceLROnPlateau;

/**
 * Mini-batch training with a held-out validation set and early stopping, the loop sbi runs
 * around its density estimators (Prechelt 1998, "Early stopping — but when?", for the rule).
 *
 * <p>The examples are split once, by a seeded shuffle, into training and validation rows. Each
 * epoch visits the training rows in a fresh seeded order, in batches; for each batch it zeroes
 * the gradients, records the loss, checks that it is finite, runs backward, optionally clips the
 * gradient norm, and steps the optimizer. The validation loss is then computed in eval mode, in
 * batches, as a size-weighted mean of batch losses (exact for losses that average over rows). The
 * weights (parameters and buffers) of the epoch with the lowest validation loss are kept, and
 * training stops once {@code patience} epochs in a row have not lowered it by more than
 * {@code minDelta}; the kept weights are then copied back and the model is left in eval mode.
 * For a given seed and thread count the run is repeatable bit for bit.
 */
public final class Trainer {

    /** The loss of a batch: records the model and the loss on the tape and returns a 1 × 1 tensor. */
    @FunctionalInterface
    public interface LossFunction {
        Tensor loss(Tape tape, Tensor inputs, Tensor targets);

        /** The mean over all elements of (model(x) − y)², PyTorch's {@code MSELoss}. */
        static LossFunction meanSquaredError(Module model) {
            return (tape, x, y) -> tape.mean(tape.square(tape.sub(model.forward(tape, x), y)));
        }

        /**
         * The mean binary cross-entropy of labels y ∈ {0, 1} given the model's logits l,
         * softplus(l) − y·l, PyTorch's {@code BCEWithLogitsLoss}: exact for logits of any size.
         */
        static LossFunction binaryCrossEntropyWithLogits(Module model) {
            return (tape, x, y) -> {
                Tensor logits = model.forward(tape, x);
                return tape.mean(tape.sub(tape.softplus(logits), tape.mul(y, logits)));
            };
        }
    }

    /** Receives each epoch's losses as training goes, for progress bars and logs. */
    @FunctionalInterface
    public interface Listener {
        /** Called after each epoch, counted from 1. */
        void epochFinished(int epoch, double trainLoss, double validationLoss);
    }

    private final Trainable model;
    private final Optimizer optimizer;
    private final LossFunction lossFunction;
    private final int batchSize;
    private final int maxEpochs;
    private final double validationFraction;
    private final int patience;
    private final double minDelta;
    private final double clipNorm;
    private final ReduceLROnPlateau scheduler;
    private final Listener listener;
    private final long seed;
    private final int threads;

    private Trainer(Builder b) {
        this.model = b.model;
        this.optimizer = b.optimizer;
        this.lossFunction = b.lossFunction;
        this.batchSize = b.batchSize;
        this.maxEpochs = b.maxEpochs;
        this.validationFraction = b.validationFraction;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.clipNorm = b.clipNorm;
        this.scheduler = b.scheduler;
        this.listener = b.listener;
        this.seed = b.seed;
        this.threads = b.threads;
    }

    /**
     * A trainer of {@code model} by {@code optimizer} (built over the model's parameters) on
     * {@code loss}. Defaults: batch 256, 1000 epochs at most, 10 % validation, patience 20,
     * minimum improvement 0, no clipping, no scheduler, seed 0, one thread.
     */
    public static Builder builder(Trainable model, Optimizer optimizer, LossFunction loss) {
        return new Builder(model, optimizer, loss);
    }

    /**
     * Trains on the rows of {@code inputs} (n × in) and {@code targets} (n × out), holding out a
     * seeded random share of them for validation.
     *
     * @throws NonFiniteLossException when a training loss, gradient norm or validation loss is NaN or infinite
     */
    public TrainingHistory fit(FMatrixRMaj inputs, FMatrixRMaj targets) {
        int n = inputs.numRows;
        if (targets.numRows != n) {
            throw new IllegalArgumentException("inputs have " + n + " rows but targets " + targets.numRows);
        }
        int validationRows = (int) Math.round(n * validationFraction);
        int trainingRows = n - validationRows;
        if (validationRows < 1 || trainingRows < 2) {
            throw new IllegalArgumentException(n + " examples with validation fraction " + validationFraction
                    + " leave " + trainingRows + " for training and " + validationRows + " for validation; need >= 2 and >= 1");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] order = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, order);
        return fit(gather(inputs, order, 0, trainingRows, new FMatrixRMaj(1, 1)),
                gather(targets, order, 0, trainingRows, new FMatrixRMaj(1, 1)),
                gather(inputs, order, trainingRows, n, new FMatrixRMaj(1, 1)),
                gather(targets, order, trainingRows, n, new FMatrixRMaj(1, 1)));
    }

    /**
     * Trains on given training rows and validates on given validation rows, for callers that
     * split the data themselves (to fit a standardisation on the training rows only, or to keep
     * the same validation rows over several rounds).
     *
     * @throws NonFiniteLossException when a training loss, gradient norm or validation loss is NaN or infinite
     */
    public TrainingHistory fit(FMatrixRMaj trainingInputs, FMatrixRMaj trainingTargets, FMatrixRMaj validationInputs,
            FMatrixRMaj validationTargets) {
        int trainingRows = trainingInputs.numRows;
        if (trainingTargets.numRows != trainingRows || validationTargets.numRows != validationInputs.numRows) {
            throw new IllegalArgumentException("inputs and targets must have the same rows: training " + trainingRows + " and "
                    + trainingTargets.numRows + ", validation " + validationInputs.numRows + " and " + validationTargets.numRows);
        }
        if (trainingRows < 2 || validationInputs.numRows < 1) {
            throw new IllegalArgumentException("training needs >= 2 training rows and >= 1 validation row, got "
                    + trainingRows + " and " + validationInputs.numRows);
        }
        // The batch order's stream is separate from the split's, so either fit sees the same orders.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
        int[] training = PermutationSampler.natural(trainingRows);

        List<Parameter> parameters = model.parameters();
        Weights best = new Weights(parameters, model.buffers().values());
        List<Double> trainLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochsWithoutImprovement = 0;
        boolean stoppedEarly = false;
        FMatrixRMaj batchInputs = new FMatrixRMaj(1, 1);
        FMatrixRMaj batchTargets = new FMatrixRMaj(1, 1);
        // A last batch of one row would break batch norm (no variance), so it joins the one before.
        int batches = Math.max(1, trainingRows / batchSize + (trainingRows % batchSize > 1 ? 1 : 0));

        try (Tape tape = Tape.create(threads)) {
            for (int epoch = 1; epoch <= maxEpochs; epoch++) {
                model.train();
                PermutationSampler.shuffle(rng, training);
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * batchSize;
                    int to = b == batches - 1 ? trainingRows : from + batchSize;
                    gather(trainingInputs, training, from, to, batchInputs);
                    gather(trainingTargets, training, from, to, batchTargets);
                    optimizer.zeroGrad();
                    Tensor loss = lossFunction.loss(tape, tape.constant(batchInputs), tape.constant(batchTargets));
                    double value = scalar(loss);
                    if (!Double.isFinite(value)) {
                        throw new NonFiniteLossException("training loss", value, epoch, b + 1, batches);
                    }
                    tape.backward(loss);
                    if (clipNorm > 0) {
                        double norm = GradientClipping.clipByTotalNorm(parameters, clipNorm);
                        if (!Double.isFinite(norm)) {
                            throw new NonFiniteLossException("gradient norm", norm, epoch, b + 1, batches);
                        }
                    }
                    optimizer.step();
                    tape.reset();
                    lossSum += value * (to - from);
                }
                double trainLoss = lossSum / trainingRows;
                double validationLoss = validationLoss(tape, validationInputs, validationTargets, batchInputs, batchTargets);
                if (!Double.isFinite(validationLoss)) {
                    throw new NonFiniteLossException("validation loss", validationLoss, epoch, 0, batches);
                }
                trainLosses.add(trainLoss);
                validationLosses.add(validationLoss);
                if (validationLoss < bestLoss - minDelta) {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    best.copyFromModel();
                    epochsWithoutImprovement = 0;
                } else {
                    epochsWithoutImprovement++;
                }
                if (scheduler != null) {
                    scheduler.step(validationLoss);
                }
                if (listener != null) {
                    listener.epochFinished(epoch, trainLoss, validationLoss);
                }
                if (epochsWithoutImprovement >= patience) {
                    stoppedEarly = epoch < maxEpochs;
                    break;
                }
            }
        }
        best.copyToModel();
        model.eval();
        return new TrainingHistory(trainLosses, validationLosses, bestEpoch, stoppedEarly);
    }

    private double validationLoss(Tape tape, FMatrixRMaj inputs, FMatrixRMaj targets, FMatrixRMaj batchInputs,
            FMatrixRMaj batchTargets) {
        model.eval();
        int n = inputs.numRows;
        double sum = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            rows(inputs, from, to, batchInputs);
            rows(targets, from, to, batchTargets);
            Tensor loss = lossFunction.loss(tape, tape.constant(batchInputs), tape.constant(batchTargets));
            sum += scalar(loss) * (to - from);
            tape.reset();
        }
        return sum / n;
    }

    private static double scalar(Tensor loss) {
        if (loss.rows() != 1 || loss.cols() != 1) {
            throw new IllegalArgumentException("the loss must be 1 × 1, got " + loss.rows() + " × " + loss.cols());
        }
        return loss.value().data[0];
    }

    /** Copies rows {@code index[from..to)} of {@code source} into {@code out}, reshaped to fit. */
    private static FMatrixRMaj gather(FMatrixRMaj source, int[] index, int from, int to, FMatrixRMaj out) {
        int cols = source.numCols;
        out.reshape(to - from, cols);
        for (int r = from; r < to; r++) {
            System.arraycopy(source.data, index[r] * cols, out.data, (r - from) * cols, cols);
        }
        return out;
    }

    /** Copies the contiguous rows {@code from..to} of {@code source} into {@code out}. */
    private static void rows(FMatrixRMaj source, int from, int to, FMatrixRMaj out) {
        int cols = source.numCols;
        out.reshape(to - from, cols);
        System.arraycopy(source.data, from * cols, out.data, 0, (to - from) * cols);
    }

    /** A copy of the model's parameter values and buffers, taken at the best epoch. */
    private static final class Weights {
        private final List<FMatrixRMaj> live = new ArrayList<>();
        private final List<float[]> saved = new ArrayList<>();

        Weights(List<Parameter> parameters, Collection<FMatrixRMaj> buffers) {
            parameters.forEach(p -> live.add(p.value()));
            live.addAll(buffers);
            for (FMatrixRMaj m : live) {
                saved.add(new float[m.getNumElements()]);
            }
            copyFromModel();
        }

        void copyFromModel() {
            for (int i = 0; i < live.size(); i++) {
                System.arraycopy(live.get(i).data, 0, saved.get(i), 0, saved.get(i).length);
            }
        }

        void copyToModel() {
            for (int i = 0; i < live.size(); i++) {
                System.arraycopy(saved.get(i), 0, live.get(i).data, 0, saved.get(i).length);
            }
        }
    }

    /** Options of {@link Trainer}. */
    public static final class Builder {
        private final Trainable model;
        private final Optimizer optimizer;
        private final LossFunction lossFunction;
        private int batchSize = 256;
        private int maxEpochs = 1000;
        private double validationFraction = 0.1;
        private int patience = 20;
        private double minDelta;
        private double clipNorm;
        private ReduceLROnPlateau scheduler;
        private Listener listener;
        private long seed;
        private int threads = 1;

        private Builder(Trainable model, Optimizer optimizer, LossFunction lossFunction) {
            this.model = model;
            this.optimizer = optimizer;
            this.lossFunction = lossFunction;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 2) {
                throw new IllegalArgumentException("batch size must be >= 2, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxEpochs(int maxEpochs) {
            if (maxEpochs < 1) {
                throw new IllegalArgumentException("max epochs must be >= 1, got " + maxEpochs);
            }
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** The share of examples held out for validation, in (0, 1). */
        public Builder validationFraction(double validationFraction) {
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
            }
            this.validationFraction = validationFraction;
            return this;
        }

        /** How many epochs without improvement end training. */
        public Builder patience(int patience) {
            if (patience < 1) {
                throw new IllegalArgumentException("patience must be >= 1, got " + patience);
            }
            this.patience = patience;
            return this;
        }

        /** How much lower than the best a validation loss must be to count as an improvement. */
        public Builder minDelta(double minDelta) {
            if (!(minDelta >= 0)) {
                throw new IllegalArgumentException("minimum delta must be >= 0, got " + minDelta);
            }
            this.minDelta = minDelta;
            return this;
        }

        /** Clips the total gradient norm of each step to {@code maxNorm}; 0 turns clipping off. */
        public Builder clipGradientNorm(double maxNorm) {
            if (!(maxNorm >= 0)) {
                throw new IllegalArgumentException("max gradient norm must be >= 0, got " + maxNorm);
            }
            this.clipNorm = maxNorm;
            return this;
        }

        /** A scheduler over the same optimizer, stepped with each epoch's validation loss. */
        public Builder scheduler(ReduceLROnPlateau scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /** The seed of the validation split and of the batch order. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads for the tape's large matrix products. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
