package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.model.ComponentType;
import org.sixsa4j.model.Components;
import org.sixsa4j.model.ParameterInfo;

class ModelCommandTest {

    @Test
    void listNamesEveryComponentAndParameter() {
        Cli.Result r = Cli.run("model", "--list");
        assertEquals(0, r.status(), r.transcript());
        for (ComponentType c : Components.all()) {
            assertTrue(r.out().contains(c.name()), c.name() + " missing from\n" + r.out());
            for (ParameterInfo p : c.parameters()) {
                assertTrue(r.out().contains(p.name()), c.name() + "." + p.name() + " missing");
            }
        }
    }

    @Test
    void evalPrintsOneLinePerBinWithTheIntegralAndTheDensity() {
        Cli.Result r = Cli.run("model", "--eval", "--model", "powerlaw", "--par", "PhoIndex=2", "--par", "norm=3", "--grid", "1:3:1");
        assertEquals(0, r.status(), r.transcript());
        List<String> rows = r.out().lines().filter(l -> !l.startsWith("#") && !l.startsWith("E_lo")).toList();
        assertEquals(2, rows.size(), r.out());
        // ∫ 3 E^-2 dE over [1, 2] is 1.5, over [2, 3] is 0.5; the bins are 1 keV wide.
        String[] first = rows.get(0).split(",");
        assertEquals(1.5, Double.parseDouble(first[2]), 1e-8);
        assertEquals(1.5, Double.parseDouble(first[3]), 1e-8);
        assertEquals(0.5, Double.parseDouble(rows.get(1).split(",")[2]), 1e-8);
    }

    @Test
    void evalWritesTheCsvToAFileWhenAsked(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sub/model.csv");
        Cli.Result r = Cli.run("model", "--eval", "--model", "tbabs*powerlaw", "--par", "nH=0.5", "--abund", "wilm",
                "--log-grid", "0.1:10:50", "--out", out.toString());
        assertEquals(0, r.status(), r.transcript());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).contains("abund wilm"), lines.get(1));
        assertEquals(3 + 50, lines.size());
        // Absorption removes most of the flux at 0.1 keV and almost none at 10 keV.
        double lowDensity = Double.parseDouble(lines.get(3).split(",")[3]);
        double lowUnabsorbed = Math.pow(Double.parseDouble(lines.get(3).split(",")[0]), -1);
        assertTrue(lowDensity < 1e-6 * lowUnabsorbed, lines.get(3));
    }

    @Test
    void evalNeedsExactlyOneGrid() {
        Cli.Result r = Cli.run("model", "--eval", "--model", "powerlaw");
        assertEquals(2, r.status(), r.transcript());
        assertTrue(r.err().contains("--grid"), r.err());
    }
}
