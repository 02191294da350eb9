package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelParameter;
import org.sixsa4j.model.ParameterInfo;

/**
 * A prior on a vector of named parameters: the product of independent one-parameter priors,
 * in the order of a model's free parameters. It gives the log-density, draws, the support, and
 * the unit-cube transform θ_i = F_i⁻¹(u_i). Immutable.
 */
public final class JointPrior implements ParameterDistribution {
    private final List<String> names;
    private final Prior[] priors;

    private JointPrior(List<String> names, Prior[] priors) {
        this.names = List.copyOf(names);
        this.priors = priors.clone();
    }

    /** A product prior over {@code names}, in that order. */
    public static JointPrior of(List<String> names, List<Prior> priors) {
        if (names.size() != priors.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + priors.size() + " priors");
        }
        return new JointPrior(names, priors.toArray(new Prior[0]));
    }

    /**
     * The prior on a model's free parameters, from priors given by parameter name.
     *
     * @param byName priors keyed by parameter name as the model accepts it ({@code tbabs.nH});
     *     every free parameter needs one, and no other name may appear
     * @throws InvalidInputException naming the parameter: an unknown or non-free name, a missing
     *     prior, or a prior whose support leaves the parameter's hard limits
     */
    public static JointPrior forModel(Model model, Map<String, Prior> byName) {
        Map<Integer, Prior> byIndex = new LinkedHashMap<>();
        for (Map.Entry<String, Prior> e : byName.entrySet()) {
            int index;
            try {
                index = model.index(e.getKey());
            } catch (IllegalArgumentException x) {
                throw new InvalidInputException("prior for '" + e.getKey() + "': " + x.getMessage());
            }
            ModelParameter p = model.parameters().get(index);
            if (!p.isFree()) {
                throw new InvalidInputException("prior for " + p.name() + ": the parameter is " + (p.isFrozen() ? "frozen" : "linked to " + p.link())
                        + "; only free parameters take priors");
            }
            ParameterInfo info = p.info();
            Prior prior = e.getValue();
            if (prior.lower() < info.hardMin() || prior.upper() > info.hardMax()) {
                throw new InvalidInputException("prior for " + p.name() + ": " + prior.describe() + " reaches outside the parameter's limits ["
                        + info.hardMin() + ", " + info.hardMax() + "]");
            }
            if (byIndex.put(index, prior) != null) {
                throw new InvalidInputException("prior for " + p.name() + " is given twice");
            }
        }
        List<String> names = new ArrayList<>();
        List<Prior> priors = new ArrayList<>();
        for (int i = 0; i < model.parameters().size(); i++) {
            ModelParameter p = model.parameters().get(i);
            if (!p.isFree()) {
                continue;
            }
            Prior prior = byIndex.get(i);
            if (prior == null) {
                throw new InvalidInputException("prior for " + p.name() + " is missing: every free parameter needs one (or freeze it)");
            }
            names.add(p.name());
            priors.add(prior);
        }
        return of(names, priors);
    }

    /** Number of parameters. */
    @Override
    public int dimension() {
        return priors.length;
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return names;
    }

    /** The prior on parameter {@code i}. */
    public Prior prior(int i) {
        return priors[i];
    }

    /** Σ log p_i(θ_i); −∞ outside the support. */
    @Override
    public double logDensity(double[] theta) {
        double sum = 0;
        for (int i = 0; i < priors.length; i++) {
            sum += priors[i].logDensity(theta[i]);
        }
        return sum;
    }

    /** Whether every component of {@code theta} lies in its prior's support. */
    public boolean inSupport(double[] theta) {
        for (int i = 0; i < priors.length; i++) {
            if (!priors[i].inSupport(theta[i])) {
                return false;
            }
        }
        return true;
    }

    /** A draw, written to {@code out[offset .. offset + dimension() - 1]}. */
    public void sample(UniformRandomProvider rng, double[] out, int offset) {
        for (int i = 0; i < priors.length; i++) {
            out[offset + i] = priors[i].sample(rng);
        }
    }

    /** A draw as a new array. */
    public double[] sample(UniformRandomProvider rng) {
        double[] out = new double[priors.length];
        sample(rng, out, 0);
        return out;
    }

    @Override
    public double[][] sample(int n, UniformRandomProvider rng) {
        double[][] draws = new double[n][];
        for (int i = 0; i < n; i++) {
            draws[i] = sample(rng);
        }
        return draws;
    }

    /**
     * The prior mass of the box [lo, hi]: the product of each parameter's mass in its interval,
     * since the parameters are independent.
     */
    public double mass(double[] lo, double[] hi) {
        double m = 1;
        for (int i = 0; i < priors.length; i++) {
            m *= Math.max(0, priors[i].cdf(hi[i]) - priors[i].cdf(lo[i]));
        }
        return m;
    }

    /**
     * {@code n} draws of the prior restricted to the box [lo, hi], exactly: each coordinate by
     * inversion of its cumulative distribution between F(lo) and F(hi).
     */
    public double[][] sampleWithin(double[] lo, double[] hi, int n, UniformRandomProvider rng) {
        double[] from = new double[priors.length];
        double[] width = new double[priors.length];
        for (int i = 0; i < priors.length; i++) {
            from[i] = priors[i].cdf(lo[i]);
            width[i] = Math.max(0, priors[i].cdf(hi[i]) - from[i]);
        }
        double[][] draws = new double[n][priors.length];
        for (double[] row : draws) {
            for (int i = 0; i < priors.length; i++) {
                row[i] = Math.min(hi[i], Math.max(lo[i], priors[i].quantile(from[i] + width[i] * rng.nextDouble())));
            }
        }
        return draws;
    }

    /** The unit-cube transform: θ_i = F_i⁻¹(u_i). */
    public void fromUnitCube(double[] u, double[] theta) {
        for (int i = 0; i < priors.length; i++) {
            theta[i] = priors[i].quantile(u[i]);
        }
    }

    /** The priors as a configuration would write them, by name. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < priors.length; i++) {
            m.put(names.get(i), priors[i].describe());
        }
        return m;
    }
}
