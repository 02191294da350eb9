package org.sixsa4j.simulate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.TransferOperator;

/**
 * Simulates observed spectra, XSPEC's {@code fakeit}, for a joint list of observations: expected
 * counts from photon fluxes folded through each observation's transfer operator, plus the
 * background, then Poisson draws.
 *
 * <p>Layouts. Simulation {@code s} of a batch reads the photon flux of observation {@code o}
 * from {@code flux[o][s * energies(o) ..]}, on {@link #energyGrid(int)}, and writes its counts to
 * {@code counts[s * totalBins() ..]}: the bins of observation 0, then those of observation 1, and
 * so on.
 *
 * <p>Background, per observation:
 * <ul>
 *   <li>none;</li>
 *   <li>the observed background spectrum: the source region receives r_b B_b expected counts
 *       from the background, with B_b the background counts and r_b the backscale ratio of the
 *       bin ({@link Observation#scaledBackgroundCounts()}); the total is drawn as one Poisson
 *       variate of mean μ_b + r_b B_b, which has the law of a Poisson source plus an independent
 *       Poisson background;</li>
 *   <li>a background model folded through the background's own response: its photon flux
 *       comes in {@code backgroundFlux[o]} and adds r_b times its folded counts.</li>
 * </ul>
 *
 * <p>Determinism: simulation {@code s} of a call draws only from
 * {@code streams.stream(firstIndex + s)}, observations in order, so its counts depend on the
 * run seed and its index and on nothing else, not on the batch size nor on the thread count.
 * Instances are immutable and thread-safe.
 */
public final class Simulator {
    /** Spectra folded together by one task: a multiple of the four the SIMD kernel takes at once. */
    private static final int CHUNK = 16;

    private final List<Part> parts;
    private final int totalBins;
    private final int threads;

    /** One observation's share of the simulation. */
    private static final class Part {
        final TransferOperator source;
        final double[] observedBackground;
        final TransferOperator backgroundModel;
        final double[] backgroundRatio;
        final int offset;

        Part(TransferOperator source, double[] observedBackground, TransferOperator backgroundModel,
             double[] backgroundRatio, int offset) {
            this.source = source;
            this.observedBackground = observedBackground;
            this.backgroundModel = backgroundModel;
            this.backgroundRatio = backgroundRatio;
            this.offset = offset;
        }
    }

    private Simulator(List<Part> parts, int threads) {
        this.parts = List.copyOf(parts);
        int n = 0;
        for (Part p : parts) {
            n += p.source.bins();
        }
        this.totalBins = n;
        this.threads = threads;
    }

