package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.flow.MaskedAutoregressiveFlow;
import org.sixsa4j.nn.Parameter;
import org.sixsa4j.nn.optim.Adam;

/**
 * The posterior p(θ | x) ≈ q(θ | x) of a trained flow, restricted to the prior's support. A flow
 * puts some mass where the prior has none ("leakage"); its samples there are rejected, and its
 * density is divided by the accepted fraction so that it stays normalised, as sbi's
 * {@code DirectPosterior} does (its {@code leakage_correction}, from 10⁴ draws).
 */
public final class NeuralPosterior {
    /** Flow draws that estimate the accepted fraction at one observation. */
    static final int LEAKAGE_DRAWS = 10_000;
    /** Below this accepted fraction sampling gives up: the flow has left the prior. */
    private static final double MIN_ACCEPTANCE = 1e-6;
    private static final int MAP_STARTS = 100;
    private static final int MAP_CANDIDATES = 1_000;
    private static final int MAP_STEPS = 500;
    private static final double MAP_LEARNING_RATE = 0.01;

    private final MaskedAutoregressiveFlow flow;
    private final ParameterDistribution prior;
    private final long seed;

    private NeuralPosterior(MaskedAutoregressiveFlow flow, ParameterDistribution prior, long seed) {
        this.flow = flow;
        this.prior = prior;
        this.seed = seed;
    }

    /**
     * The posterior of a trained flow under {@code prior}, for a flow read back from a file
     * ({@link org.sixsa4j.flow.FlowFiles}) and used with the prior of the analysis.
     *
     * @param seed fixes the stream of the leakage estimate, so repeated calls agree
     */
    public static NeuralPosterior of(MaskedAutoregressiveFlow flow, ParameterDistribution prior, long seed) {
        if (flow.features() != prior.dimension()) {
            throw new IllegalArgumentException("the flow models " + flow.features() + " parameters but the prior has " + prior.dimension());
        }
        return new NeuralPosterior(flow, prior, seed);
    }

    /** The trained flow q(θ | x). */
    public MaskedAutoregressiveFlow flow() {
        return flow;
    }

    /** The prior whose support bounds the posterior. */
    public ParameterDistribution prior() {
        return prior;
    }

