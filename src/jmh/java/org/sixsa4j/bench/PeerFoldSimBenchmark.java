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
import org.sixsa4j.model.components.Powerlaw;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.simulate.Simulator;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.TransferOperator;

/**
 * The workload of the Python peer {@code ../shared/peer/fold_sim.py}, in Java, for a side by
 * side comparison: draw five parameters from the peer's prior, evaluate
 * (powerlaw + bbodyrad) × exp(−nH 2.4 E^(−8/3)) on the EPIC-pn energy grid (the absorption is
 * the peer's stand-in for tbabs), fold through the full 4096-channel response and draw Poisson
 * counts. The definitions follow the peer's README, section "fold_sim.py".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class PeerFoldSimBenchmark {
    /** bbodyrad: K × 1.0344e-3 E² dE / expm1(E/kT), with K = R²_km / D²_10kpc (XSPEC's constant). */
    private static final double BBODYRAD = 1.0344e-3;

    @Param({"1", "1000"})
    public int batch;

    @Param({"vector", "scalar"})
    public String kernels;

    private Simulator simulator;
    private Powerlaw.Evaluator powerLaw;
    private double[] centre;
    private double[] centreSquaredWidth;
    private double[] absorptionShape;
    private double[][] flux;
    private double[] counts;
    private UniformRandomProvider prior;
    private RandomStreams streams;
    private long next;

    @Setup
    public void setUp() {
        System.setProperty("sixsa4j.kernels", kernels);
        TransferOperator op = BenchmarkInstruments.fullPnOperator();
        simulator = Simulator.ofOperators(java.util.List.of(op));
        EnergyGrid grid = simulator.energyGrid(0);
        int n = grid.size();
        powerLaw = Powerlaw.INSTANCE.bind(grid.lows(), grid.highs(), null);
        centre = new double[n];
        centreSquaredWidth = new double[n];
        absorptionShape = new double[n];
        for (int e = 0; e < n; e++) {
            centre[e] = grid.centre(e);
            centreSquaredWidth[e] = BBODYRAD * centre[e] * centre[e] * grid.width(e);
            absorptionShape[e] = -2.4 * Math.pow(centre[e], -8.0 / 3.0);
        }
        flux = new double[][] {new double[batch * n]};
        counts = new double[batch * simulator.totalBins()];
        prior = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        streams = RandomStreams.of(5);
    }

    @Benchmark
    public double[] priorModelFoldAndDraw() {
        int n = centre.length;
        double[] f = flux[0];
        for (int s = 0; s < batch; s++) {
            double nH = Math.pow(10, -2 + 2 * prior.nextDouble());
            double gamma = 1 + 2 * prior.nextDouble();
            double norm = Math.pow(10, -5 + 2 * prior.nextDouble());
            double kT = 0.1 + 1.9 * prior.nextDouble();
            double k = Math.pow(10, -2 + 3 * prior.nextDouble());
            int row = s * n;
            powerLaw.integrate(gamma, norm, f, row);
            for (int e = 0; e < n; e++) {
                double bb = k * centreSquaredWidth[e] / Math.expm1(centre[e] / kT);
                f[row + e] = (f[row + e] + bb) * Math.exp(nH * absorptionShape[e]);
            }
        }
        simulator.simulate(flux, null, batch, streams, next, counts);
        next += batch;
        return counts;
    }
}
