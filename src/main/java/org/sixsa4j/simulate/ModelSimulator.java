package org.sixsa4j.simulate;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelEvaluator;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterMap;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.TransferOperator;

/**
 * Simulated spectra of a spectral model for a joint list of observations: for each vector of
 * free parameters, the full parameter vector (frozen values and links filled in), the model's
 * photon spectrum on each observation's energy grid, then the fold and the Poisson draws of
 * {@link Simulator}. Observation k of the list is observation k + 1 of the model.
 *
 * <p>Simulation {@code s} of a batch uses random stream {@code firstIndex + s} only, so results
 * do not depend on the batch size or the thread count. Each thread works with its own model
 * evaluators and buffers, taken from a pool, so evaluation allocates nothing once the pool is
 * warm. Thread-safe.
 */
public final class ModelSimulator {
    /** Spectra per task: the fold kernel takes four at a time. */
    private static final int CHUNK = 16;

    private final Model model;
    private final List<Observation> observations;
    private final ModelSettings settings;
    private final Simulator simulator;
    private final ParameterMap parameterMap;
    private final int threads;
    private final ConcurrentLinkedQueue<Worker> pool = new ConcurrentLinkedQueue<>();

    /** One thread's evaluators and buffers. */
    private final class Worker {
        final ModelEvaluator[] evaluators = new ModelEvaluator[observations.size()];
        final double[][] flux = new double[observations.size()][];
        final double[] full = new double[parameterMap.fullCount()];

        Worker() {
            for (int o = 0; o < evaluators.length; o++) {
                EnergyGrid grid = simulator.energyGrid(o);
                evaluators[o] = model.evaluator(grid.lows(), grid.highs(), settings);
                flux[o] = new double[CHUNK * grid.size()];
            }
        }

        /** Fills the flux rows of spectra [first, first + n) of a batch of free parameter vectors. */
        void fill(double[] free, int first, int n) {
            int freeCount = parameterMap.freeCount();
            for (int s = 0; s < n; s++) {
                fillRow(free, (first + s) * freeCount, s);
            }
        }

        /** Fills flux row {@code row} from the free parameter vector at {@code free[freeOffset ..]}. */
        void fillRow(double[] free, int freeOffset, int row) {
            parameterMap.expand(free, freeOffset, full, 0);
            for (int o = 0; o < evaluators.length; o++) {
                evaluators[o].evaluate(full, model.parameterOffset(o + 1), flux[o], row * evaluators[o].bins());
            }
        }
    }

    private ModelSimulator(Model model, List<Observation> observations, ModelSettings settings, Simulator simulator, int threads) {
        this.model = model;
        this.observations = List.copyOf(observations);
        this.settings = settings;
        this.simulator = simulator;
        this.parameterMap = model.parameterMap();
        this.threads = threads;
    }

    /**
     * A simulator of {@code model} through each observation, without their backgrounds: the
     * expected source counts that W-stat profiles the background against.
     */
    public static ModelSimulator sourceOnly(Model model, List<Observation> observations, ModelSettings settings) {
        checkObservations(model, observations);
        List<TransferOperator> operators = new java.util.ArrayList<>();
        for (Observation o : observations) {
            operators.add(TransferOperator.of(o));
        }
        return new ModelSimulator(model, observations, settings, Simulator.ofOperators(operators), 1);
    }

    /**
     * A simulator of {@code model} through each observation (with its observed background, if
     * any), on one thread.
     *
     * @throws IllegalArgumentException if the model is not set up for as many observations
     */
    public static ModelSimulator of(Model model, List<Observation> observations, ModelSettings settings) {
        checkObservations(model, observations);
        return new ModelSimulator(model, observations, settings, Simulator.of(observations), 1);
    }

    private static void checkObservations(Model model, List<Observation> observations) {
        if (model.observations() != observations.size()) {
            throw new IllegalArgumentException("the model covers " + model.observations() + " observation(s) but "
                    + observations.size() + " are given; use Model.forObservations(" + observations.size() + ")");
        }
    }

    /** The same simulator on {@code threads} threads; results do not change. */
    public ModelSimulator withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ModelSimulator(model, observations, settings, simulator, threads);
    }

    /** The model. */
    public Model model() {
        return model;
    }

    /** How free parameter vectors map to full ones; its {@code freeNames()} give their order. */
    public ParameterMap parameterMap() {
        return parameterMap;
    }

    /** Length of one simulated spectrum: the bins of all observations. */
    public int totalBins() {
        return simulator.totalBins();
    }

    /** The fold and draw stage underneath. */
    public Simulator simulator() {
        return simulator;
    }

    /**
     * Simulated counts for {@code batch} free parameter vectors, {@code free[s * freeCount ..]},
     * written to {@code counts[s * totalBins() ..]}; spectrum {@code s} uses stream {@code firstIndex + s}.
     */
    public void simulate(double[] free, int batch, RandomStreams streams, long firstIndex, double[] counts) {
        check(free, batch, counts);
        run(batch, (worker, first, n) -> {
            worker.fill(free, first, n);
            simulator.simulateOnThisThread(worker.flux, null, n, streams, firstIndex + first, counts, first * totalBins());
        });
    }

    /** Expected counts (no draws) for {@code batch} free parameter vectors, in the layout of {@link #simulate}. */
    public void expectedCounts(double[] free, int batch, double[] expected) {
        check(free, batch, expected);
        run(batch, (worker, first, n) -> {
            worker.fill(free, first, n);
            simulator.expectedCountsOnThisThread(worker.flux, null, n, expected, first * totalBins());
        });
    }

    /**
     * Expected counts for the free parameter vector at {@code free[freeOffset ..]}, written to
     * {@code out[outOffset .. outOffset + totalBins() - 1]}, on the calling thread and without
     * allocating once warm: what a likelihood evaluation needs. Thread-safe.
     */
    public void expectedCounts(double[] free, int freeOffset, double[] out, int outOffset) {
        Worker w = pool.poll();
        if (w == null) {
            w = new Worker();
        }
        try {
            w.fillRow(free, freeOffset, 0);
            simulator.expectedCountsOnThisThread(w.flux, null, 1, out, outOffset);
        } finally {
            pool.offer(w);
        }
    }

    /** The photon spectrum of observation {@code o} (from 0) for one free parameter vector, on {@code simulator().energyGrid(o)}. */
    public double[] photonFlux(double[] free, int o) {
        Worker w = new Worker();
        w.fill(free, 0, 1);
        return java.util.Arrays.copyOf(w.flux[o], w.evaluators[o].bins());
    }

    private interface ChunkTask {
        void run(Worker worker, int first, int n);
    }

    private void run(int batch, ChunkTask task) {
        int chunks = (batch + CHUNK - 1) / CHUNK;
        ParallelBatches.forEachIndex(chunks, Math.min(threads, Math.max(1, chunks)), chunk -> {
            Worker w = pool.poll();
            if (w == null) {
                w = new Worker();
            }
            try {
                int first = chunk * CHUNK;
                task.run(w, first, Math.min(CHUNK, batch - first));
            } finally {
                pool.offer(w);
            }
        });
    }

    private void check(double[] free, int batch, double[] out) {
        long need = (long) batch * parameterMap.freeCount();
        if (free.length < need) {
            throw new IllegalArgumentException("free parameters hold " + free.length + " values, " + need + " needed for "
                    + batch + " vectors of " + parameterMap.freeNames());
        }
        if (out.length < (long) batch * totalBins()) {
            throw new IllegalArgumentException("output holds " + out.length + " values, " + (long) batch * totalBins() + " needed");
        }
    }
}
