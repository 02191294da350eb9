package org.sixsa4j.sample.nested;

import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.simulate.ParallelBatches;

/**
 * The N live points of a nested-sampling run: unit-cube coordinates, parameters and
 * log-likelihoods, one slot each. Slots are overwritten in place when a point dies; nothing else
 * is moved, so slot numbers stay valid for the region and the walks.
 */
final class LivePoints {
    private final double[][] u;
    private final double[][] theta;
    private final double[] logL;

    private LivePoints(int n, int d) {
        this.u = new double[n][d];
        this.theta = new double[n][d];
        this.logL = new double[n];
    }

    /** {@code n} independent prior draws, evaluated in parallel; point i uses stream i. */
    static LivePoints fromPrior(CubeLikelihood target, int n, Streams streams, Executor executor, int parallelism) {
        LivePoints live = new LivePoints(n, target.dimension());
        ParallelBatches.forEachIndex(n, parallelism, executor, i -> {
            UniformRandomProvider rng = streams.initial(i);
            for (int a = 0; a < live.u[i].length; a++) {
                live.u[i][a] = openUnit(rng);
            }
            live.logL[i] = target.logL(live.u[i], live.theta[i]);
        });
        return live;
    }

    /** A uniform draw from (0, 1): the quantile of an unbounded prior is infinite at 0. */
    private static double openUnit(UniformRandomProvider rng) {
        double v;
        do {
            v = rng.nextDouble();
        } while (v == 0);
        return v;
    }

    int size() {
        return logL.length;
    }

    /** The unit-cube points, by slot (shared, not copied: read, do not modify). */
    double[][] unitPoints() {
        return u;
    }

    double[] u(int slot) {
        return u[slot];
    }

    double[] theta(int slot) {
        return theta[slot];
    }

    double logL(int slot) {
        return logL[slot];
    }

    /** Copies a new point into {@code slot}. */
    void set(int slot, double[] newU, double[] newTheta, double newLogL) {
        System.arraycopy(newU, 0, u[slot], 0, newU.length);
        System.arraycopy(newTheta, 0, theta[slot], 0, newTheta.length);
        logL[slot] = newLogL;
    }

    double minLogL() {
        double min = Double.POSITIVE_INFINITY;
        for (double l : logL) {
            min = Math.min(min, l);
        }
        return min;
    }

    double maxLogL() {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logL) {
            max = Math.max(max, l);
        }
        return max;
    }

    /** Writes to {@code slots} the slots whose log-likelihood equals {@code value}; returns their count. */
    int slotsAt(double value, int[] slots) {
        int count = 0;
        for (int i = 0; i < logL.length; i++) {
            if (logL[i] == value) {
                slots[count++] = i;
            }
        }
        return count;
    }

    /** The slots ordered by increasing log-likelihood (ties by slot). */
    int[] slotsByLogL() {
        return IntStream.range(0, logL.length).boxed()
                .sorted((a, b) -> logL[a] != logL[b] ? Double.compare(logL[a], logL[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }
}
