package org.sixsa4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sixsa4j.InvalidInputException;

/**
 * A spectral model: an XSPEC expression ({@link ModelExpression}) with values for its
 * parameters, which may be frozen or linked to other parameters, for one observation or for the
 * several observations of a joint analysis.
 *
 * <p>Parameters are addressed as {@code component.parameter}, case-insensitively:
 * {@code tbabs.nH}, {@code gaussian_2.Sigma}; the bare parameter name ({@code nH}) is enough
 * when only one component has it. In a joint model each observation has its own copy
 * of every parameter, addressed with {@code [k]} ({@code constant.factor[2]}); a name without it
 * means observation 1. As with XSPEC's data groups, the copies of observations 2..n start linked
 * to observation 1's; unlink those that differ, typically a cross-normalisation
 * ({@link #withCrossNormalisation()}).
 *
 * <p>The full parameter vector lists every parameter of observation 1 in component order, then
 * those of observation 2, and so on; {@link #parameterMap()} fills it from the free parameters.
 * Immutable: every {@code with}/{@code set}/{@code freeze}/{@code link} method returns a new model.
 */
public final class Model {
    private final ModelExpression expression;
    private final int observations;
    private final int perObservation;
    private final int[] componentOffset;
    private final List<ModelParameter> parameters;

    private Model(ModelExpression expression, int observations, List<ModelParameter> parameters) {
        this.expression = expression;
        this.observations = observations;
        this.parameters = List.copyOf(parameters);
        List<ComponentType> types = expression.components();
        this.componentOffset = new int[types.size() + 1];
        for (int c = 0; c < types.size(); c++) {
            componentOffset[c + 1] = componentOffset[c] + types.get(c).parameters().size();
        }
        this.perObservation = componentOffset[types.size()];
    }

    /**
     * A model from an XSPEC expression, every parameter at its default and frozen as XSPEC
     * freezes it by default.
     *
     * @throws InvalidInputException if the expression is not a valid model
     */
    public static Model parse(String expression) {
        ModelExpression e = ModelExpression.parse(expression);
        List<ModelParameter> params = new ArrayList<>();
        List<ComponentType> types = e.components();
        for (int c = 0; c < types.size(); c++) {
            String component = e.componentNames().get(c);
            for (ParameterInfo info : types.get(c).parameters()) {
                params.add(new ModelParameter(component + "." + info.name(), component, 1, info,
                        info.defaultValue(), info.frozenByDefault(), null));
            }
        }
        return new Model(e, 1, params);
    }

