package org.sixsa4j.bench;

import java.util.List;
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
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelEvaluator;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterMap;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.spectrum.Observation;

/**
 * {@code tbabs*(bbodyrad+powerlaw)}, the model of the NGC 7793 ULX-4 analysis, with parameters
 * drawn from that analysis' priors (nH U[0, 0.5], kT U[0.05, 2], bbodyrad norm log-U[1e-2, 1],
 * PhoIndex U[0, 5], powerlaw norm log-U[1e-5, 1e-2]):
 * <ul>
 *   <li>{@code evaluate}: the model alone on the 2067 input energies of the EPIC-pn response, for a
 *       batch of 1024 parameter vectors (µs per vector = 1e6 / (ops/s × 1024));</li>
 *   <li>{@code simulate}: the whole simulation of the EPIC-pn spectrum (grp20, 0.5–10 keV): the
 *       model on the 1490 energies that reach the noticed bins, the fold and the Poisson draws,
 *       1024 spectra per operation on {@code threads} threads.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class ModelBenchmark {
    static final String EXPRESSION = "tbabs*(bbodyrad+powerlaw)";
    static final int BATCH = 1024;

    @Param({"vector", "scalar"})
    public String kernels;

    @Param({"1", "2"})
    public int threads;

    private ModelEvaluator evaluator;
    private ParameterMap map;
    private double[] free;
    private double[] full;
    private double[] flux;
    private ModelSimulator simulator;
    private double[] counts;
    private RandomStreams streams;
    private long next;

    @Setup
    public void setUp() {
        System.setProperty("sixsa4j.kernels", kernels);
        Model model = Model.parse(EXPRESSION);
        map = model.parameterMap();
        free = priorDraws(map, BATCH, 7L);
        var rmf = RmfFile.read(BenchmarkInstruments.DATA.resolve("xmm-pn-ngc7793/PN.rmf"));
        evaluator = model.evaluator(rmf.energyLow(), rmf.energyHigh(), ModelSettings.xspecDefaults());
        full = new double[map.fullCount()];
        flux = new double[evaluator.bins()];
        Observation pn = BenchmarkInstruments.observation("pn");
        simulator = ModelSimulator.of(model, List.of(pn), ModelSettings.xspecDefaults()).withThreads(threads);
        counts = new double[BATCH * simulator.totalBins()];
        streams = RandomStreams.of(11);
    }

    /** Free parameter vectors (nH, kT, K_bb, PhoIndex, K_pl) from the ULX-4 priors. */
    static double[] priorDraws(ParameterMap map, int n, long seed) {
        if (!map.freeNames().equals(List.of("tbabs.nH", "bbodyrad.kT", "bbodyrad.norm", "powerlaw.PhoIndex", "powerlaw.norm"))) {
            throw new IllegalStateException("unexpected free parameters " + map.freeNames());
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] v = new double[n * 5];
        for (int s = 0; s < n; s++) {
            v[5 * s] = 0.5 * rng.nextDouble();
            v[5 * s + 1] = 0.05 + 1.95 * rng.nextDouble();
            v[5 * s + 2] = Math.pow(10, -2 + 2 * rng.nextDouble());
            v[5 * s + 3] = 5 * rng.nextDouble();
            v[5 * s + 4] = Math.pow(10, -5 + 3 * rng.nextDouble());
        }
        return v;
    }

    /** One batch of model evaluations on the full 2067-energy grid (threads is ignored here: run with -p threads=1). */
    @Benchmark
    public double[] evaluate() {
        for (int s = 0; s < BATCH; s++) {
            map.expand(free, 5 * s, full, 0);
            evaluator.evaluate(full, 0, flux, 0);
        }
        return flux;
    }

    /** One batch of whole simulations of the EPIC-pn spectrum. */
    @Benchmark
    public double[] simulate() {
        simulator.simulate(free, BATCH, streams, next, counts);
        next += BATCH;
        return counts;
    }
}
