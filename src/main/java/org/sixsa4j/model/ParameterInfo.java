package org.sixsa4j.model;

import java.util.Objects;

/**
 * The definition of one parameter of a component type, as XSPEC's {@code model.dat} gives it:
 * name, unit, default value, hard and soft limits, the fit step, and whether the parameter is
 * better explored in log space. A negative step marks a parameter frozen by default, as in
 * XSPEC (redshifts, for example).
 *
 * <p>Hard limits are where the model is defined; soft limits are the range a fit or a prior
 * normally stays in. Immutable.
 */
public final class ParameterInfo {
    private final String name;
    private final String unit;
    private final double defaultValue;
    private final double hardMin;
    private final double softMin;
    private final double softMax;
    private final double hardMax;
    private final double delta;
    private final boolean logScale;

    private ParameterInfo(String name, String unit, double defaultValue, double hardMin, double softMin,
                          double softMax, double hardMax, double delta, boolean logScale) {
        this.name = Objects.requireNonNull(name);
        this.unit = unit == null ? "" : unit;
        if (!(hardMin <= softMin && softMin <= softMax && softMax <= hardMax)) {
            throw new IllegalArgumentException(name + ": limits must satisfy hardMin <= softMin <= softMax <= hardMax");
        }
        if (!(defaultValue >= hardMin && defaultValue <= hardMax)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside the hard limits");
        }
        this.defaultValue = defaultValue;
        this.hardMin = hardMin;
        this.softMin = softMin;
        this.softMax = softMax;
        this.hardMax = hardMax;
        this.delta = delta;
        this.logScale = logScale;
    }

    /**
     * A parameter in XSPEC's {@code model.dat} order of numbers: default, hard minimum, soft
     * minimum, soft maximum, hard maximum, step (negative: frozen by default).
     */
    public static ParameterInfo of(String name, String unit, double defaultValue, double hardMin, double softMin,
                                   double softMax, double hardMax, double delta) {
        return new ParameterInfo(name, unit, defaultValue, hardMin, softMin, softMax, hardMax, delta, false);
    }

    /** The additive normalisation, {@code norm}: default 1, limits 0 to 1e24, explored in log space. */
    public static ParameterInfo norm() {
        return new ParameterInfo("norm", "", 1.0, 0.0, 0.0, 1e24, 1e24, 0.01, true);
    }

    /** The same parameter with the log-scale hint set. */
    public ParameterInfo logScale() {
        return new ParameterInfo(name, unit, defaultValue, hardMin, softMin, softMax, hardMax, delta, true);
    }

    /** XSPEC's name, for example {@code PhoIndex}. */
    public String name() {
        return name;
    }

    /** The unit, empty when dimensionless. */
    public String unit() {
        return unit;
    }

    /** The default value. */
    public double defaultValue() {
        return defaultValue;
    }

    /** Lowest value where the model is defined. */
    public double hardMin() {
        return hardMin;
    }

    /** Lowest value a fit normally explores. */
    public double softMin() {
        return softMin;
    }

    /** Highest value a fit normally explores. */
    public double softMax() {
        return softMax;
    }

    /** Highest value where the model is defined. */
    public double hardMax() {
        return hardMax;
    }

    /** XSPEC's fit step; negative when the parameter is frozen by default. */
    public double delta() {
        return delta;
    }

    /** Whether the parameter is frozen unless the user frees it. */
    public boolean frozenByDefault() {
        return delta < 0;
    }

    /** Whether the parameter is better sampled uniformly in its logarithm. */
    public boolean isLogScale() {
        return logScale;
    }

    @Override
    public String toString() {
        return name + (unit.isEmpty() ? "" : " [" + unit + "]") + " = " + defaultValue
                + " (" + hardMin + ", " + softMin + ", " + softMax + ", " + hardMax + ")";
    }
}
