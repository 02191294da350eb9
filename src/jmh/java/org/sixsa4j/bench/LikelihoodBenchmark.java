package org.sixsa4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.sbi.FitStatistic;
import org.sixsa4j.sbi.SpectralLikelihood;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;

/**
 * One exact likelihood evaluation of the NGC 7793 ULX-4 EPIC-pn spectrum (grp20, 0.5–10 keV,
 * W-stat with its background, {@code tbabs*(bbodyrad+powerlaw)}, abund wilm), what every step of
 * the fit, the MCMC and nested sampling pays: the ceiling of their evaluations per second. Run with
 * {@code -t 1} and {@code -t 2}: the likelihood is shared, as the samplers share it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class LikelihoodBenchmark {
    private static final int DRAWS = 1024;

    private SpectralLikelihood likelihood;
    private double[][] theta;

    @Setup
    public void setUp() {
        Observation pn = ObservationLoader.of(BenchmarkInstruments.DATA.resolve("xmm-pn-ngc7793/PN_spectrum_grp20.fits"))
                .load().noticeOnly(0.5, 10);
        Model model = Model.parse(ModelBenchmark.EXPRESSION);
        ModelSettings settings = ModelSettings.xspecDefaults().withAbundances(AbundanceTable.of("wilm"));
        likelihood = SpectralLikelihood.of(model, List.of(pn), settings, FitStatistic.CSTAT);
        double[] draws = ModelBenchmark.priorDraws(model.parameterMap(), DRAWS, 5L);
        theta = new double[DRAWS][];
        for (int i = 0; i < DRAWS; i++) {
            theta[i] = Arrays.copyOfRange(draws, 5 * i, 5 * i + 5);
        }
    }

    /** The draw each thread evaluates next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public double logLikelihood(Cursor cursor) {
        cursor.next = (cursor.next + 1) % DRAWS;
        return likelihood.value(theta[cursor.next]);
    }
}
