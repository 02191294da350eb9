package org.sixsa4j.sbi.restriction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.nn.Linear;
import org.sixsa4j.nn.Mlp;
import org.sixsa4j.nn.Module;
import org.sixsa4j.nn.ResidualBlock;
import org.sixsa4j.nn.Sequential;
import org.sixsa4j.nn.Trainer;
import org.sixsa4j.nn.TrainingHistory;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.simulate.RandomStreams;

/**
 * A classifier on θ that tells the part of the prior giving valid simulations from the rest, with
 * a decision threshold set so that (almost) no valid region is lost: sbi's
 * {@code RestrictionEstimator} (Deistler et al. 2022, PNAS 119(44)), the first stage of SIXSA
 * (Barret &amp; Dupourqué 2024, A&amp;A). Immutable once trained; evaluation is thread-safe.
 *
 * <p><b>Training.</b> A share v ({@link ClassifierSettings#validationFraction()}, 10 %) of the
 * valid and, separately, of the invalid examples is held out for calibration; stratifying
 * guarantees held-out valid points even when they are rare. θ is z-scored with the mean and
 * standard deviation of the remaining training rows, as sbi does, and a network with one logit
 * output is fitted to the labels by binary cross-entropy with logits, with the {@link Trainer}'s
 * early stopping (which holds out v of the training rows in turn). The calibration set never
 * steers training, so the threshold is set on points the network has not fitted; sbi uses one
 * split for both.
 *
 * <p><b>Threshold.</b> Let p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub> be the predicted probabilities
 * of m valid points and a the allowed false-negative fraction; the threshold is
 * p<sub>(k+1)</sub> with k = ⌊a·m⌋, so at most a·m of them fall below it. With a &gt; 0 the m
 * points are the held-out valid ones, on which the network was not fitted, so that a is the
 * false-negative rate on fresh valid draws. With a = 0, the default, under which inference stays
 * exact, the m points are all valid examples, training ones included, and the threshold is the
 * lowest probability among them: every valid simulation proves that its θ belongs to the region,
 * and the many training points lie far closer to the boundary than the few held out. (sbi takes
 * the minimum over its validation split alone; with 1500 simulations, 75 held-out valid points,
 * that lost a strip 0.05 wide of the valid region on one of five seeds of the test problem.)
 * With the safety margin on (the default), the threshold is then lowered to
 * 1 − (1 − p<sub>(k+1)</sub>)(1 + 1/m): sbi's "frequentist" margin, the minimum-variance
 * unbiased estimate of the maximum of a uniform sample (the German tank problem) applied to
 * 1 − p, which allows for valid points less probable than any of the m seen. θ is accepted when
 * its probability is ≥ the threshold; the comparison is done on logits, so that probabilities
 * within 1e-16 of 1 stay distinct.
 */
public final class RestrictionClassifier {
    /** Rows per forward pass when evaluating, to bound the tape's memory. */
    private static final int EVALUATION_ROWS = 8192;
    /** sbi's floor on a z-scoring standard deviation, below which a parameter counts as constant. */
    private static final double MIN_STD = 1e-14;

    private final Module network;
    private final double[] mean;
    private final double[] scale;
    private final double logitThreshold;
    private final Calibration calibration;
    private final TrainingHistory history;
    private final ClassifierSettings settings;

    /**
     * How the threshold did on the held-out calibration points.
     *
     * @param validPoints held-out valid points
     * @param falseNegatives those the threshold rejects
     * @param invalidPoints held-out invalid points
     * @param falsePositives those the threshold accepts
     * @param threshold the probability threshold
     */
    public record Calibration(int validPoints, int falseNegatives, int invalidPoints, int falsePositives, double threshold) {

        /** The fraction of held-out valid points rejected. */
        public double falseNegativeFraction() {
            return falseNegatives / (double) validPoints;
        }

        /** The fraction of held-out invalid points accepted; NaN when there were none. */
        public double falsePositiveFraction() {
            return invalidPoints == 0 ? Double.NaN : falsePositives / (double) invalidPoints;
        }
    }

