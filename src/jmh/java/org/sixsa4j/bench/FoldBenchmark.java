package org.sixsa4j.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sixsa4j.spectrum.TransferOperator;

/** Folding a batch of photon spectra through a transfer operator: the kernel alone. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FoldBenchmark {
    @Param({"ccd"})
    public String instrument;

    @Param({"1", "1024"})
    public int batch;

    @Param({"vector", "scalar"})
    public String kernels;

    private TransferOperator operator;
    private double[] flux;
    private double[] counts;

    @Setup
    public void setUp() {
        // Each parameter set runs in its own JVM, so the kernel choice is made before first use.
        System.setProperty("sixsa4j.kernels", kernels);
        operator = BenchmarkInstruments.operator(instrument);
        int ne = operator.energyGrid().size();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        flux = new double[batch * ne];
        for (int i = 0; i < flux.length; i++) {
            flux[i] = 1e-4 * rng.nextDouble();
        }
        counts = new double[batch * operator.bins()];
    }

    /** Returns spectra folded per call; divide throughput by nothing: ops/s × batch = spectra/s. */
    @Benchmark
    public double[] fold() {
        operator.fold(flux, 0, operator.energyGrid().size(), counts, 0, operator.bins(), batch);
        return counts;
    }
}
