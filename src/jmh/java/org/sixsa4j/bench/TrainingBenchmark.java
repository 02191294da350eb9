package org.sixsa4j.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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
import org.sixsa4j.nn.Activation;
import org.sixsa4j.nn.BatchNorm1d;
import org.sixsa4j.nn.Linear;
import org.sixsa4j.nn.Mlp;
import org.sixsa4j.nn.Module;
import org.sixsa4j.nn.Sequential;
import org.sixsa4j.nn.optim.Adam;
import org.sixsa4j.nn.optim.AdamW;
import org.sixsa4j.nn.optim.Optimizer;
import org.sixsa4j.simulate.PoissonVariates;

/**
 * One training step (forward, loss, backward, optimizer step) of the two networks of issue 5, at
 * batch 256; an epoch is {@code ceil(n / 256)} such steps (the last one partial). Run with
 * {@code -prof gc} for the allocation per step.
 * <ul>
 *   <li>{@code mlp}: 64→128→128→5, BatchNorm and GELU after each hidden layer, mean squared error,
 *       Adam lr 1e-3; an epoch of 20 000 examples is 79 steps.</li>
 *   <li>{@code autoencoder}: the spectral auto-encoder of {@code ../shared/peer/ae_train.py}, written
 *       again from its description: 2000 channels, encoder 2000→1000→500→64 and the mirrored
 *       decoder, BatchNorm and GELU between, input log1p(counts) standardised per channel, output
 *       expm1(clamp(y·σ + μ, 0, 30)), loss the Cash statistic 2 Σ (m − d + d ln d − d ln(m + 1e-8))
 *       averaged over the batch, AdamW lr 3e-4; the same simulated power-law spectra. An epoch of
 *       10 000 spectra is 40 steps.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class TrainingBenchmark {
    static final int BATCH = 256;

    @Param({"mlp", "autoencoder"})
    public String network;

    @Param({"vector", "scalar"})
    public String kernels;

    @Param({"1", "2"})
    public int threads;

    private Tape tape;
    private Module net;
    private Optimizer optimizer;
    private FMatrixRMaj inputs;
    private FMatrixRMaj targets;
    private FMatrixRMaj batchInputs;
    private FMatrixRMaj batchTargets;
    /** For the auto-encoder: d ln d per channel of the batch, and the channels' log1p mean and spread. */
    private FMatrixRMaj batchDlogd;
    private FMatrixRMaj dlogd;
    private FMatrixRMaj channelMean;
    private FMatrixRMaj channelStd;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("sixsa4j.kernels", kernels);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        if (network.equals("mlp")) {
            inputs = gaussian(20_000, 64, rng);
            targets = new FMatrixRMaj(20_000, 5);
            for (int i = 0; i < 20_000; i++) {
                for (int j = 0; j < 5; j++) {
                    double x = inputs.get(i, j);
                    targets.set(i, j, (float) (Math.sin(x) + 0.5 * inputs.get(i, j + 5) * inputs.get(i, j + 10)));
                }
            }
            net = Mlp.builder(64, 128, 128, 5).activation(Activation.GELU).batchNorm(true).build(rng);
            optimizer = Adam.builder(net.parameters()).learningRate(1e-3).build();
        } else {
            inputs = powerLawSpectra(10_000, 2000, rng);
            targets = inputs;
            standardise(inputs);
            net = autoEncoder(2000, 64, rng);
            optimizer = AdamW.builder(net.parameters()).learningRate(3e-4).build();
            batchDlogd = new FMatrixRMaj(BATCH, inputs.numCols);
        }
        batchInputs = new FMatrixRMaj(BATCH, inputs.numCols);
        batchTargets = new FMatrixRMaj(BATCH, targets.numCols);
        tape = Tape.create(threads);
        net.train();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tape.close();
    }

    /** One step on the next batch of the data, in order (the order does not change the cost). */
    @Benchmark
    public double step() {
        int n = inputs.numRows;
        if (next + BATCH > n) {
            next = 0;
        }
        System.arraycopy(inputs.data, next * inputs.numCols, batchInputs.data, 0, BATCH * inputs.numCols);
        System.arraycopy(targets.data, next * targets.numCols, batchTargets.data, 0, BATCH * targets.numCols);
        if (dlogd != null) {
            System.arraycopy(dlogd.data, next * dlogd.numCols, batchDlogd.data, 0, BATCH * dlogd.numCols);
        }
        next += BATCH;
        Tensor loss = dlogd == null ? meanSquaredError() : cash();
        double value = loss.value().data[0];
        optimizer.zeroGrad();
        tape.backward(loss);
        optimizer.step();
        tape.reset();
        return value;
    }

    private Tensor meanSquaredError() {
        Tensor y = net.forward(tape, tape.constant(batchInputs));
        return tape.mean(tape.square(tape.sub(y, tape.constant(batchTargets))));
    }

    private Tensor cash() {
        Tensor d = tape.constant(batchInputs);
        Tensor mean = tape.constant(channelMean);
        Tensor std = tape.constant(channelStd);
        Tensor x = tape.div(tape.sub(tape.log1p(d), mean), std);
        Tensor y = net.forward(tape, x);
        Tensor m = tape.expm1(tape.clamp(tape.add(tape.mul(y, std), mean), 0, 30));
        Tensor dLogM = tape.mul(d, tape.log(tape.addScalar(m, 1e-8)));
        Tensor terms = tape.sub(tape.add(tape.sub(m, d), tape.constant(batchDlogd)), dLogM);
        return tape.mulScalar(tape.mean(tape.sumCols(terms)), 2);
    }

    private static Sequential autoEncoder(int channels, int latent, UniformRandomProvider rng) {
        int h1 = channels / 2;
        int h2 = channels / 4;
        return new Sequential(
                new Linear(channels, h1, rng), new BatchNorm1d(h1), Activation.GELU.module(),
                new Linear(h1, h2, rng), new BatchNorm1d(h2), Activation.GELU.module(),
                new Linear(h2, latent, rng),
                new Linear(latent, h2, rng), new BatchNorm1d(h2), Activation.GELU.module(),
                new Linear(h2, h1, rng), new BatchNorm1d(h1), Activation.GELU.module(),
                new Linear(h1, channels, rng));
    }

    private static FMatrixRMaj gaussian(int rows, int cols, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) z.sample();
        }
        return m;
    }

    /**
     * The peer's spectra: log-spaced channels over 0.3–10 keV, a smooth stand-in effective area,
     * T = 1e4 s, counts ~ Poisson(T A(E) N E^−Γ dE exp(−nH 2.4 E^−8/3)) with Γ ~ U(1, 3),
     * log10 nH ~ U(−2, 0), log10 N ~ U(−3.5, −2).
     */
    private FMatrixRMaj powerLawSpectra(int n, int channels, UniformRandomProvider rng) {
        FMatrixRMaj counts = new FMatrixRMaj(n, channels);
        dlogd = new FMatrixRMaj(n, channels);
        double[] e = new double[channels];
        double[] de = new double[channels];
        for (int c = 0; c < channels; c++) {
            double lo = 0.3 * Math.pow(10 / 0.3, (double) c / channels);
            double hi = 0.3 * Math.pow(10 / 0.3, (double) (c + 1) / channels);
            e[c] = 0.5 * (lo + hi);
            de[c] = hi - lo;
        }
        for (int s = 0; s < n; s++) {
            double gamma = 1 + 2 * rng.nextDouble();
            double nh = Math.pow(10, -2 + 2 * rng.nextDouble());
            double norm = Math.pow(10, -3.5 + 1.5 * rng.nextDouble());
            for (int c = 0; c < channels; c++) {
                double area = 600 * Math.exp(-0.5 * Math.pow(Math.log(e[c] / 1.5) / 0.8, 2)) + 50;
                double mu = 1e4 * area * norm * Math.pow(e[c], -gamma) * de[c] * Math.exp(-nh * 2.4 * Math.pow(e[c], -8.0 / 3));
                double d = PoissonVariates.sample(rng, mu);
                counts.set(s, c, (float) d);
                dlogd.set(s, c, d > 0 ? (float) (d * Math.log(d)) : 0f);
            }
        }
        return counts;
    }

    /** The per-channel mean and standard deviation of log1p(counts), the spread floored at 1e-3. */
    private void standardise(FMatrixRMaj counts) {
        int channels = counts.numCols;
        channelMean = new FMatrixRMaj(1, channels);
        channelStd = new FMatrixRMaj(1, channels);
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumSq = 0;
            for (int s = 0; s < counts.numRows; s++) {
                double v = Math.log1p(counts.get(s, c));
                sum += v;
                sumSq += v * v;
            }
            int n = counts.numRows;
            double mean = sum / n;
            channelMean.set(0, c, (float) mean);
            channelStd.set(0, c, (float) Math.max(Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))), 1e-3));
        }
    }
}