    /** A trained classifier from its parts, as {@link #train} makes it or {@link RestrictionFiles} reads it back. */
    RestrictionClassifier(Module network, double[] mean, double[] scale, double logitThreshold, Calibration calibration,
            TrainingHistory history, ClassifierSettings settings) {
        this.network = network;
        this.mean = mean;
        this.scale = scale;
        this.logitThreshold = logitThreshold;
        this.calibration = calibration;
        this.history = history;
        this.settings = settings;
    }

    /**
     * Trains a classifier on labelled parameter vectors and calibrates its threshold.
     *
     * @param thetas parameter vectors, one per row, all finite and of one length; not modified
     * @param labels whether each simulation was valid
     * @param seed the seed of the split, the initial weights, dropout and the batch order
     * @throws IllegalArgumentException for mismatched lengths, ragged or non-finite rows, fewer
     *     than 2 valid examples, or too few examples to split
     */
    public static RestrictionClassifier train(double[][] thetas, boolean[] labels, ClassifierSettings settings, long seed) {
        Objects.requireNonNull(settings, "settings");
        int d = checkData(thetas, labels);
        RandomStreams streams = RandomStreams.of(seed);

        int[][] split = stratifiedSplit(labels, settings.validationFraction(), streams.stream(0));
        int[] training = split[0];
        int[] held = split[1];
        double[] mean = new double[d];
        double[] scale = new double[d];
        zScoring(thetas, training, mean, scale);

        Module network = network(d, settings, streams.stream(1));
        FMatrixRMaj inputs = standardised(thetas, training, mean, scale);
        FMatrixRMaj targets = new FMatrixRMaj(training.length, 1);
        for (int i = 0; i < training.length; i++) {
            targets.data[i] = labels[training[i]] ? 1f : 0f;
        }
        Adam adam = Adam.builder(network.parameters()).learningRate(settings.learningRate()).build();
        TrainingHistory history = Trainer.builder(network, adam, Trainer.LossFunction.binaryCrossEntropyWithLogits(network))
                .batchSize(settings.batchSize()).maxEpochs(settings.maxEpochs()).validationFraction(settings.validationFraction())
                .patience(settings.patience()).clipGradientNorm(settings.clipGradientNorm()).threads(settings.threads())
                .seed(streams.stream(2).nextLong()).build()
                .fit(inputs, targets);
        network.eval();

        double[] heldLogits = logits(network, thetas, held, mean, scale, settings.threads());
        double[] heldValid = validOnly(heldLogits, held, labels);
        // With no false negatives allowed, every valid example counts: each proves its θ belongs to the region.
        double[] thresholdFrom = settings.allowedFalseNegatives() > 0 ? heldValid
                : concat(heldValid, validOnly(logits(network, thetas, training, mean, scale, settings.threads()), training, labels));
        double logitThreshold = logitThreshold(thresholdFrom, settings.allowedFalseNegatives(), settings.safetyMargin());
        Calibration calibration = calibration(heldLogits, held, labels, logitThreshold);
        return new RestrictionClassifier(network, mean, scale, logitThreshold, calibration, history, settings);
    }

    /** How the threshold sorts the held-out rows {@code held}, whose logits are {@code heldLogits}. */
    private static Calibration calibration(double[] heldLogits, int[] held, boolean[] labels, double logitThreshold) {
        int valid = 0;
        int falseNegatives = 0;
        int falsePositives = 0;
        for (int i = 0; i < held.length; i++) {
            boolean accepted = heldLogits[i] >= logitThreshold;
            if (labels[held[i]]) {
                valid++;
                falseNegatives += accepted ? 0 : 1;
            } else {
                falsePositives += accepted ? 1 : 0;
            }
        }
        return new Calibration(valid, falseNegatives, held.length - valid, falsePositives, sigmoid(logitThreshold));
    }

