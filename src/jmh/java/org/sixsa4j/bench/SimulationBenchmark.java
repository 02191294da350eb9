package org.sixsa4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.sixsa4j.model.components.Powerlaw;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.simulate.Simulator;
import org.sixsa4j.spectrum.EnergyGrid;

/**
 * Simulated spectra per second: fold plus Poisson draws from precomputed photon fluxes
 * ({@code foldAndDraw}), and the whole simulation including a power law evaluated for each
 * spectrum ({@code powerLawFoldAndDraw}). Scores are per invocation of {@code batch} spectra;
 * multiply ops/s by the batch for spectra per second (docs/benchmarks.md does). Run with
 * {@code -t 1} and {@code -t 2} for one and two threads; each thread simulates its own batches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class SimulationBenchmark {
    /** Hands each benchmark thread its own block of simulation indices. */
    private static final AtomicLong NEXT_BLOCK = new AtomicLong();

    @Param({"pn", "xifu", "ccd"})
    public String instrument;

    @Param({"1", "1024"})
    public int batch;

    @Param({"vector", "scalar"})
    public String kernels;

    private Simulator simulator;
    private Powerlaw.Evaluator powerLaw;
    private double[][] flux;
    private double[] counts;
    private double[] photonIndex;
    private double[] norm;
    private RandomStreams streams;
    private long next;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        // Each parameter set runs in its own JVM, so the kernel choice is made before first use.
        System.setProperty("sixsa4j.kernels", kernels);
        simulator = Simulator.of(BenchmarkInstruments.observation(instrument));
        EnergyGrid grid = simulator.energyGrid(0);
        powerLaw = Powerlaw.INSTANCE.bind(grid.lows(), grid.highs(), null);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        photonIndex = new double[batch];
        norm = new double[batch];
        flux = new double[][] {new double[batch * grid.size()]};
        for (int s = 0; s < batch; s++) {
            photonIndex[s] = 1 + 2 * rng.nextDouble();
            norm[s] = Math.pow(10, -3.5 + rng.nextDouble());
            powerLaw.integrate(photonIndex[s], norm[s], flux[0], s * grid.size());
        }
        counts = new double[batch * simulator.totalBins()];
        streams = RandomStreams.of(2026);
        next = NEXT_BLOCK.getAndIncrement() << 40;
    }

    @Benchmark
    public double[] foldAndDraw() {
        simulator.simulate(flux, null, batch, streams, next, counts);
        next += batch;
        return counts;
    }

    @Benchmark
    public double[] powerLawFoldAndDraw() {
        int energies = simulator.energyGrid(0).size();
        for (int s = 0; s < batch; s++) {
            powerLaw.integrate(photonIndex[s], norm[s], flux[0], s * energies);
        }
        simulator.simulate(flux, null, batch, streams, next, counts);
        next += batch;
        return counts;
    }
}
