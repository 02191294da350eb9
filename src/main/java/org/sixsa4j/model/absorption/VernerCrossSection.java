package org.sixsa4j.model.absorption;

import java.util.Arrays;

/**
 * Photoionisation cross-sections of atoms and ions of H to Zn from the analytic fits of Verner &amp;
 * Yakovlev (1995, A&amp;AS 109, 125) and Verner, Ferland, Korista &amp; Yakovlev (1996, ApJ 465, 487),
 * with the shell logic of Verner's routine {@code phfit2} (version 2, 1996). Shells are numbered
 * 1s = 1, 2s = 2, 2p = 3, 3s = 4, 3p = 5, 3d = 6, 4s = 7.
 *
 * <p>Each shell has the fit σ = σ₀ [(y − 1)² + y_w²] y^(−Q) (1 + √(y/y_a))^(−P) Mb, y = E/E₀,
 * Q = 5.5 + l − P/2, above its threshold E_th. For the Opacity Project elements (Z = 1–14, 16,
 * 18, 20, 26) the outermost shell below the edge of the outermost inner shell is instead given
 * by the outer-shell fit x = E/E₀ − y₀, z = √(x² + y₁²), σ = σ₀ [(x − 1)² + y_w²] z^(P/2 − 5.5)
 * (1 + √(z/y_a))^(−P), which includes the resonances; the intermediate outer shells count only
 * above that edge. The parameters are in the resources {@code verner_shells.txt} and
 * {@code verner_outer_shells.txt}. Stateless and thread-safe.
 */
public final class VernerCrossSection {
    /** Highest atomic number covered. */
    public static final int MAX_Z = 30;
    /** Number of shells, 1s to 4s. */
    public static final int SHELLS = 7;

    private static final double MBARN_CM2 = TbabsConstants.value("MBARN_CM2");
    /** Orbital angular momentum l of the shells 1s, 2s, 2p, 3s, 3p, 3d, 4s. */
    private static final int[] ORBITAL_L = {0, 0, 1, 0, 1, 2, 0};
    /** Elements outside the Opacity Project, whose shells all use their own fit from threshold. */
    private static final int[] NON_OP_BELOW_21 = {15, 17, 19};
    /** Stand-in for "never": the inner-shell switch of one-shell ions. */
    private static final double NO_INNER_EDGE = 1e30;

    /** [Z][electrons][shell - 1] → {E_th, E₀, σ₀, y_a, P, y_w}; null where the shell is empty. */
    private static final double[][][][] SHELL_FITS = new double[MAX_Z + 1][MAX_Z + 1][SHELLS][];
    /** [Z][electrons] → {E₀, σ₀, y_a, P, y_w, y₀, y₁}; null outside the Opacity Project. */
    private static final double[][][] OUTER_FITS = new double[MAX_Z + 1][MAX_Z + 1][];
    /** Occupied and inner shells of the ground state, by number of electrons. */
    private static final int[] OCCUPIED = new int[MAX_Z + 1];
    private static final int[] INNER = new int[MAX_Z + 1];

    static {
        for (double[] row : AtomicDataFile.numbers("verner_shells.txt", 9)) {
            SHELL_FITS[(int) row[0]][(int) row[1]][(int) row[2] - 1] = Arrays.copyOfRange(row, 3, 9);
        }
        for (double[] row : AtomicDataFile.numbers("verner_outer_shells.txt", 9)) {
            OUTER_FITS[(int) row[0]][(int) row[1]] = Arrays.copyOfRange(row, 2, 9);
        }
        for (double[] row : AtomicDataFile.numbers("verner_ground_states.txt", 3)) {
            OCCUPIED[(int) row[0]] = (int) row[1];
            INNER[(int) row[0]] = (int) row[2];
        }
        // Check once that every shell the rules can reach has its fit, so lookups need no guard.
        for (int z = 1; z <= MAX_Z; z++) {
            for (int n = 1; n <= z; n++) {
                for (int s = 1; s <= occupiedShells(z, n); s++) {
                    if (SHELL_FITS[z][n][s - 1] == null) {
                        throw new IllegalStateException("verner_shells.txt lacks Z=" + z + " nelec=" + n + " shell=" + s);
                    }
                }
                if (isOpacityProjectElement(z) && OUTER_FITS[z][n] == null) {
                    throw new IllegalStateException("verner_outer_shells.txt lacks Z=" + z + " nelec=" + n);
                }
            }
        }
    }

