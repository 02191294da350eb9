package org.sixsa4j.compress;

/**
 * The settings of {@link PrincipalComponents}: keep the fewest components whose explained
 * variance reaches {@code varianceFraction} of the total, and at most {@code maxComponents}.
 *
 * <p>Defaults: variance fraction 0.99 and at most 64 components, the auto-encoder's default
 * latent size, so that switching compressors leaves the density estimator's input about the same
 * size. With Poisson spectra the cap is usually what decides: counting noise spreads variance
 * evenly over all bins, so 99 % of the variance of a faint spectrum needs nearly as many
 * components as bins, and the components past the first few mostly describe noise. Immutable:
 * each {@code with} method returns a changed copy.
 */
public final class PcaSettings {

    private final double varianceFraction;
    private final int maxComponents;

    private PcaSettings(double varianceFraction, int maxComponents) {
        this.varianceFraction = varianceFraction;
        this.maxComponents = maxComponents;
    }

    /** Variance fraction 0.99, at most 64 components. */
    public static PcaSettings defaults() {
        return new PcaSettings(0.99, 64);
    }

    /**
     * The share of the total variance that the kept components must explain, in (0, 1]; 1 keeps
     * every component up to {@link #maxComponents()}.
     */
    public PcaSettings withVarianceFraction(double varianceFraction) {
        if (!(varianceFraction > 0 && varianceFraction <= 1)) {
            throw new IllegalArgumentException("PCA variance fraction must be in (0, 1], got " + varianceFraction);
        }
        return new PcaSettings(varianceFraction, maxComponents);
    }

    /** The largest number of components kept, ≥ 1. */
    public PcaSettings withMaxComponents(int maxComponents) {
        if (maxComponents < 1) {
            throw new IllegalArgumentException("PCA max components must be >= 1, got " + maxComponents);
        }
        return new PcaSettings(varianceFraction, maxComponents);
    }

    public double varianceFraction() {
        return varianceFraction;
    }

    public int maxComponents() {
        return maxComponents;
    }

    @Override
    public String toString() {
        return "PcaSettings[varianceFraction=" + varianceFraction + ", maxComponents=" + maxComponents + "]";
    }
}