    /**
     * The same model for {@code n} observations: observation 1 keeps this model's parameters, and
     * each parameter of observations 2..n is linked to its observation-1 copy.
     */
    public Model forObservations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a model needs at least one observation, got " + n);
        }
        List<ModelParameter> params = new ArrayList<>(parameters.subList(0, perObservation));
        for (int k = 2; k <= n; k++) {
            for (int j = 0; j < perObservation; j++) {
                ModelParameter first = parameters.get(j);
                params.add(new ModelParameter(first.name() + "[" + k + "]", first.component(), k, first.info(),
                        first.value(), first.isFrozen(), first.name()));
            }
        }
        return new Model(expression, n, params);
    }

    /**
     * The usual cross-normalisation of a joint fit: the {@code constant} component's factor is
     * frozen at 1 for observation 1 and free, unlinked, for the others.
     *
     * @throws InvalidInputException if the model has no {@code constant} component
     */
    public Model withCrossNormalisation() {
        int c = -1;
        for (int k = expression.components().size() - 1; k >= 0; k--) {
            if (expression.components().get(k).name().equals("constant")) {
                c = k;
            }
        }
        if (c < 0) {
            throw new InvalidInputException("model '" + expression + "': a cross-normalisation needs a constant component, e.g. constant*tbabs*powerlaw");
        }
        String name = expression.componentNames().get(c) + ".factor";
        Model m = set(name, 1.0).freeze(name);
        for (int k = 2; k <= observations; k++) {
            m = m.unlink(name + "[" + k + "]");
        }
        return m;
    }

    /** The expression. */
    public ModelExpression expression() {
        return expression;
    }

    /** Number of observations. */
    public int observations() {
        return observations;
    }

    /** Number of parameters per observation. */
    public int parametersPerObservation() {
        return perObservation;
    }

    /** Every parameter, in the order of the full parameter vector. */
    public List<ModelParameter> parameters() {
        return parameters;
    }

    /** The parameters a fit or a sampler varies: neither frozen nor linked. */
    public List<ModelParameter> freeParameters() {
        List<ModelParameter> free = new ArrayList<>();
        for (ModelParameter p : parameters) {
            if (p.isFree()) {
                free.add(p);
            }
        }
        return free;
    }

    /** The parameter called {@code name}. */
    public ModelParameter parameter(String name) {
        return parameters.get(index(name));
    }

    /**
     * The position of parameter {@code name} in the full parameter vector.
     *
     * @throws IllegalArgumentException listing the model's parameters when there is none of that name
     */
    public int index(String name) {
        String wanted = canonical(name);
        for (int i = 0; i < parameters.size(); i++) {
            if (canonical(parameters.get(i).name()).equals(wanted)) {
                return i;
            }
        }
        // A bare parameter name (PhoIndex, nH[2]) is accepted when one component has it.
        if (wanted.indexOf('.') < 0) {
            int found = -1;
            for (int i = 0; i < parameters.size(); i++) {
                String full = canonical(parameters.get(i).name());
                if (full.substring(full.indexOf('.') + 1).equals(wanted)) {
                    if (found >= 0) {
                        throw new IllegalArgumentException("'" + name + "' is ambiguous in model '" + expression + "': write "
                                + parameters.get(found).name() + " or " + parameters.get(i).name());
                    }
                    found = i;
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < perObservation; i++) {
            names.add(parameters.get(i).name());
        }
        throw new IllegalArgumentException("model '" + expression + "' has no parameter '" + name + "'; its parameters are "
                + String.join(", ", names) + (observations > 1 ? ", with [k] for observation k" : ""));
    }

    /** Lower case, and observation 1 written without its {@code [1]}. */
    private static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith("[1]") ? n.substring(0, n.length() - 3) : n;
    }

    /** Offset of observation {@code k}'s parameters (from 1) in the full parameter vector. */
    public int parameterOffset(int observation) {
        if (observation < 1 || observation > observations) {
            throw new IllegalArgumentException("observation " + observation + " of " + observations);
        }
        return (observation - 1) * perObservation;
    }

    /** Offset of component {@code c}'s parameters within one observation's. */
    int componentOffset(int c) {
        return componentOffset[c];
    }

    /**
     * The same model with parameter {@code name} at {@code value}.
     *
     * @throws InvalidInputException if the value is outside the parameter's hard limits
     */
    public Model set(String name, double value) {
        int i = index(name);
        ModelParameter p = parameters.get(i);
        ParameterInfo info = p.info();
        if (!(value >= info.hardMin() && value <= info.hardMax())) {
            throw new InvalidInputException(p.name() + " = " + value + " is outside its limits [" + info.hardMin() + ", " + info.hardMax() + "]");
        }
        return replace(i, p.withValue(value));
    }

    /** The same model with parameter {@code name} frozen at its value. */
    public Model freeze(String name) {
        int i = index(name);
        return replace(i, parameters.get(i).withFrozen(true));
    }

    /** The same model with parameter {@code name} free (and unlinked). */
    public Model thaw(String name) {
        int i = index(name);
        return replace(i, parameters.get(i).withFrozen(false).withLink(null));
    }

    /**
     * The same model with parameter {@code name} equal to an expression of others
     * ({@link ParameterExpression}).
     *
     * @throws InvalidInputException if the expression is invalid, names an unknown parameter,
     *     or closes a cycle of links
     */
    public Model link(String name, String expression) {
        int i = index(name);
        ParameterExpression.parse(expression, this::index);
        Model m = replace(i, parameters.get(i).withLink(expression.trim()));
        m.parameterMap();
        return m;
    }

    /** The same model with parameter {@code name} no longer linked, free at its current value. */
    public Model unlink(String name) {
        int i = index(name);
        return replace(i, parameters.get(i).withLink(null).withFrozen(false));
    }

    private Model replace(int i, ModelParameter p) {
        List<ModelParameter> params = new ArrayList<>(parameters);
        params.set(i, p);
        return new Model(expression, observations, params);
    }

    /** How the full parameter vector follows from the free parameters. */
    public ParameterMap parameterMap() {
        return new ParameterMap(this);
    }

    /**
     * An evaluator of this model on bins [low_i, high_i] keV. It reads one observation's
     * parameters from a full parameter vector at {@link #parameterOffset(int)}. Not thread-safe:
     * use one per thread.
     */
    public ModelEvaluator evaluator(double[] low, double[] high, ModelSettings settings) {
        return new ModelEvaluator(this, low, high, settings);
    }

    @Override
    public String toString() {
        return expression + (observations > 1 ? " x " + observations + " observations" : "");
    }
}
