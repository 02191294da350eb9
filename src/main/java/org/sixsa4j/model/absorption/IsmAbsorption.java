package org.sixsa4j.model.absorption;

import java.util.List;
import org.sixsa4j.model.AbundanceTable;

/**
 * The Tübingen–Boulder model of X-ray absorption by the interstellar medium (Wilms, Allen &amp;
 * McCray 2000, ApJ 542, 914; code version 2.3, XSPEC's {@code tbabs} family) for one set of its
 * 42 parameters, in XSPEC {@code tbvarabs} order:
 * <pre>
 *  0       nH, 1e22 cm⁻² (a negative value is a column in cm⁻²); at least 1e-22
 *  1..17   abundances of He, C, N, O, Ne, Na, Mg, Al, Si, S, Cl, Ar, Ca, Cr, Fe, Co, Ni relative
 *          to the abund table (a value ≤ 0 is that element's column |p| in cm⁻²)
 *  18      fraction of H nuclei in H₂, clipped to [0, 1]
 *  19      grain density ρ in g cm⁻³; ρ ≤ 0 means no grains and no depletion
 *  20, 21  smallest and largest grain radius, µm
 *  22      index p of the grain size distribution n(a) ∝ a^(−p)
 *  23..40  gas-phase fraction of H, He, C, …, Ni (the depletion factors β_Z)
 *  41      redshift z
 * </pre>
 * The cross-section per H atom is σ = Σ_k A_k (1 − β_k) σ_k + f A_H (1 − β_H) σ_H₂ / 2 +
 * σ_grains (with the atomic-H term scaled by 1 − f), where β_k is the fraction of species k in
 * dust and σ_grains is the self-shielded dust term of {@link GrainShielding} built from the
 * dust's bin-averaged mean cross-section. The transmission is T = exp(−N_H σ).
 *
 * <p>Abundances are taken from the {@code abund} table as 32-bit floats, as XSPEC hands them to
 * the model. Immutable and thread-safe.
 */
public final class IsmAbsorption {
    /** Number of parameters. */
    public static final int PARAMETER_COUNT = 42;
    /** Index of nH. */
    public static final int NH = 0;
    /** Index of the H₂ fraction. */
    public static final int H2_FRACTION = 18;
    /** Index of the grain density. */
    public static final int GRAIN_DENSITY = 19;
    /** Index of the smallest grain radius. */
    public static final int GRAIN_MIN_RADIUS = 20;
    /** Index of the largest grain radius. */
    public static final int GRAIN_MAX_RADIUS = 21;
    /** Index of the grain size distribution index. */
    public static final int GRAIN_SIZE_INDEX = 22;
    /** Index of the gas-phase fraction of H; He to Ni follow. */
    public static final int FIRST_GAS_FRACTION = 23;
    /** Index of the redshift. */
    public static final int REDSHIFT = 41;

    /** The unit of nH, cm⁻². */
    public static final double NH_UNIT = 1e22;

    private static final double NH_MIN = TbabsConstants.value("NH_MIN");
    private static final double AMU_G = TbabsConstants.value("AMU_G");
    private static final double MICRON_CM = TbabsConstants.value("MICRON_CM");
    private static final List<IsmSpecies> ELEMENTS = IsmSpecies.ELEMENTS;
    private static final int SPECIES = IsmSpecies.values().length;

    private final double column;
    private final double redshift;
    /** Atoms (molecules for H₂) in the gas phase per H, by species ordinal. */
    private final double[] gas = new double[SPECIES];
    /** Atoms in dust per H, by element ordinal. */
    private final double[] dust = new double[ELEMENTS.size()];
    private final double dustAtomsPerH;
    private final double dustMassPerH;
    /** Null when there are no grains. */
    private final GrainShielding grains;

    private IsmAbsorption(double[] p, AbundanceTable table) {
        column = Math.max(p[NH] < 0 ? -p[NH] / NH_UNIT : p[NH], NH_MIN);
        redshift = p[REDSHIFT];
        double h2 = Math.min(Math.max(p[H2_FRACTION], 0.0), 1.0);
        boolean withGrains = p[GRAIN_DENSITY] > 0;
        double atoms = 0.0;
        double mass = 0.0;
        for (IsmSpecies element : ELEMENTS) {
            int k = element.ordinal();
            double abundance = k == 0 ? 1.0 : abundance(p[k], element, table);
            double inDust = withGrains ? Math.min(Math.max(1 - p[FIRST_GAS_FRACTION + k], 0.0), 1.0) : 0.0;
            gas[k] = abundance * (1 - inDust);
            dust[k] = abundance * inDust;
            atoms += dust[k];
            mass += dust[k] * element.grainMass();
        }
        // Two H nuclei per molecule.
        gas[IsmSpecies.H2.ordinal()] = gas[0] * h2 * 0.5;
        gas[0] *= 1 - h2;
        dustAtomsPerH = atoms;
        dustMassPerH = mass * AMU_G;
        grains = withGrains && atoms > 0 ? grains(p) : null;
    }

