package org.sixsa4j.model.absorption;

import java.util.List;

/**
 * The absorbing species of the Tübingen–Boulder ISM model (Wilms, Allen &amp; McCray 2000, ApJ
 * 542, 914), in the model's order: 18 elements, then molecular hydrogen. Each gives its
 * photoabsorption cross-section per atom (per molecule for H₂) of the neutral species:
 * <ul>
 * <li>H: hydrogenic (Band et al. 1990); He: Yan et al. (1998) with the 60 eV resonances;
 * H₂: Yan et al. (1998) and Wilms et al. (2000);</li>
 * <li>O and Ne: the high-resolution K-edge table on its range (490.013–584.498 eV,
 * 865.001–870.179 eV), the Verner neutral-atom sum elsewhere;</li>
 * <li>Fe: the L-edge table on 700.12–746.37 eV, else the power law
 * 1.645e-18 (E / 720.74 eV)^−3.2 cm² on 745–795 eV, else the Verner sum;</li>
 * <li>the others: the Verner neutral-atom sum ({@link VernerCrossSection}).</li>
 * </ul>
 * P, Ti and Mn are in the paper but not in the model's code, and not here.
 */
public enum IsmSpecies {
    /** Hydrogen. */
    H(1),
    /** Helium. */
    HE(2),
    /** Carbon. */
    C(6),
    /** Nitrogen. */
    N(7),
    /** Oxygen. */
    O(8),
    /** Neon. */
    NE(10),
    /** Sodium. */
    NA(11),
    /** Magnesium. */
    MG(12),
    /** Aluminium. */
    AL(13),
    /** Silicon. */
    SI(14),
    /** Sulphur. */
    S(16),
    /** Chlorine. */
    CL(17),
    /** Argon. */
    AR(18),
    /** Calcium. */
    CA(20),
    /** Chromium. */
    CR(24),
    /** Iron. */
    FE(26),
    /** Cobalt. */
    CO(27),
    /** Nickel. */
    NI(28),
    /** Molecular hydrogen, H₂. */
    H2(1);

    /** The 18 elements, without H₂. */
    public static final List<IsmSpecies> ELEMENTS = List.of(values()).subList(0, 18);

    private final int z;

    IsmSpecies(int z) {
        this.z = z;
    }

    /** Atomic number (1 for H₂, whose nuclei are hydrogen). */
    public int atomicNumber() {
        return z;
    }

    /**
     * Photoabsorption cross-section in cm² per atom (per molecule for H₂) at {@code eV} in the
     * absorber's rest frame.
     */
    public double crossSection(double eV) {
        switch (this) {
            case H:
                return HydrogenCrossSection.sigma(eV);
            case HE:
                return HeliumCrossSection.sigma(eV);
            case H2:
                return MolecularHydrogenCrossSection.sigma(eV);
            case O:
                return EdgeTable.OXYGEN_K.covers(eV) ? EdgeTable.OXYGEN_K.sigma(eV) : VernerCrossSection.neutralAtom(z, eV);
            case NE:
                return EdgeTable.NEON_K.covers(eV) ? EdgeTable.NEON_K.sigma(eV) : VernerCrossSection.neutralAtom(z, eV);
            case FE:
                return iron(eV);
            default:
                return VernerCrossSection.neutralAtom(z, eV);
        }
    }

    /** Mass in amu the model assigns to one atom in grains (H₂: that of its H). */
    double grainMass() {
        return Elements.GRAIN_MASS[this == H2 ? 0 : ordinal()];
    }

    /** Default gas-phase fraction β_Z of Wilms et al. (2000), Table 2. */
    double defaultGasFraction() {
        return Elements.GAS_FRACTION[this == H2 ? 0 : ordinal()];
    }

    private static double iron(double eV) {
        if (EdgeTable.IRON_L.covers(eV)) {
            return EdgeTable.IRON_L.sigma(eV);
        }
        if (eV >= IronBridge.RANGE[0] && eV <= IronBridge.RANGE[1]) {
            // Joins the end of the L-edge table to the Verner fit, which lacks the edge structure.
            return IronBridge.NORM * Math.pow(eV / IronBridge.E0, IronBridge.INDEX);
        }
        return VernerCrossSection.neutralAtom(26, eV);
    }

    /** The tbabs code's power law for Fe above its L-edge table. */
    private static final class IronBridge {
        static final double[] RANGE = TbabsConstants.values("FE_PL_RANGE");
        static final double NORM = TbabsConstants.value("FE_PL_NORM");
        static final double E0 = TbabsConstants.value("FE_PL_E0");
        static final double INDEX = TbabsConstants.value("FE_PL_INDEX");
    }

    /** Per-element data of {@code tbabs_elements.txt}, checked against this enum's order. */
    private static final class Elements {
        static final double[] GRAIN_MASS = new double[18];
        static final double[] GAS_FRACTION = new double[18];

        static {
            List<String[]> rows = AtomicDataFile.rows("tbabs_elements.txt");
            if (rows.size() != ELEMENTS.size()) {
                throw new IllegalStateException("tbabs_elements.txt holds " + rows.size() + " elements, expected 18");
            }
            for (int k = 0; k < rows.size(); k++) {
                String[] f = rows.get(k);
                if (Integer.parseInt(f[0]) != ELEMENTS.get(k).z) {
                    throw new IllegalStateException("tbabs_elements.txt row " + (k + 1) + " is Z=" + f[0] + ", expected Z=" + ELEMENTS.get(k).z);
                }
                GRAIN_MASS[k] = Double.parseDouble(f[2]);
                GAS_FRACTION[k] = Double.parseDouble(f[3]);
            }
        }
    }
}
