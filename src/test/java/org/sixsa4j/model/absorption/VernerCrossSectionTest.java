package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VernerCrossSectionTest {
    private static final String[] SHELL_COLUMNS = {"s1_1s_Mb", "s2_2s_Mb", "s3_2p_Mb", "s4_3s_Mb", "s5_3p_Mb", "s6_3d_Mb", "s7_4s_Mb"};

    /**
     * Every partial cross-section of the 16 neutral atoms tbabs uses, against the compiled
     * single-precision phfit2. The oracle rounds the energy to float32 and computes in float32:
     * the fits raise E/E0 to powers up to about 8, so its values carry relative errors of a few
     * 1e-6, up to 1e-5 just above thresholds. 3e-5 allows for that and nothing more; a wrong
     * branch (PH1 for PH2, a shell on or off) is off by tens of percent.
     */
    @Test
    void partialCrossSectionsOfNeutralAtomsMatchPhfit2() {
        OracleTable oracle = OracleTable.read("oracles/verner_neutral_shells_oracle.csv");
        double[] z = oracle.column("Z");
        double[] eV = oracle.column("E_eV");
        double worst = 0;
        for (int s = 1; s <= VernerCrossSection.SHELLS; s++) {
            double[] want = oracle.column(SHELL_COLUMNS[s - 1]);
            for (int r = 0; r < want.length; r++) {
                double got = VernerCrossSection.partialMb((int) z[r], (int) z[r], s, eV[r]);
                String where = "Z=" + (int) z[r] + " shell " + s + " E=" + eV[r] + " eV";
                if (want[r] == 0) {
                    assertEquals(0.0, got, where);
                } else {
                    worst = Math.max(worst, Math.abs(got / want[r] - 1));
                    assertEquals(want[r], got, 3e-5 * want[r], where);
                }
            }
        }
        double[] total = oracle.column("total_Mb");
        for (int r = 0; r < total.length; r++) {
            assertEquals(total[r], VernerCrossSection.neutralAtom((int) z[r], eV[r]) / 1e-18, 3e-5 * total[r], "total Z=" + z[r] + " E=" + eV[r]);
        }
        System.out.printf("Verner partial cross-sections: max relative difference %.2e over %d energies%n", worst, z.length);
    }

    @Test
    void isZeroOutsideTheTablesAndBelowThresholds() {
        assertEquals(0.0, VernerCrossSection.partialMb(0, 1, 1, 1000));
        assertEquals(0.0, VernerCrossSection.partialMb(31, 31, 1, 1000));
        assertEquals(0.0, VernerCrossSection.partialMb(8, 9, 1, 1000), "more electrons than protons");
        assertEquals(0.0, VernerCrossSection.partialMb(8, 8, 4, 1000), "oxygen has no 3s electron");
        assertEquals(0.0, VernerCrossSection.partialMb(8, 8, 1, 500), "below the O K edge (538 eV)");
        assertTrue(VernerCrossSection.partialMb(8, 8, 1, 600) > 0);
    }

    /**
     * The exact threshold cross-section of hydrogen is (2⁹π²/3e⁴) α a₀² = 6.304 Mb. The fit is
     * a fit, so it is not exact at its 13.60 eV threshold; 1 % is a fair bound for it and far
     * tighter than a wrong branch or a wrong unit would be.
     */
    @Test
    void hydrogenAtThresholdIsCloseToTheExactValue() {
        assertEquals(6.304, VernerCrossSection.partialMb(1, 1, 1, 13.60), 0.01 * 6.304);
    }
}
