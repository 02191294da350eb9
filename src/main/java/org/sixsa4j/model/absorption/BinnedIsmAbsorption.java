package org.sixsa4j.model.absorption;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.sixsa4j.model.AbundanceTable;

/**
 * An {@link IsmAbsorption} bound to energy bins, as XSPEC's tbabs, ztbabs and tbpcf use it: every
 * parameter but nH and the redshift is fixed at binding, so a transmission is one exponential
 * per bin, T_i = exp(−nH τ_i) with τ_i the bin's cross-section per H in 1e-22 cm². The
 * cross-sections of the absorber at rest (z = 0) come from the shared {@link CrossSectionCache};
 * another redshift is computed into this object's own arrays when it first appears, without
 * allocating. Not thread-safe: bind one per thread.
 */
public final class BinnedIsmAbsorption {
    private final int bins;
    private final double[] atRest;
    private final IsmAbsorption absorber;
    private final SpeciesCrossSections species;
    private final double[] redshifted;

    private BinnedIsmAbsorption(double[] low, double[] high, IsmAbsorption absorber, double[] atRest) {
        this.bins = low.length;
        this.absorber = absorber;
        this.atRest = atRest;
        this.species = new SpeciesCrossSections(low, high);
        this.redshifted = new double[bins];
    }

    /**
     * Binds the absorber with the given 42 parameters (nH and the redshift are ignored) to bins
     * [low_i, high_i] keV.
     *
     * @throws IllegalArgumentException for a negative abundance parameter, which would make the
     *     composition depend on nH, or for parameters {@link IsmAbsorption#of} refuses
     */
    public static BinnedIsmAbsorption bind(double[] parameters, AbundanceTable table, double[] low, double[] high) {
        if (parameters.length != IsmAbsorption.PARAMETER_COUNT) {
            throw new IllegalArgumentException("the ISM absorber takes " + IsmAbsorption.PARAMETER_COUNT + " parameters, got " + parameters.length);
        }
        double[] p = parameters.clone();
        for (int k = 1; k < IsmSpecies.ELEMENTS.size(); k++) {
            if (p[k] < 0) {
                throw new IllegalArgumentException("abundance parameter " + k + " is " + p[k] + "; a bound absorber needs abundances >= 0");
            }
        }
        p[IsmAbsorption.NH] = 1.0;
        p[IsmAbsorption.REDSHIFT] = 0.0;
        IsmAbsorption absorber = IsmAbsorption.of(p, table);
        List<Object> what = List.of(BinnedIsmAbsorption.class, table, Arrays.stream(p).boxed().collect(Collectors.toList()));
        double[] atRest = CrossSectionCache.get(what, low, high, () -> {
            SpeciesCrossSections s = new SpeciesCrossSections(low, high);
            s.atRedshift(0.0);
            double[] tau = new double[s.bins()];
            absorber.sigma(s, IsmAbsorption.NH_UNIT, tau, 0);
            return tau;
        });
        return new BinnedIsmAbsorption(low, high, absorber, atRest);
    }

    /** Number of bins. */
    public int bins() {
        return bins;
    }

    /**
     * The cross-section per H of every bin in 1e-22 cm² for an absorber at redshift z; the
     * array belongs to this object (or the cache) and must not be modified.
     */
    public double[] opticalDepthPerColumn(double z) {
        if (z == 0.0) {
            return atRest;
        }
        if (Double.compare(z, species.redshift()) != 0) {
            species.atRedshift(z);
            absorber.sigma(species, IsmAbsorption.NH_UNIT, redshifted, 0);
        }
        return redshifted;
    }

    /** Writes T_i = exp(−nH τ_i) to {@code out[offset ..]}; nH in 1e22 cm⁻². Allocates nothing. */
    public void transmission(double nH, double z, double[] out, int offset) {
        Transmission.of(nH, opticalDepthPerColumn(z), out, offset);
    }
}
