package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.flow.MaskedAutoregressiveFlow;
import org.sixsa4j.nn.Activation;
import org.sixsa4j.nn.Mlp;
import org.sixsa4j.nn.Trainer;
import org.sixsa4j.nn.TrainingHistory;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.simulate.RandomStreams;

/**
 * Neural posterior estimation over one or more rounds (Papamakarios &amp; Murray 2016; Greenberg,
 * Nonnenmacher &amp; Macke 2019; Deistler, Gonçalves &amp; Macke 2022, "Truncated proposals for
 * scalable and hassle-free simulation-based inference", NeurIPS): a conditional
 * {@link MaskedAutoregressiveFlow} q(θ | x) is trained on simulated pairs (θ, x) to maximise
 * log q(θ | x), and then gives the posterior at any observation.
 *
 * <p>Each round's simulations are appended with the proposal that drew their θ. Every call to
 * {@link #train} trains the same flow further on all rounds' data, as sbi does, with a fresh
 * Adam. The first round fixes the z-scoring of θ and x, from its training rows only. Each round
 * is split once into training and validation rows, so a validation row is never trained on in a
 * later round. When every round came from the prior or from a truncated prior the loss is
 * −log q(θ | x) (TSNPE); with {@link NpeSettings.Loss#ATOMIC} and a round from another proposal,
 * it is APT's atomic loss. Rows with a NaN or infinite value are dropped and counted.
 *
 * <p>Deterministic: the weights, splits, batch orders and atoms come from numbered streams of the
 * settings' seed, and the result does not depend on the thread count.
 */
public final class NeuralPosteriorEstimation {
    private static final long WEIGHTS_STREAM = 0;
    private static final long EMBEDDING_STREAM = 1;
    private static final long POSTERIOR_STREAM = 2;
    private static final long SPLIT_STREAMS = 1_000;
    private static final long TRAINING_STREAMS = 2_000;
    private static final long ATOM_STREAMS = 3_000;

    private final ParameterDistribution prior;
    private final NpeSettings settings;
    private final RandomStreams streams;
    private final List<Round> rounds = new ArrayList<>();
    private final List<TrainingHistory> histories = new ArrayList<>();
    private MaskedAutoregressiveFlow flow;
    private int droppedRows;

    /** One round's rows, already split. */
    private record Round(double[][] trainingTheta, double[][] trainingX, double[][] validationTheta, double[][] validationX,
            boolean fromPrior) {
    }

    /**
     * @param prior the prior p(θ); leakage outside its support is rejected, and the atomic loss
     *     divides by it
     */
    public NeuralPosteriorEstimation(ParameterDistribution prior, NpeSettings settings) {
        this.prior = prior;
        this.settings = settings;
        this.streams = RandomStreams.of(settings.seed());
    }

    /**
     * Adds a round of simulations whose θ were drawn from {@code proposal} (the prior itself, a
     * truncated prior or a posterior).
     *
     * @return the number of pairs dropped because θ or x held a NaN or an infinite value
     */
    public int appendSimulations(Simulations simulations, ParameterDistribution proposal) {
        if (simulations.size() > 0 && simulations.parameterCount() != prior.dimension()) {
            throw new IllegalArgumentException("simulations have " + simulations.parameterCount() + " parameters, the prior "
                    + prior.dimension());
        }
        if (!rounds.isEmpty() && simulations.size() > 0 && simulations.dataCount() != dataCount()) {
            throw new IllegalArgumentException("simulations have " + simulations.dataCount() + " data values, earlier rounds " + dataCount());
        }
        Simulations valid = simulations.finite();
        int dropped = simulations.size() - valid.size();
        droppedRows += dropped;
        int n = valid.size();
        int validation = (int) Math.round(n * settings.validationFraction());
        if (n - validation < 2 || validation < 1) {
            throw new IllegalArgumentException("a round needs enough valid simulations for training and validation; "
                    + n + " valid of " + simulations.size() + " leave " + (n - validation) + " and " + validation);
        }
        int[] order = PermutationSampler.natural(n);
        PermutationSampler.shuffle(streams.stream(SPLIT_STREAMS + rounds.size()), order);
        double[][] t = valid.thetaRows();
        double[][] x = valid.xRows();
        rounds.add(new Round(pick(t, order, validation, n), pick(x, order, validation, n), pick(t, order, 0, validation),
                pick(x, order, 0, validation), proposal == prior));
        return dropped;
    }