    private VernerCrossSection() {
    }

    /**
     * The partial cross-section of one shell, in Mb (1e-18 cm²).
     *
     * @param z atomic number, 1 to 30 (0 is returned outside)
     * @param electrons number of bound electrons, 1 to z (z for the neutral atom)
     * @param shell 1 (1s) to 7 (4s)
     * @param eV photon energy in eV
     */
    public static double partialMb(int z, int electrons, int shell, double eV) {
        if (z < 1 || z > MAX_Z || electrons < 1 || electrons > z || shell < 1) {
            return 0.0;
        }
        int outer = occupiedShells(z, electrons);
        if (shell > outer) {
            return 0.0;
        }
        double[] fit = SHELL_FITS[z][electrons][shell - 1];
        if (eV < fit[0]) {
            return 0.0;
        }
        int inner = INNER[electrons];
        double innerEdge = innerEdge(z, electrons, inner);
        if (shell > inner && shell < outer && eV < innerEdge) {
            // Below the inner-shell edge the outer-shell fit stands for all outer absorption.
            return 0.0;
        }
        if (shell <= inner || eV >= innerEdge) {
            return shellFit(fit, ORBITAL_L[shell - 1], eV);
        }
        return outerShellFit(OUTER_FITS[z][electrons], eV);
    }

    /** The cross-section of the neutral atom, summed over its shells, in cm². */
    public static double neutralAtom(int z, double eV) {
        double mb = 0.0;
        for (int shell = 1; shell <= SHELLS; shell++) {
            mb += partialMb(z, z, shell, eV);
        }
        return mb * MBARN_CM2;
    }

    /** NTOT with phfit2's exceptions: neutral K to Zn, and Ca⁺, Sc⁺, Ti⁺, Mn⁺, Fe⁺ fill 4s. */
    private static int occupiedShells(int z, int electrons) {
        if (electrons == z && z > 18) {
            return SHELLS;
        }
        if (electrons == z - 1 && (z == 20 || z == 21 || z == 22 || z == 25 || z == 26)) {
            return SHELLS;
        }
        return OCCUPIED[electrons];
    }

    private static boolean isOpacityProjectElement(int z) {
        for (int nonOp : NON_OP_BELOW_21) {
            if (z == nonOp) {
                return false;
            }
        }
        return z <= 20 || z == 26;
    }

    /** The energy above which every shell uses its own fit: 0 outside the Opacity Project. */
    private static double innerEdge(int z, int electrons, int inner) {
        if (!isOpacityProjectElement(z)) {
            return 0.0;
        }
        if (electrons < 3) {
            return NO_INNER_EDGE;
        }
        return SHELL_FITS[z][electrons][inner - 1][0];
    }

    private static double shellFit(double[] fit, int l, double eV) {
        double e0 = fit[1];
        double sigma0 = fit[2];
        double ya = fit[3];
        double p = fit[4];
        double yw = fit[5];
        double y = eV / e0;
        double q = 5.5 + l - 0.5 * p;
        return sigma0 * ((y - 1) * (y - 1) + yw * yw) * Math.pow(y, -q) * Math.pow(1 + Math.sqrt(y / ya), -p);
    }

    private static double outerShellFit(double[] fit, double eV) {
        double e0 = fit[0];
        double sigma0 = fit[1];
        double ya = fit[2];
        double p = fit[3];
        double yw = fit[4];
        double y0 = fit[5];
        double y1 = fit[6];
        double x = eV / e0 - y0;
        double z = Math.sqrt(x * x + y1 * y1);
        return sigma0 * ((x - 1) * (x - 1) + yw * yw) * Math.pow(z, 0.5 * p - 5.5) * Math.pow(1 + Math.sqrt(z / ya), -p);
    }
}
