package org.sixsa4j.model;

import java.util.List;

/**
 * A {@link ComponentType} whose name, kind, parameters and documentation are fixed when it is
 * constructed, so that a component class only says how to {@link #bind} it.
 */
public abstract class AbstractComponentType implements ComponentType {
    private final String name;
    private final ComponentKind kind;
    private final List<ParameterInfo> parameters;
    private final String description;
    private final String formula;
    private final String reference;

    /**
     * @param name XSPEC's name, lower case
     * @param parameters XSPEC's parameters in order; an additive component ends with {@code norm}
     */
    protected AbstractComponentType(String name, ComponentKind kind, List<ParameterInfo> parameters,
                                    String description, String formula, String reference) {
        this.name = name;
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
        this.description = description;
        this.formula = formula;
        this.reference = reference;
        if (kind == ComponentKind.ADDITIVE && !parameters.get(parameters.size() - 1).name().equals("norm")) {
            throw new IllegalStateException(name + ": an additive component's last parameter must be norm");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ComponentKind kind() {
        return kind;
    }

    @Override
    public final List<ParameterInfo> parameters() {
        return parameters;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String formula() {
        return formula;
    }

    @Override
    public final String reference() {
        return reference;
    }

    @Override
    public String toString() {
        return name;
    }
}