    /**
     * A simulator for the noticed bins of each observation, adding each one's observed
     * background spectrum when it has one. Runs on one thread until {@link #withThreads(int)}.
     */
    public static Simulator of(List<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observation to simulate");
        }
        List<Part> parts = new ArrayList<>();
        int offset = 0;
        for (Observation o : observations) {
            TransferOperator op = TransferOperator.of(o);
            parts.add(new Part(op, o.scaledBackgroundCounts(), null, null, offset));
            offset += op.bins();
        }
        return new Simulator(parts, 1);
    }

    /** A simulator for one observation. */
    public static Simulator of(Observation observation) {
        return of(List.of(observation));
    }

    /** A simulator for bare transfer operators, without background. */
    public static Simulator ofOperators(List<TransferOperator> operators) {
        List<Part> parts = new ArrayList<>();
        int offset = 0;
        for (TransferOperator op : operators) {
            parts.add(new Part(op, null, null, null, offset));
            offset += op.bins();
        }
        return new Simulator(parts, 1);
    }

    /**
     * The same simulator with the background of observation {@code index} given by a model
     * folded through {@code background}'s own response, instead of its observed spectrum.
     *
     * @param background the background spectrum with its response, grouped and noticed like the
     *     source so that its bins are the source's
     */
    public Simulator withBackgroundModel(int index, Observation source, Observation background) {
        Part p = parts.get(index);
        TransferOperator op = TransferOperator.of(background);
        if (op.bins() != p.source.bins()) {
            throw new IllegalArgumentException("the background has " + op.bins() + " noticed bins but the source has "
                    + p.source.bins() + "; group and notice them alike");
        }
        // The ratio of each bin is the plain mean of its channels' ratios: exact whenever
        // BACKSCAL, EXPOSURE and AREASCAL are keywords, as they nearly always are.
        double[] channelRatio = Observation.of(source.spectrum(), source.response(), background.spectrum())
                .channelBackgroundRatio();
        double[] ratio = new double[op.bins()];
        for (int b = 0; b < ratio.length; b++) {
            int first = source.binFirstChannel(b);
            int end = source.binEndChannel(b);
            for (int c = first; c < end; c++) {
                ratio[b] += channelRatio[c];
            }
            ratio[b] /= end - first;
        }
        List<Part> copy = new ArrayList<>(parts);
        copy.set(index, new Part(p.source, null, op, ratio, p.offset));
        return new Simulator(copy, threads);
    }

    /** The same simulator running batches on {@code threads} threads; results do not change. */
    public Simulator withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new Simulator(parts, threads);
    }

    /** Number of observations. */
    public int observations() {
        return parts.size();
    }

    /** Number of bins of observation {@code o}. */
    public int bins(int o) {
        return parts.get(o).source.bins();
    }

    /** Number of bins of all observations together: the length of one simulated spectrum. */
    public int totalBins() {
        return totalBins;
    }

    /** The energy grid on which observation {@code o} takes its photon flux. */
    public EnergyGrid energyGrid(int o) {
        return parts.get(o).source.energyGrid();
    }

    /** The energy grid of observation {@code o}'s background model, or {@code null}. */
    public EnergyGrid backgroundEnergyGrid(int o) {
        TransferOperator op = parts.get(o).backgroundModel;
        return op == null ? null : op.energyGrid();
    }

    /**
     * Expected counts of a batch, source plus background, in the layout of the class comment.
     *
     * @param backgroundFlux background model fluxes per observation, or {@code null} (entries
     *     may be {@code null} for observations without a background model)
     */
    public void expectedCounts(double[][] flux, double[][] backgroundFlux, int batch, double[] expected) {
        checkSizes(flux, backgroundFlux, batch, expected, 0);
        expectedCounts(flux, backgroundFlux, 0, batch, expected, 0);
    }

    /**
     * Simulated counts of a batch: simulation {@code s} draws from stream
     * {@code firstIndex + s} of {@code streams}.
     *
     * @param counts written, {@code batch * totalBins()} values
     */
    public void simulate(double[][] flux, double[][] backgroundFlux, int batch, RandomStreams streams,
                         long firstIndex, double[] counts) {
        checkSizes(flux, backgroundFlux, batch, counts, 0);
        int chunks = (batch + CHUNK - 1) / CHUNK;
        ParallelBatches.forEachIndex(chunks, Math.min(threads, chunks), chunk -> {
            int first = chunk * CHUNK;
            foldAndDraw(flux, backgroundFlux, first, Math.min(CHUNK, batch - first), streams, firstIndex + first,
                    counts, first * totalBins);
        });
    }

    /**
     * Simulated counts of {@code n} spectra on the calling thread, for callers that run their own
     * parallel loop: spectrum {@code s} reads its fluxes at row {@code s} of {@code flux}, draws
     * from stream {@code firstIndex + s}, and writes its counts at
     * {@code counts[countsOffset + s * totalBins()]}.
     */
    public void simulateOnThisThread(double[][] flux, double[][] backgroundFlux, int n, RandomStreams streams,
                                     long firstIndex, double[] counts, int countsOffset) {
        checkSizes(flux, backgroundFlux, n, counts, countsOffset);
        foldAndDraw(flux, backgroundFlux, 0, n, streams, firstIndex, counts, countsOffset);
    }

    /**
     * Expected counts of {@code n} spectra on the calling thread: spectrum {@code s} reads its
     * fluxes at row {@code s} and writes to {@code out[outOffset + s * totalBins()]}.
     */
    public void expectedCountsOnThisThread(double[][] flux, double[][] backgroundFlux, int n, double[] out, int outOffset) {
        checkSizes(flux, backgroundFlux, n, out, outOffset);
        expectedCounts(flux, backgroundFlux, 0, n, out, outOffset);
    }

    /** Folds flux rows [first, first+n) into counts rows from {@code countsOffset}, then draws each row. */
    private void foldAndDraw(double[][] flux, double[][] backgroundFlux, int first, int n, RandomStreams streams,
                             long firstIndex, double[] counts, int countsOffset) {
        // Expected counts go straight into the output, then each row is replaced by its draw.
        expectedCounts(flux, backgroundFlux, first, n, counts, countsOffset);
        for (int s = 0; s < n; s++) {
            UniformRandomProvider rng = streams.stream(firstIndex + s);
            int row = countsOffset + s * totalBins;
            PoissonCounts.draw(counts, row, totalBins, rng, counts, row);
        }
    }

    /** Folds flux rows [first, first+n) into {@code out} rows from {@code outOffset}. */
    private void expectedCounts(double[][] flux, double[][] backgroundFlux, int first, int n, double[] out, int outOffset) {
        for (int o = 0; o < parts.size(); o++) {
            Part p = parts.get(o);
            int energies = p.source.energyGrid().size();
            p.source.fold(flux[o], first * energies, energies, out, outOffset + p.offset, totalBins, n);
            int bins = p.source.bins();
            if (p.observedBackground != null) {
                for (int s = 0; s < n; s++) {
                    int row = outOffset + s * totalBins + p.offset;
                    for (int b = 0; b < bins; b++) {
                        out[row + b] += p.observedBackground[b];
                    }
                }
            } else if (p.backgroundModel != null) {
                double[] scratch = new double[n * bins];
                int be = p.backgroundModel.energyGrid().size();
                p.backgroundModel.fold(backgroundFlux[o], first * be, be, scratch, 0, bins, n);
                for (int s = 0; s < n; s++) {
                    int row = outOffset + s * totalBins + p.offset;
                    for (int b = 0; b < bins; b++) {
                        out[row + b] += p.backgroundRatio[b] * scratch[s * bins + b];
                    }
                }
            }
        }
    }

    private void checkSizes(double[][] flux, double[][] backgroundFlux, int batch, double[] out, int outOffset) {
        if (flux.length != parts.size()) {
            throw new IllegalArgumentException("flux for " + flux.length + " observations, simulator has " + parts.size());
        }
        for (int o = 0; o < parts.size(); o++) {
            Part p = parts.get(o);
            long need = (long) batch * p.source.energyGrid().size();
            if (flux[o].length < need) {
                throw new IllegalArgumentException("flux of observation " + o + " holds " + flux[o].length + " values, " + need + " needed");
            }
            if (p.backgroundModel != null) {
                long bneed = (long) batch * p.backgroundModel.energyGrid().size();
                if (backgroundFlux == null || backgroundFlux[o] == null || backgroundFlux[o].length < bneed) {
                    throw new IllegalArgumentException("observation " + o + " has a background model: its flux needs " + bneed + " values");
                }
            }
        }
        if (out.length - (long) outOffset < (long) batch * totalBins) {
            throw new IllegalArgumentException("output holds " + (out.length - outOffset) + " values from its offset, " + (long) batch * totalBins + " needed");
        }
    }
}