    /**
     * The share of q(θ | x) inside the prior's support, from {@value #LEAKAGE_DRAWS} draws of a
     * stream fixed by the estimator's seed, so that repeated calls agree.
     */
    public double acceptance(double[] x) {
        double[][] draws = flow.sample(LEAKAGE_DRAWS, x, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        int inside = 0;
        for (double logPrior : prior.logDensity(draws)) {
            if (logPrior > Double.NEGATIVE_INFINITY) {
                inside++;
            }
        }
        // With no draw inside, 1/(2N) stands in for 0 so that the correction stays finite.
        return Math.max(inside, 0.5) / LEAKAGE_DRAWS;
    }

    /**
     * {@code n} posterior draws at {@code x}: flow draws outside the prior's support are rejected.
     *
     * @throws IllegalStateException when fewer than one draw in 10⁶ falls inside the support
     */
    public double[][] sample(int n, double[] x, UniformRandomProvider rng) {
        double[][] out = new double[n][];
        int filled = 0;
        long drawn = 0;
        while (filled < n) {
            // Ask for what is missing, inflated by the acceptance seen so far.
            double seen = drawn == 0 ? 1 : Math.max(filled, 1) / (double) drawn;
            int batch = (int) Math.min(1_000_000, Math.max(1_000, Math.ceil(1.1 * (n - filled) / seen)));
            double[][] draws = flow.sample(batch, x, rng);
            double[] logPrior = prior.logDensity(draws);
            for (int i = 0; i < batch && filled < n; i++) {
                if (logPrior[i] > Double.NEGATIVE_INFINITY) {
                    out[filled++] = draws[i];
                }
            }
            drawn += batch;
            if (drawn >= 10_000_000 && filled < MIN_ACCEPTANCE * drawn) {
                throw new IllegalStateException("the posterior at this observation lies outside the prior: " + filled + " of "
                        + drawn + " flow draws fell inside its support; the observation may be unlike every simulation");
            }
        }
        return out;
    }

    /** log p(θ | x) for each row of {@code theta}: log q − log(acceptance) inside the support, −∞ outside. */
    public double[] logProb(double[][] theta, double[] x) {
        return logProb(theta, x, Math.log(acceptance(x)));
    }

    double[] logProb(double[][] theta, double[] x, double logAcceptance) {
        double[] logq = flow.logProb(theta, x);
        double[] logPrior = prior.logDensity(theta);
        for (int i = 0; i < theta.length; i++) {
            logq[i] = logPrior[i] > Double.NEGATIVE_INFINITY ? logq[i] - logAcceptance : Double.NEGATIVE_INFINITY;
        }
        return logq;
    }

    /**
     * The posterior at one observation as a distribution over θ, for use as a proposal: the
     * accepted fraction is estimated once.
     */
    public ParameterDistribution at(double[] x) {
        double[] observation = x.clone();
        double logAcceptance = Math.log(acceptance(observation));
        return new ParameterDistribution() {
            @Override
            public int dimension() {
                return prior.dimension();
            }

            @Override
            public double logDensity(double[] theta) {
                return logDensity(new double[][] {theta})[0];
            }

            @Override
            public double[] logDensity(double[][] theta) {
                return logProb(theta, observation, logAcceptance);
            }

            @Override
            public double[][] sample(int n, UniformRandomProvider rng) {
                return NeuralPosterior.this.sample(n, observation, rng);
            }
        };
    }

    /**
     * The maximum a posteriori θ at {@code x}, as sbi finds it: {@value #MAP_CANDIDATES}
     * posterior draws, the {@value #MAP_STARTS} most probable of them improved by
     * {@value #MAP_STEPS} Adam steps of gradient ascent on log q(θ | x) (in units of the
     * candidates' spread, so the step suits every parameter), and the most probable point that
     * stays inside the prior's support.
     */
    public double[] map(double[] x, UniformRandomProvider rng) {
        int d = prior.dimension();
        double[][] candidates = sample(MAP_CANDIDATES, x, rng);
        double[] logq = flow.logProb(candidates, x);
        Integer[] order = new Integer[candidates.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(logq[b], logq[a]));
        int starts = Math.min(MAP_STARTS, candidates.length);
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            double q = 0;
            for (double[] c : candidates) {
                s += c[j];
                q += c[j] * c[j];
            }
            mean[j] = s / candidates.length;
            double var = q / candidates.length - mean[j] * mean[j];
            sd[j] = var > 0 ? Math.sqrt(var) : 1;
        }
        FMatrixRMaj u = new FMatrixRMaj(starts, d);
        FMatrixRMaj meanRow = new FMatrixRMaj(1, d);
        FMatrixRMaj sdRow = new FMatrixRMaj(1, d);
        for (int j = 0; j < d; j++) {
            meanRow.data[j] = (float) mean[j];
            sdRow.data[j] = (float) sd[j];
            for (int s = 0; s < starts; s++) {
                u.set(s, j, (float) ((candidates[order[s]][j] - mean[j]) / sd[j]));
            }
        }
        Parameter point = Parameter.matrix("theta", u);
        Adam adam = Adam.builder(List.of(point)).learningRate(MAP_LEARNING_RATE).build();
        FMatrixRMaj context = new FMatrixRMaj(1, x.length);
        for (int j = 0; j < x.length; j++) {
            context.data[j] = (float) x[j];
        }
        double[] best = candidates[order[0]].clone();
        double bestLogq = logq[order[0]];
        flow.eval();
        try (Tape tape = Tape.create()) {
            for (int step = 0; step < MAP_STEPS; step++) {
                adam.zeroGrad();
                Tensor theta = tape.add(tape.mul(point.tensor(), tape.constant(sdRow)), tape.constant(meanRow));
                Tensor logProb = flow.logProb(tape, theta, tape.constant(context));
                tape.backward(tape.mulScalar(tape.sum(logProb), -1));
                adam.step();
                tape.reset();
            }
        }
        // The flow's own parameters gathered gradients too; they are not trained here.
        flow.parameters().forEach(p -> p.tensor().zeroGrad());
        double[][] moved = new double[starts][d];
        for (int s = 0; s < starts; s++) {
            for (int j = 0; j < d; j++) {
                moved[s][j] = mean[j] + sd[j] * u.get(s, j);
            }
        }
        double[] movedLogPrior = prior.logDensity(moved);
        List<double[]> finals = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            if (movedLogPrior[s] > Double.NEGATIVE_INFINITY) {
                finals.add(moved[s]);
            }
        }
        double[] finalLogq = flow.logProb(finals.toArray(new double[0][]), x);
        for (int s = 0; s < finals.size(); s++) {
            if (finalLogq[s] > bestLogq) {
                bestLogq = finalLogq[s];
                best = finals.get(s);
            }
        }
        return best;
    }
}
