package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resource files sixsa4j ships were written once from the workspace's atomic data; these
 * tests check that every number survived, value for value, so the resources are the sources'
 * facts in our layout. Exact equality: both sides parse the same decimal strings.
 */
class AtomicResourcesTest {

    @Test
    void vernerShellFitsAreThoseOfPhfit2() {
        assertSameNumbers(OracleTable.read("atomic/verner_shells.csv"), AtomicDataFile.numbers("verner_shells.txt", 9));
    }

    @Test
    void vernerOuterShellFitsAreThoseOfPhfit2() {
        assertSameNumbers(OracleTable.read("atomic/verner_outer_ph2.csv"), AtomicDataFile.numbers("verner_outer_shells.txt", 9));
    }

    @Test
    void groundStateShellCountsAreThoseOfPhfit2() {
        assertSameNumbers(OracleTable.read("atomic/verner_nelec_tables.csv"), AtomicDataFile.numbers("verner_ground_states.txt", 3));
    }

    @Test
    void edgeTablesAreThoseOfTheTbabsCode() {
        assertSameNumbers(OracleTable.read("atomic/tbabs_O_K_edge.csv"), AtomicDataFile.numbers("oxygen_k_edge.txt", 2));
        assertSameNumbers(OracleTable.read("atomic/tbabs_Ne_K_edge.csv"), AtomicDataFile.numbers("neon_k_edge.txt", 2));
        assertSameNumbers(OracleTable.read("atomic/tbabs_Fe_L_edge.csv"), AtomicDataFile.numbers("iron_l_edge.txt", 2));
    }

    @Test
    void elementsCarryTheirZGrainMassAndDefaultGasFraction() {
        OracleTable source = OracleTable.read("atomic/tbabs_elements.csv");
        double[] z = source.column("Z");
        double[] mass = source.column("grain_mass_amu");
        double[] gas = source.column("default_gas_fraction");
        assertEquals(IsmSpecies.ELEMENTS.size(), z.length);
        for (IsmSpecies element : IsmSpecies.ELEMENTS) {
            int k = element.ordinal();
            assertEquals(z[k], element.atomicNumber(), element.name());
            assertEquals(mass[k], element.grainMass(), element.name());
            assertEquals(gas[k], element.defaultGasFraction(), element.name());
        }
    }

    @Test
    void constantsAreThoseOfTheTbabsCode() {
        // The source is in long format, one row per (name, index); the table ranges it also lists
        // are the edge tables' own end points, and NH_UNIT is IsmAbsorption.NH_UNIT.
        Map<String, List<Double>> source = new LinkedHashMap<>();
        OracleTable constants = OracleTable.read("atomic/tbabs_constants.csv");
        String[] names = constants.text("name");
        double[] numbers = constants.column("value");
        for (int r = 0; r < names.length; r++) {
            source.computeIfAbsent(names[r], k -> new ArrayList<>()).add(numbers[r]);
        }
        assertEquals(source.remove("NH_UNIT").get(0), IsmAbsorption.NH_UNIT);
        assertRange(source.remove("O_TABLE_RANGE"), EdgeTable.OXYGEN_K);
        assertRange(source.remove("NE_TABLE_RANGE"), EdgeTable.NEON_K);
        assertRange(source.remove("FE_TABLE_RANGE"), EdgeTable.IRON_L);
        Map<String, double[]> ours = AtomicDataFile.namedValues("tbabs_constants.txt");
        assertEquals(source.keySet(), ours.keySet());
        source.forEach((name, values) -> assertArrayEquals(values.stream().mapToDouble(Double::doubleValue).toArray(), ours.get(name), name));
    }

    private static void assertRange(List<Double> range, EdgeTable table) {
        assertEquals(range.get(0), table.first());
        assertEquals(range.get(1), table.last());
    }

    private static void assertSameNumbers(OracleTable source, double[][] ours) {
        assertEquals(source.rows(), ours.length, "rows");
        for (int c = 0; c < source.columns().size(); c++) {
            double[] column = source.column(source.columns().get(c));
            for (int r = 0; r < ours.length; r++) {
                assertEquals(column[r], ours[r][c], source.columns().get(c) + " row " + (r + 1));
            }
        }
    }
}
