package org.sixsa4j.model.absorption;

/**
 * The cross-section of every {@link IsmSpecies} on a set of energy bins, as the tbabs code
 * averages it: the mean of the values at the two bin edges, s_k,i = (σ_k(E_i) + σ_k(E_i+1)) / 2,
 * with the edges moved to the absorber's rest frame, E = e (1 + z). This is not the integral
 * over the bin; in a bin that holds an edge or resonance the two differ, and XSPEC's numbers
 * are those of the two-edge mean (Wilms, Allen &amp; McCray 2000, code version 2.3). A bin
 * [E, E] gives the cross-section at E.
 *
 * <p>Mutable: {@link #atRedshift} computes in place without allocating, so one instance serves
 * an evaluator whose redshift is a free parameter. Not thread-safe.
 */
public final class SpeciesCrossSections {
    private static final double EV_PER_KEV = 1000.0;

    private final double[] low;
    private final double[] high;
    private final double[][] sigma;
    private double redshift;

    /**
     * Space for the cross-sections on bins [low_i, high_i] keV (observer frame); nothing is
     * computed until {@link #atRedshift}.
     *
     * @param low lower bin edges in keV; copied
     * @param high upper bin edges in keV; copied
     */
    public SpeciesCrossSections(double[] low, double[] high) {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high bin edges differ in length: " + low.length + " and " + high.length);
        }
        this.low = low.clone();
        this.high = high.clone();
        this.sigma = new double[IsmSpecies.values().length][low.length];
        this.redshift = Double.NaN;
    }

    /** Computes the values for an absorber at redshift z, unless they already are for z. */
    public void atRedshift(double z) {
        if (Double.compare(z, redshift) != 0) {
            compute(z);
        }
    }

    /** The redshift the values are for; NaN before the first {@link #atRedshift}. */
    public double redshift() {
        return redshift;
    }

    /** Number of bins. */
    public int bins() {
        return low.length;
    }

    /** The bin-averaged cross-section of {@code species} in bin {@code bin}, cm² per atom (molecule). */
    public double get(IsmSpecies species, int bin) {
        return sigma[species.ordinal()][bin];
    }

    /** All values, [species ordinal][bin]; read only. */
    double[][] values() {
        return sigma;
    }

    private void compute(double z) {
        double stretch = 1 + z;
        for (IsmSpecies species : IsmSpecies.values()) {
            double[] s = sigma[species.ordinal()];
            double previousHigh = 0.0;
            for (int i = 0; i < low.length; i++) {
                // Contiguous bins share an edge: evaluate it once.
                double a = i > 0 && low[i] == high[i - 1] ? previousHigh : species.crossSection(low[i] * EV_PER_KEV * stretch);
                double b = high[i] == low[i] ? a : species.crossSection(high[i] * EV_PER_KEV * stretch);
                s[i] = 0.5 * (a + b);
                previousHigh = b;
            }
        }
        redshift = z;
    }
}