    /** The tbvarabs defaults: nH 1, abundances 1, H₂ 0.2, ρ 1, a 0.025–0.25 µm, p 3.5, β_Z of Wilms et al., z 0. */
    public static double[] defaults() {
        double[] p = new double[PARAMETER_COUNT];
        p[NH] = 1.0;
        for (int k = 1; k < ELEMENTS.size(); k++) {
            p[k] = 1.0;
        }
        p[H2_FRACTION] = TbabsConstants.value("DEFAULT_H2_FRACTION");
        p[GRAIN_DENSITY] = TbabsConstants.value("DEFAULT_GRAIN_DENSITY");
        p[GRAIN_MIN_RADIUS] = TbabsConstants.value("DEFAULT_AMIN");
        p[GRAIN_MAX_RADIUS] = TbabsConstants.value("DEFAULT_AMAX");
        p[GRAIN_SIZE_INDEX] = TbabsConstants.value("DEFAULT_PL_INDEX");
        for (IsmSpecies element : ELEMENTS) {
            p[FIRST_GAS_FRACTION + element.ordinal()] = element.defaultGasFraction();
        }
        p[REDSHIFT] = 0.0;
        return p;
    }

    /**
     * The absorber for 42 parameters (see the class description) and an abundance table.
     *
     * @throws IllegalArgumentException if there are not 42 parameters, or grains are on with a
     *     non-positive radius, a_max below a_min, or a size index of 3 or at least 4 over a range
     *     of sizes (where the closed form needs γ(4 − p) with 4 − p > 0 and divides by p − 3)
     */
    public static IsmAbsorption of(double[] parameters, AbundanceTable table) {
        if (parameters.length != PARAMETER_COUNT) {
            throw new IllegalArgumentException("the ISM absorber takes " + PARAMETER_COUNT + " parameters, got " + parameters.length);
        }
        return new IsmAbsorption(parameters.clone(), table);
    }

    /** N_H in 1e22 cm⁻², after the sign convention and the floor of 1e-22. */
    public double column() {
        return column;
    }

    /** The absorber's redshift. */
    public double redshift() {
        return redshift;
    }

    /** σ in cm² per H for bin {@code bin} of species cross-sections {@code s}. */
    public double sigma(SpeciesCrossSections s, int bin) {
        double[][] values = s.values();
        double total = 0.0;
        for (int k = 0; k < SPECIES; k++) {
            total += gas[k] * values[k][bin];
        }
        if (grains != null) {
            double inDust = 0.0;
            for (int k = 0; k < dust.length; k++) {
                inDust += dust[k] * values[k][bin];
            }
            total += grains.sigmaPerH(dustAtomsPerH, dustMassPerH, inDust / dustAtomsPerH);
        }
        return total;
    }

    /**
     * Writes {@code scale} × σ (cm² per H) for every bin of {@code s} to {@code out} from
     * {@code offset}. Allocates nothing.
     */
    public void sigma(SpeciesCrossSections s, double scale, double[] out, int offset) {
        for (int i = 0; i < s.bins(); i++) {
            out[offset + i] = scale * sigma(s, i);
        }
    }

    /** σ in cm² per H on bins [low_i, high_i] keV (observer frame), at this absorber's redshift. */
    public double[] crossSections(double[] low, double[] high) {
        SpeciesCrossSections s = new SpeciesCrossSections(low, high);
        s.atRedshift(redshift);
        double[] out = new double[s.bins()];
        sigma(s, 1.0, out, 0);
        return out;
    }

    /** The transmission exp(−N_H σ) on bins [low_i, high_i] keV, as XSPEC's tbvarabs gives it. */
    public double[] transmission(double[] low, double[] high) {
        double[] t = crossSections(low, high);
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(-column * NH_UNIT * t[i]);
        }
        return t;
    }

    private double abundance(double parameter, IsmSpecies element, AbundanceTable table) {
        if (parameter > 0) {
            return parameter * (float) table.relativeToHydrogen(element.atomicNumber());
        }
        return -parameter / (column * NH_UNIT);
    }

    private static GrainShielding grains(double[] p) {
        double aMin = p[GRAIN_MIN_RADIUS];
        double aMax = p[GRAIN_MAX_RADIUS];
        double index = p[GRAIN_SIZE_INDEX];
        if (!(aMin > 0) || !(aMax >= aMin)) {
            throw new IllegalArgumentException("grain radii must satisfy 0 < amin <= amax, got amin " + aMin + " and amax " + aMax + " micron");
        }
        if (aMax > aMin && (index == 3 || index >= 4)) {
            throw new IllegalArgumentException("grain size index p = " + index + " is not supported: the closed form needs p != 3 and p < 4");
        }
        return new GrainShielding(p[GRAIN_DENSITY], aMin * MICRON_CM, aMax * MICRON_CM, index);
    }
}
