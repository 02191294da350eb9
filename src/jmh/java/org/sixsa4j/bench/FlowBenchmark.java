package org.sixsa4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.flow.MaskedAutoregressiveFlow;
import org.sixsa4j.nn.Parameter;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.nn.optim.GradientClipping;

/**
 * Neural posterior estimation with sbi's default conditional MAF, on the synthetic task of
 * {@code ../shared/peer/maf_train.py}: θ ~ U(0, 1)⁵, x = Aθ + 0.1 ε in 64 dimensions with A
 * fixed, entries N(0, 1/5), ε ~ N(0, I). The flow has sbi's defaults (5 transforms, MADEs of two
 * hidden blocks of width 50, θ and x z-scored).
 * <ul>
 *   <li>{@code trainEpoch}: one epoch over 20 000 examples, 100 batches of 200 in a fresh shuffled
 *       order, each batch zeroing the gradients, recording −mean log q(θ|x), running backward,
 *       clipping the gradient norm at 5 and stepping Adam (lr 5e-4). The loop is written here, not
 *       run by {@code Trainer}, because the peer times epochs without a validation pass (its
 *       default {@code --val-fraction} is 0) and {@code Trainer} always holds one out.</li>
 *   <li>{@code sample}: 10⁵ draws from q(θ | x_o), x_o simulated at θ = 0.5.</li>
 *   <li>{@code logProb}: log q(θ | x_o) for 10⁵ θ drawn from the prior.</li>
 * </ul>
 * Sampling and log-probabilities use an untrained flow: their cost does not depend on the weights.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class FlowBenchmark {
    static final int FEATURES = 5;
    static final int CONTEXT = 64;
    static final int EXAMPLES = 20_000;
    static final int BATCH = 200;
    static final int DRAWS = 100_000;
    static final double NOISE = 0.1;

    /** The task's data and x_o, and a flow z-scored on the data. */
    @State(Scope.Thread)
    public static class Task {
        FMatrixRMaj theta;
        FMatrixRMaj x;
        double[] observed;
        MaskedAutoregressiveFlow flow;

        @Setup(Level.Trial)
        public void setUp() {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            double[][] a = new double[CONTEXT][FEATURES];
            for (double[] row : a) {
                for (int j = 0; j < FEATURES; j++) {
                    row[j] = normal.sample() / Math.sqrt(FEATURES);
                }
            }
            theta = new FMatrixRMaj(EXAMPLES, FEATURES);
            x = new FMatrixRMaj(EXAMPLES, CONTEXT);
            double[] t = new double[FEATURES];
            for (int r = 0; r < EXAMPLES; r++) {
                for (int j = 0; j < FEATURES; j++) {
                    t[j] = rng.nextDouble();
                    theta.set(r, j, (float) t[j]);
                }
                double[] xr = simulate(a, t, normal);
                for (int k = 0; k < CONTEXT; k++) {
                    x.set(r, k, (float) xr[k]);
                }
            }
            double[] half = new double[FEATURES];
            Arrays.fill(half, 0.5);
            observed = simulate(a, half, normal);
            flow = MaskedAutoregressiveFlow.builder(FEATURES, CONTEXT).seed(1).build();
            flow.standardize(theta, x);
        }

        private static double[] simulate(double[][] a, double[] t, ZigguratSampler.NormalizedGaussian normal) {
            double[] out = new double[CONTEXT];
            for (int k = 0; k < CONTEXT; k++) {
                double s = 0;
                for (int j = 0; j < FEATURES; j++) {
                    s += a[k][j] * t[j];
                }
                out[k] = s + NOISE * normal.sample();
            }
            return out;
        }
    }

    /** The training loop's state: optimizer, tape, batch buffers and the shuffled order. */
    @State(Scope.Thread)
    public static class Training {
        @Param({"1", "2"})
        public int threads;

        Tape tape;
        Adam adam;
        List<Parameter> parameters;
        int[] order;
        UniformRandomProvider rng;
        final FMatrixRMaj batchTheta = new FMatrixRMaj(BATCH, FEATURES);
        final FMatrixRMaj batchX = new FMatrixRMaj(BATCH, CONTEXT);

        @Setup(Level.Trial)
        public void setUp(Task task) {
            parameters = task.flow.parameters();
            adam = Adam.builder(parameters).learningRate(5e-4).build();
            tape = Tape.create(threads);
            order = PermutationSampler.natural(EXAMPLES);
            rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
            task.flow.train();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            tape.close();
        }
    }

    /** The θ at which {@code logProb} evaluates the density. */
    @State(Scope.Thread)
    public static class Points {
        double[][] theta;

        @Setup(Level.Trial)
        public void setUp() {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
            theta = new double[DRAWS][FEATURES];
            for (double[] row : theta) {
                for (int j = 0; j < FEATURES; j++) {
                    row[j] = rng.nextDouble();
                }
            }
        }
    }

    /** One epoch; returns the mean training loss so that nothing is optimised away. */
    @Benchmark
    public double trainEpoch(Task task, Training s) {
        MaskedAutoregressiveFlow flow = task.flow;
        PermutationSampler.shuffle(s.rng, s.order);
        double sum = 0;
        for (int from = 0; from + BATCH <= EXAMPLES; from += BATCH) {
            for (int r = 0; r < BATCH; r++) {
                int row = s.order[from + r];
                System.arraycopy(task.theta.data, row * FEATURES, s.batchTheta.data, r * FEATURES, FEATURES);
                System.arraycopy(task.x.data, row * CONTEXT, s.batchX.data, r * CONTEXT, CONTEXT);
            }
            Tape tape = s.tape;
            s.adam.zeroGrad();
            Tensor loss = tape.mulScalar(tape.mean(flow.logProb(tape, tape.constant(s.batchTheta), tape.constant(s.batchX))), -1);
            sum += loss.value().data[0];
            tape.backward(loss);
            GradientClipping.clipByTotalNorm(s.parameters, 5);
            s.adam.step();
            tape.reset();
        }
        return sum / (EXAMPLES / BATCH);
    }

    @Benchmark
    public double[][] sample(Task task) {
        return task.flow.sample(DRAWS, task.observed, RandomSource.XO_RO_SHI_RO_128_PP.create(4));
    }

    @Benchmark
    public double[] logProb(Task task, Points points) {
        return task.flow.logProb(points.theta, task.observed);
    }
}