    private static double[][] pick(double[][] rows, int[] order, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = rows[order[i]];
        }
        return out;
    }

    private int dataCount() {
        return rounds.get(0).trainingX[0].length;
    }

    /** Pairs dropped so far for NaN or infinite values. */
    public int droppedSimulations() {
        return droppedRows;
    }

    /** The training histories, one per {@link #train} call. */
    public List<TrainingHistory> histories() {
        return List.copyOf(histories);
    }

    /**
     * Trains the flow further on all rounds so far and returns the posterior it defines.
     *
     * @param listener receives each epoch's losses; may be null
     */
    public NeuralPosterior train(Trainer.Listener listener) {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no simulations to train on: append a round first");
        }
        FMatrixRMaj trainingX = new FMatrixRMaj(1, 1);
        FMatrixRMaj trainingTargets = new FMatrixRMaj(1, 1);
        FMatrixRMaj validationX = new FMatrixRMaj(1, 1);
        FMatrixRMaj validationTargets = new FMatrixRMaj(1, 1);
        boolean allFromPrior = true;
        List<double[][]> tt = new ArrayList<>();
        List<double[][]> tx = new ArrayList<>();
        List<double[][]> vt = new ArrayList<>();
        List<double[][]> vx = new ArrayList<>();
        for (Round r : rounds) {
            tt.add(r.trainingTheta);
            tx.add(r.trainingX);
            vt.add(r.validationTheta);
            vx.add(r.validationX);
            allFromPrior &= r.fromPrior;
        }
        fill(trainingX, tx, false);
        fill(trainingTargets, tt, true);
        fill(validationX, vx, false);
        fill(validationTargets, vt, true);
        if (flow == null) {
            flow = newFlow();
            Round first = rounds.get(0);
            FMatrixRMaj theta = new FMatrixRMaj(1, 1);
            FMatrixRMaj x = new FMatrixRMaj(1, 1);
            fill(theta, List.<double[][]>of(first.trainingTheta), false);
            fill(x, List.<double[][]>of(first.trainingX), false);
            flow.standardize(theta, x);
        }
        boolean atomic = settings.loss() == NpeSettings.Loss.ATOMIC && !allFromPrior;
        int call = histories.size();
        Trainer.LossFunction loss = atomic
                ? new AtomicLoss(flow, prior.dimension(), settings.atoms(), streams.stream(ATOM_STREAMS + call))
                : (tape, x, targets) -> tape.mulScalar(tape.mean(flow.logProb(tape, tape.sliceCols(targets, 0, prior.dimension()), x)), -1);
        Trainer trainer = Trainer.builder(flow, Adam.builder(flow.parameters()).learningRate(settings.learningRate()).build(), loss)
                .batchSize(settings.batchSize())
                .maxEpochs(settings.maxEpochs())
                .patience(settings.patience())
                .clipGradientNorm(settings.clipNorm())
                .seed(streams.stream(TRAINING_STREAMS + call).nextLong())
                .threads(settings.threads())
                .listener(listener)
                .build();
        histories.add(trainer.fit(trainingX, trainingTargets, validationX, validationTargets));
        return posterior(flow, prior, settings);
    }

    /**
     * The posterior of a flow trained by an estimator with these settings and prior, as
     * {@link #train} returns it: how a run resumed from saved rounds rebuilds their posteriors.
     */
    static NeuralPosterior posterior(MaskedAutoregressiveFlow flow, ParameterDistribution prior, NpeSettings settings) {
        return NeuralPosterior.of(flow, prior, RandomStreams.of(settings.seed()).stream(POSTERIOR_STREAM).nextLong());
    }

    private MaskedAutoregressiveFlow newFlow() {
        int contextFeatures = dataCount();
        MaskedAutoregressiveFlow.Builder b = MaskedAutoregressiveFlow.builder(prior.dimension(), contextFeatures)
                .transforms(settings.transforms())
                .hiddenFeatures(settings.hiddenFeatures())
                .blocks(settings.blocks())
                .contextScaling(settings.contextScaling())
                .seed(streams.stream(WEIGHTS_STREAM).nextLong());
        int[] widths = settings.embeddingWidths();
        if (widths.length > 0) {
            int[] sizes = new int[widths.length + 1];
            sizes[0] = contextFeatures;
            System.arraycopy(widths, 0, sizes, 1, widths.length);
            b.embedding(Mlp.builder(sizes).activation(Activation.RELU).build(streams.stream(EMBEDDING_STREAM)), widths[widths.length - 1]);
        }
        return b.build();
    }

    /**
     * Stacks row blocks into {@code out}; with {@code logPrior}, a last column holds log p(θ) of
     * each row, computed in double from θ before rounding to float (a θ on a uniform prior's
     * edge could round outside it).
     */
    private void fill(FMatrixRMaj out, List<double[][]> blocks, boolean logPrior) {
        int rows = 0;
        for (double[][] b : blocks) {
            rows += b.length;
        }
        int cols = blocks.get(0)[0].length;
        out.reshape(rows, cols + (logPrior ? 1 : 0));
        int r = 0;
        for (double[][] b : blocks) {
            for (double[] row : b) {
                for (int j = 0; j < cols; j++) {
                    out.set(r, j, (float) row[j]);
                }
                if (logPrior) {
                    out.set(r, cols, (float) prior.logDensity(row));
                }
                r++;
            }
        }
    }

    /**
     * APT's atomic loss (Greenberg et al. 2019, eq. 5 with a discrete proposal over atoms): for
     * row i, the atoms are θ<sub>i</sub> and {@code atoms − 1} other θ of the batch drawn without
     * replacement, and the loss is −log of θ<sub>i</sub>'s share of q(θ | x<sub>i</sub>)/p(θ)
     * over the atoms. Targets carry log p(θ) in their last column.
     */
    private static final class AtomicLoss implements Trainer.LossFunction {
        private final MaskedAutoregressiveFlow flow;
        private final int dimension;
        private final int atoms;
        private final UniformRandomProvider rng;

        AtomicLoss(MaskedAutoregressiveFlow flow, int dimension, int atoms, UniformRandomProvider rng) {
            this.flow = flow;
            this.dimension = dimension;
            this.atoms = atoms;
            this.rng = rng;
        }

        @Override
        public Tensor loss(Tape tape, Tensor x, Tensor targets) {
            int b = targets.rows();
            int k = Math.min(atoms, b);
            int[][] index = new int[k][b];
            int[] others = new int[b - 1];
            for (int i = 0; i < b; i++) {
                index[0][i] = i;
                for (int j = 0, o = 0; j < b; j++) {
                    if (j != i) {
                        others[o++] = j;
                    }
                }
                // A partial Fisher–Yates shuffle draws k − 1 distinct other rows.
                for (int a = 1; a < k; a++) {
                    int pick = a - 1 + rng.nextInt(b - a);
                    int chosen = others[pick];
                    others[pick] = others[a - 1];
                    others[a - 1] = chosen;
                    index[a][i] = chosen;
                }
            }
            Tensor theta = tape.sliceCols(targets, 0, dimension);
            Tensor logPrior = tape.sliceCols(targets, dimension, dimension + 1);
            Tensor[] logits = new Tensor[k];
            for (int a = 0; a < k; a++) {
                Tensor atom = tape.gatherRows(theta, index[a]);
                logits[a] = tape.sub(flow.logProb(tape, atom, x), tape.gatherRows(logPrior, index[a]));
            }
            Tensor all = tape.concatCols(logits);
            Tensor own = tape.sub(logits[0], tape.logSumExpRows(all));
            return tape.mulScalar(tape.mean(own), -1);
        }
    }
}
