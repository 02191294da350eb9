package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class IsmSpeciesTest {

    /**
     * Each species' cross-section against the compiled tbabs code (tbvabs.c 2.3 with phfit2) at
     * 1497 energies, dense across the O K, Ne K, Fe L and Fe K edges. The oracle prints seven
     * significant digits (5e-8) and its Verner sums are single precision (up to 1e-5 near
     * thresholds, see VernerCrossSectionTest), hence 2e-5.
     */
    @Test
    void crossSectionsMatchTheTbabsCode() {
        OracleTable oracle = OracleTable.read("oracles/tbabs_element_sigma.csv");
        double[] keV = oracle.column("E_keV");
        StringBuilder report = new StringBuilder("species cross-sections, max relative difference:");
        for (IsmSpecies species : IsmSpecies.values()) {
            String name = species == IsmSpecies.H2 ? "H2" : species.name().charAt(0) + species.name().substring(1).toLowerCase(Locale.ROOT);
            double[] want = oracle.column(name);
            double worst = 0;
            for (int r = 0; r < keV.length; r++) {
                double got = species.crossSection(keV[r] * 1000) / 1e-22;
                String where = name + " at " + keV[r] + " keV";
                if (want[r] == 0) {
                    assertEquals(0.0, got, where);
                } else {
                    worst = Math.max(worst, Math.abs(got / want[r] - 1));
                    assertEquals(want[r], got, 2e-5 * want[r], where);
                }
            }
            report.append(String.format(" %s %.1e", name, worst));
        }
        System.out.println(report);
    }

    /**
     * Where the high-resolution tables end, the tbabs code switches description; the algorithm
     * notes (TBABS_ALGORITHM.md §2.5) list the values just outside and at each end, to four
     * digits. Checks that the switch happens on the right side of each end.
     */
    @Test
    void tableEndsSwitchDescriptionAsTheCodeDoes() {
        double mb = 1e-18;
        assertEquals(0.0378, IsmSpecies.O.crossSection(490.013) / mb, 5e-5);
        assertEquals(0.0363, IsmSpecies.O.crossSection(490.0) / mb, 5e-4);
        assertEquals(0.0223, IsmSpecies.NE.crossSection(865.001) / mb, 5e-5);
        assertEquals(0.0218, IsmSpecies.NE.crossSection(865.0) / mb, 5e-4);
        assertEquals(0.2103, IsmSpecies.FE.crossSection(700.12) / mb, 5e-5);
        assertEquals(0.2081, IsmSpecies.FE.crossSection(700.1) / mb, 5e-4);
        assertEquals(1.4687, IsmSpecies.FE.crossSection(746.37) / mb, 5e-5);
        assertEquals(1.4710, IsmSpecies.FE.crossSection(746.38) / mb, 5e-4);
        assertEquals(1.2019, IsmSpecies.FE.crossSection(795.0) / mb, 5e-5);
        assertEquals(1.2020, IsmSpecies.FE.crossSection(795.001) / mb, 5e-4);
    }
}
