package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ComponentType;
import org.sixsa4j.model.ParameterInfo;

/**
 * Names, units, defaults and limits as XSPEC's model.dat gives them (heasoft 6.20,
 * Xspec/src/manager/model.dat, XSPEC 12.9.1; unchanged in XSPEC 12.13–12.14 as listed by
 * Sherpa's ahelp pages), in model.dat's order: default, hard min, soft min, soft max, hard max,
 * step. The additive norm is 1 with limits 0 and 1e24.
 */
class ParameterTablesTest {
    /** name unit default hardMin softMin softMax hardMax delta, one parameter per string. */
    private static final Map<ComponentType, List<String>> XSPEC = Map.ofEntries(
            Map.entry(Cutoffpl.INSTANCE, List.of("PhoIndex - 1 -3 -2 9 10 0.01", "HighECut keV 15 0.01 1 500 500 0.01")),
            Map.entry(Bknpower.INSTANCE, List.of("PhoIndx1 - 1 -3 -2 9 10 0.01", "BreakE keV 5 0 0.01 1e6 1e6 0.01",
                    "PhoIndx2 - 2 -3 -2 9 10 0.01")),
            Map.entry(Bbody.INSTANCE, List.of("kT keV 3 1e-4 1e-2 100 200 0.01")),
            Map.entry(Bbodyrad.INSTANCE, List.of("kT keV 3 1e-4 1e-3 100 200 0.01")),
            Map.entry(Diskbb.INSTANCE, List.of("Tin keV 1 0 0 1000 1000 0.01")),
            Map.entry(Gaussian.INSTANCE, List.of("LineE keV 6.5 0 0 1e6 1e6 0.05", "Sigma keV 0.1 0 0 10 20 0.05")),
            Map.entry(Zgauss.INSTANCE, List.of("LineE keV 6.5 0 0 1e6 1e6 0.05", "Sigma keV 0.1 0 0 10 20 0.05",
                    "Redshift - 0 -0.999 -0.999 10 10 -0.01")),
            Map.entry(Lorentz.INSTANCE, List.of("LineE keV 6.5 0 0 1e6 1e6 0.05", "Width keV 0.1 0 0 10 20 0.05")),
            Map.entry(Bremss.INSTANCE, List.of("kT keV 7 1e-4 1e-4 100 200 0.05")),
            Map.entry(Zpowerlw.INSTANCE, List.of("PhoIndex - 1 -3 -2 9 10 0.01", "Redshift - 0 -0.999 -0.999 10 10 -0.01")),
            Map.entry(Constant.INSTANCE, List.of("factor - 1 0 0 1e10 1e10 0.01")),
            Map.entry(Highecut.INSTANCE, List.of("cutoffE keV 10 1e-4 1e-2 1e6 1e6 0.01", "foldE keV 15 1e-4 1e-2 1e6 1e6 0.01")),
            Map.entry(Zedge.INSTANCE, List.of("edgeE keV 7 0 0 100 100 0.05", "MaxTau - 1 0 0 5 10 0.01",
                    "Redshift - 0 -0.999 -0.999 10 10 -0.01")),
            Map.entry(Gabs.INSTANCE, List.of("LineE keV 1 0 0 1e6 1e6 0.05", "Sigma keV 0.01 0 0 10 20 0.05",
                    "Strength keV 1 0 0 1e6 1e6 0.05")),
            Map.entry(Cabs.INSTANCE, List.of("nH 10^22 1 0 0 1e5 1e6 1e-3")),
            Map.entry(Powerlaw.INSTANCE, List.of("PhoIndex - 1 -3 -2 9 10 0.01")),
            Map.entry(Tbabs.INSTANCE, List.of("nH 10^22 1 0 0 1e5 1e6 1e-3")),
            Map.entry(Ztbabs.INSTANCE, List.of("nH 10^22 1 0 0 1e5 1e6 1e-3", "Redshift - 0 -0.999 -0.999 10 10 -0.01")),
            Map.entry(Tbpcf.INSTANCE, List.of("nH 10^22 1 0 0 1e5 1e6 1e-3", "pcf - 0.5 0 0 1 1 0.01",
                    "Redshift - 0 -1 0 10 10 -0.01")),
            Map.entry(Phabs.INSTANCE, List.of("nH 10^22 1 0 0 1e5 1e6 1e-3")),
            Map.entry(Wabs.INSTANCE, List.of("nH 10^22 1 0 0 1e5 1e6 1e-3")));

    private static final Set<ComponentType> MULTIPLICATIVE = Set.of(Constant.INSTANCE, Highecut.INSTANCE, Zedge.INSTANCE,
            Gabs.INSTANCE, Cabs.INSTANCE, Tbabs.INSTANCE, Ztbabs.INSTANCE, Tbpcf.INSTANCE, Phabs.INSTANCE, Wabs.INSTANCE);

    @Test
    void everyComponentHasXspecsTable() {
        assertEquals(ComponentTesting.ALL.size(), XSPEC.size());
        for (ComponentType type : ComponentTesting.ALL) {
            List<String> expected = XSPEC.get(type);
            ComponentKind kind = MULTIPLICATIVE.contains(type) ? ComponentKind.MULTIPLICATIVE : ComponentKind.ADDITIVE;
            assertEquals(kind, type.kind(), type.name());
            List<ParameterInfo> actual = type.parameters();
            int own = kind == ComponentKind.ADDITIVE ? actual.size() - 1 : actual.size();
            assertEquals(expected.size(), own, type.name() + " parameter count");
            for (int k = 0; k < own; k++) {
                String[] f = expected.get(k).split(" ");
                ParameterInfo p = actual.get(k);
                String where = type.name() + "." + f[0];
                assertEquals(f[0], p.name(), where);
                assertEquals(f[1].equals("-") ? "" : f[1], p.unit(), where + " unit");
                assertEquals(Double.parseDouble(f[2]), p.defaultValue(), where + " default");
                assertEquals(Double.parseDouble(f[3]), p.hardMin(), where + " hard min");
                assertEquals(Double.parseDouble(f[4]), p.softMin(), where + " soft min");
                assertEquals(Double.parseDouble(f[5]), p.softMax(), where + " soft max");
                assertEquals(Double.parseDouble(f[6]), p.hardMax(), where + " hard max");
                assertEquals(Double.parseDouble(f[7]), p.delta(), where + " delta");
            }
            if (kind == ComponentKind.ADDITIVE) {
                ParameterInfo norm = actual.get(actual.size() - 1);
                assertEquals("norm", norm.name(), type.name());
                assertEquals(1.0, norm.defaultValue());
                assertEquals(0.0, norm.hardMin());
                assertEquals(1e24, norm.hardMax());
            }
            assertFalse(type.formula().isBlank(), type.name());
            assertFalse(type.reference().isBlank(), type.name());
            assertFalse(type.description().isBlank(), type.name());
        }
    }

    @Test
    void namesAreXspecsLowerCaseNames() {
        List<String> names = ComponentTesting.ALL.stream().map(ComponentType::name).toList();
        // The minimum set (issue 3, section 3), all registered.
        assertEquals(Set.of("powerlaw", "cutoffpl", "bknpower", "bbody", "bbodyrad", "diskbb", "gaussian", "zgauss", "lorentz",
                "bremss", "zpowerlw", "tbabs", "ztbabs", "tbpcf", "phabs", "wabs", "constant", "highecut", "zedge", "gabs", "cabs"),
                Set.copyOf(names));
    }
}
