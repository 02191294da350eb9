package org.sixsa4j.model.absorption;

import java.util.Arrays;

/**
 * A high-resolution photoabsorption table across one absorption edge, as the tbabs code carries
 * for the O K, Ne K and Fe L edges: strictly increasing energies E_i (eV) with cross-sections
 * σ_i (Mb per atom), interpolated linearly in E and σ on the closed range [E_first, E_last].
 * The tables and their (unconfirmed) attribution are in the resources named below.
 */
final class EdgeTable {
    /** Neutral oxygen, 490.013–584.498 eV. */
    static final EdgeTable OXYGEN_K = new EdgeTable("oxygen_k_edge.txt");
    /** Neutral neon, 865.001–870.179 eV. */
    static final EdgeTable NEON_K = new EdgeTable("neon_k_edge.txt");
    /** Iron, 700.12–746.37 eV. */
    static final EdgeTable IRON_L = new EdgeTable("iron_l_edge.txt");

    private static final double MBARN_CM2 = TbabsConstants.value("MBARN_CM2");

    private final double[] energy;
    private final double[] sigma;

    private EdgeTable(String resource) {
        double[][] rows = AtomicDataFile.numbers(resource, 2);
        energy = new double[rows.length];
        sigma = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            energy[i] = rows[i][0];
            sigma[i] = rows[i][1];
            if (i > 0 && !(energy[i] > energy[i - 1])) {
                throw new IllegalStateException(resource + ": energies must increase strictly, row " + (i + 1));
            }
        }
    }

    /** Whether the table covers {@code eV}, ends included. */
    boolean covers(double eV) {
        return eV >= energy[0] && eV <= energy[energy.length - 1];
    }

    /** σ in cm² at an energy the table {@link #covers}. */
    double sigma(double eV) {
        int found = Arrays.binarySearch(energy, eV);
        if (found >= 0) {
            // On a grid point, including the last one, where there is no interval to its right.
            return sigma[found] * MBARN_CM2;
        }
        int i = -found - 2;
        double t = (eV - energy[i]) / (energy[i + 1] - energy[i]);
        return (sigma[i] + t * (sigma[i + 1] - sigma[i])) * MBARN_CM2;
    }

    /** Lowest tabulated energy, eV. */
    double first() {
        return energy[0];
    }

    /** Highest tabulated energy, eV. */
    double last() {
        return energy[energy.length - 1];
    }
}
