package org.sixsa4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sixsa4j.internal.kernels.Kernels;

/**
 * The float matrix products of one training step of the auto-encoder 2000→1000→500→64 at batch
 * 256, on one thread, in GFLOP/s (the {@code gflops} secondary score; the primary one counts
 * calls). {@code forward*} is a linear layer's {@code x·Wᵀ}, {@code weightGradient} its
 * {@code dYᵀ·x} and {@code inputGradient} its {@code dY·W}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {
    private static final int BATCH = 256;

    @Param({"vector", "scalar"})
    public String kernels;

    private Kernels implementation;
    private float[] x2000;
    private float[] x1000;
    private float[] w1000x2000;
    private float[] w500x1000;
    private float[] dy1000;
    private float[] out;

    @Setup
    public void setUp() {
        implementation = kernels.equals("scalar") ? Kernels.scalar() : Kernels.get();
        if (!implementation.name().equals(kernels)) {
            throw new IllegalStateException("asked for " + kernels + " kernels, got " + implementation.name());
        }
        SplittableRandom rng = new SplittableRandom(1);
        x2000 = random(rng, BATCH * 2000);
        x1000 = random(rng, BATCH * 1000);
        w1000x2000 = random(rng, 1000 * 2000);
        w500x1000 = random(rng, 500 * 1000);
        dy1000 = random(rng, BATCH * 1000);
        out = new float[1000 * 2000];
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Floating-point operations done, in units of 1e9, reported as a rate: GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflops;

        @Setup(Level.Iteration)
        public void clear() {
            gflops = 0;
        }

        void add(int m, int k, int n) {
            gflops += 2.0 * m * k * n * 1e-9;
        }
    }

    /** 256×2000 · (1000×2000)ᵀ: the first encoder layer. */
    @Benchmark
    public float forward2000to1000(Flops flops) {
        implementation.gemmTransB(x2000, w1000x2000, out, BATCH, 2000, 1000, false, 0, BATCH);
        flops.add(BATCH, 2000, 1000);
        return out[0];
    }

    /** 256×1000 · (500×1000)ᵀ: the second encoder layer. */
    @Benchmark
    public float forward1000to500(Flops flops) {
        implementation.gemmTransB(x1000, w500x1000, out, BATCH, 1000, 500, false, 0, BATCH);
        flops.add(BATCH, 1000, 500);
        return out[0];
    }

    /** (256×1000)ᵀ · 256×2000: the first layer's weight gradient, 1000×2000. */
    @Benchmark
    public float weightGradient1000x2000(Flops flops) {
        implementation.gemmTransA(dy1000, x2000, out, 1000, BATCH, 2000, false, 0, 1000);
        flops.add(1000, BATCH, 2000);
        return out[0];
    }

    /** 256×1000 · 1000×2000: the gradient with respect to the first layer's input. */
    @Benchmark
    public float inputGradient1000to2000(Flops flops) {
        implementation.gemm(dy1000, w1000x2000, out, BATCH, 1000, 2000, false, 0, BATCH);
        flops.add(BATCH, 1000, 2000);
        return out[0];
    }
}
