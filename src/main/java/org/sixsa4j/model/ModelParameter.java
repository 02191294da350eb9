package org.sixsa4j.model;

/**
 * One parameter of a {@link Model}: its name in the model ({@code powerlaw.PhoIndex},
 * {@code gaussian_2.Sigma}, {@code constant.factor[2]} for observation 2 of a joint model), its
 * definition, its value, and whether it is frozen or linked to other parameters. Immutable.
 */
public final class ModelParameter {
    private final String name;
    private final String component;
    private final int observation;
    private final ParameterInfo info;
    private final double value;
    private final boolean frozen;
    private final String link;

    ModelParameter(String name, String component, int observation, ParameterInfo info, double value,
                   boolean frozen, String link) {
        this.name = name;
        this.component = component;
        this.observation = observation;
        this.info = info;
        this.value = value;
        this.frozen = frozen;
        this.link = link;
    }

    /** The full name used to address it. */
    public String name() {
        return name;
    }

    /** The component's name in the model ({@code gaussian_2}). */
    public String component() {
        return component;
    }

    /** The observation it belongs to, from 1. */
    public int observation() {
        return observation;
    }

    /** Its definition: unit, default and limits. */
    public ParameterInfo info() {
        return info;
    }

    /** Its value (the link's value at the last evaluation is not stored here). */
    public double value() {
        return value;
    }

    /** Whether it is held at its value. */
    public boolean isFrozen() {
        return frozen;
    }

    /** The expression it equals, or {@code null} when it is not linked. */
    public String link() {
        return link;
    }

    /** Whether a fit or a sampler varies it: neither frozen nor linked. */
    public boolean isFree() {
        return !frozen && link == null;
    }

    ModelParameter withValue(double v) {
        return new ModelParameter(name, component, observation, info, v, frozen, link);
    }

    ModelParameter withFrozen(boolean f) {
        return new ModelParameter(name, component, observation, info, value, f, link);
    }

    ModelParameter withLink(String expression) {
        return new ModelParameter(name, component, observation, info, value, frozen, expression);
    }

    @Override
    public String toString() {
        return name + " = " + (link != null ? "(" + link + ")" : value + (frozen ? " frozen" : ""));
    }
}