    /** The entries of {@code logits} whose rows ({@code rows[i]}) are labelled valid. */
    private static double[] validOnly(double[] logits, int[] rows, boolean[] labels) {
        int count = 0;
        for (int r : rows) {
            count += labels[r] ? 1 : 0;
        }
        double[] out = new double[count];
        for (int i = 0, k = 0; i < rows.length; i++) {
            if (labels[rows[i]]) {
                out[k++] = logits[i];
            }
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The logit threshold from the logits of the held-out valid points, in any order: the
     * (⌊a·m⌋ + 1)-th lowest, lowered by the margin described on the class when asked.
     */
    static double logitThreshold(double[] validLogits, double allowedFalseNegatives, boolean safetyMargin) {
        double[] sorted = validLogits.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double logit = sorted[(int) Math.floor(m * allowedFalseNegatives)];
        if (!safetyMargin) {
            return logit;
        }
        // 1 − p = sigmoid(−logit), computed so as not to cancel when p is near 1.
        double oneMinusP = sigmoid(-logit) * (1 + 1.0 / m);
        if (oneMinusP >= 1) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log1p(-oneMinusP) - Math.log(oneMinusP);
    }

    /** The network, in evaluation mode. */
    Module network() {
        return network;
    }

    /** The z-scoring means of θ. */
    double[] mean() {
        return mean.clone();
    }

    /** The z-scoring scales of θ. */
    double[] scale() {
        return scale.clone();
    }

    /** The dimension of θ. */
    public int dimension() {
        return mean.length;
    }

    /** The network's logit of "valid" for each row of {@code thetas}; NaN for a non-finite row. */
    public double[] logits(double[][] thetas) {
        checkRows(thetas);
        int[] rows = new int[thetas.length];
        Arrays.setAll(rows, i -> i);
        // A network holds per-call scratch, so one evaluation at a time.
        synchronized (network) {
            return logits(network, thetas, rows, mean, scale, settings.threads());
        }
    }

    /** The predicted probability that each row of {@code thetas} gives a valid simulation. */
    public double[] probabilities(double[][] thetas) {
        double[] p = logits(thetas);
        for (int i = 0; i < p.length; i++) {
            p[i] = sigmoid(p[i]);
        }
        return p;
    }

    /** Whether each row of {@code thetas} lies in the restricted region (probability ≥ threshold). */
    public boolean[] accepts(double[][] thetas) {
        double[] logits = logits(thetas);
        boolean[] accepted = new boolean[logits.length];
        for (int i = 0; i < logits.length; i++) {
            accepted[i] = logits[i] >= logitThreshold;
        }
        return accepted;
    }

    /** Whether {@code theta} lies in the restricted region. */
    public boolean accepts(double[] theta) {
        return accepts(new double[][] {theta})[0];
    }

    /** The probability threshold. */
    public double threshold() {
        return sigmoid(logitThreshold);
    }

    /** The threshold as a logit; −∞ when the margin accepts everything. */
    public double logitThreshold() {
        return logitThreshold;
    }

    /** How the threshold did on the held-out points. */
    public Calibration calibration() {
        return calibration;
    }

    /** The losses of the training run. */
    public TrainingHistory history() {
        return history;
    }

    public ClassifierSettings settings() {
        return settings;
    }

    /** The logits of rows {@code rows} of {@code thetas}, z-scored, in forward passes of at most {@value #EVALUATION_ROWS} rows. */
    private static double[] logits(Module network, double[][] thetas, int[] rows, double[] mean, double[] scale, int threads) {
        double[] out = new double[rows.length];
        try (Tape tape = Tape.create(threads)) {
            for (int from = 0; from < rows.length; from += EVALUATION_ROWS) {
                int to = Math.min(rows.length, from + EVALUATION_ROWS);
                FMatrixRMaj inputs = standardised(thetas, Arrays.copyOfRange(rows, from, to), mean, scale);
                FMatrixRMaj values = network.forward(tape, tape.constant(inputs)).value();
                for (int i = from; i < to; i++) {
                    out[i] = values.data[i - from];
                }
                tape.reset();
            }
        }
        return out;
    }

    private static Module network(int d, ClassifierSettings s, UniformRandomProvider rng) {
        int h = s.hiddenFeatures();
        if (s.architecture() == ClassifierSettings.Architecture.MLP) {
            int[] sizes = new int[s.hiddenLayers() + 2];
            Arrays.fill(sizes, h);
            sizes[0] = d;
            sizes[sizes.length - 1] = 1;
            return Mlp.builder(sizes).activation(s.activation()).batchNorm(s.batchNorm()).dropout(s.dropout()).build(rng);
        }
        // nflows' ResidualNet, as sbi's resnet classifier: Linear in, pre-activation blocks, Linear out.
        List<Module> layers = new ArrayList<>();
        layers.add(new Linear(d, h, rng));
        for (int i = 0; i < s.hiddenLayers(); i++) {
            layers.add(new ResidualBlock(h, 0, s.activation(), s.dropout(), s.batchNorm(), rng));
        }
        layers.add(new Linear(h, 1, rng));
        return new Sequential(layers);
    }

    /**
     * Shuffles the valid and the invalid indices apart and holds out round(v·n) of each (at
     * least one valid): returns {training, held out}.
     */
    private static int[][] stratifiedSplit(boolean[] labels, double fraction, UniformRandomProvider rng) {
        int n = labels.length;
        int valid = 0;
        for (boolean l : labels) {
            valid += l ? 1 : 0;
        }
        int[] validIndex = new int[valid];
        int[] invalidIndex = new int[n - valid];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (labels[i]) {
                validIndex[a++] = i;
            } else {
                invalidIndex[b++] = i;
            }
        }
        PermutationSampler.shuffle(rng, validIndex);
        PermutationSampler.shuffle(rng, invalidIndex);
        int heldValid = (int) Math.max(1, Math.round(fraction * valid));
        int heldInvalid = (int) Math.round(fraction * (n - valid));
        int[] held = new int[heldValid + heldInvalid];
        int[] training = new int[n - held.length];
        System.arraycopy(validIndex, 0, held, 0, heldValid);
        System.arraycopy(invalidIndex, 0, held, heldValid, heldInvalid);
        System.arraycopy(validIndex, heldValid, training, 0, valid - heldValid);
        System.arraycopy(invalidIndex, heldInvalid, training, valid - heldValid, n - valid - heldInvalid);
        // Sorted, so that the training rows do not depend on the order of the two shuffles.
        Arrays.sort(held);
        Arrays.sort(training);
        return new int[][] {training, held};
    }

    private static void zScoring(double[][] thetas, int[] rows, double[] mean, double[] scale) {
        int d = mean.length;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int r : rows) {
                sum += thetas[r][j];
            }
            double mu = sum / rows.length;
            double ss = 0;
            for (int r : rows) {
                double dev = thetas[r][j] - mu;
                ss += dev * dev;
            }
            double sd = rows.length > 1 ? Math.sqrt(ss / (rows.length - 1)) : 0;
            mean[j] = mu;
            scale[j] = sd > MIN_STD ? sd : 1;
        }
    }

    private static FMatrixRMaj standardised(double[][] thetas, int[] rows, double[] mean, double[] scale) {
        int d = mean.length;
        FMatrixRMaj x = new FMatrixRMaj(rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            double[] theta = thetas[rows[i]];
            for (int j = 0; j < d; j++) {
                x.data[i * d + j] = (float) ((theta[j] - mean[j]) / scale[j]);
            }
        }
        return x;
    }

    private static int checkData(double[][] thetas, boolean[] labels) {
        Objects.requireNonNull(thetas, "thetas");
        Objects.requireNonNull(labels, "labels");
        if (thetas.length != labels.length) {
            throw new IllegalArgumentException(thetas.length + " parameter vectors but " + labels.length + " labels");
        }
        if (thetas.length == 0) {
            throw new IllegalArgumentException("no parameter vectors to train the restriction classifier on");
        }
        int d = thetas[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("parameter vectors must have at least one component");
        }
        int valid = 0;
        for (int i = 0; i < thetas.length; i++) {
            if (thetas[i].length != d) {
                throw new IllegalArgumentException("parameter vector " + i + " has " + thetas[i].length + " components, expected " + d);
            }
            for (double v : thetas[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("parameter vector " + i + " is not finite: " + Arrays.toString(thetas[i]));
                }
            }
            valid += labels[i] ? 1 : 0;
        }
        if (valid < 2) {
            throw new IllegalArgumentException("only " + valid + " of " + thetas.length
                    + " simulations are valid; the restriction classifier needs at least 2 (one to train on, one to set the threshold)");
        }
        return d;
    }

    private void checkRows(double[][] thetas) {
        for (int i = 0; i < thetas.length; i++) {
            if (thetas[i].length != mean.length) {
                throw new IllegalArgumentException("parameter vector " + i + " has " + thetas[i].length + " components, expected " + mean.length);
            }
        }
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    public String toString() {
        return "RestrictionClassifier[" + settings.architecture() + ", dimension " + mean.length + ", threshold " + threshold() + "]";
    }
}
