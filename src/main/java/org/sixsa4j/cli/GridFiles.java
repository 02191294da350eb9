package org.sixsa4j.cli;

import java.nio.file.Path;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.OgipFileKind;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.EnergyGrid;

/** Energy grids taken from existing OGIP files. */
final class GridFiles {
    private GridFiles() {
    }

    /** The input energy bins of an ARF or RMF. */
    static EnergyGrid energyBins(Path file) {
        if (OgipFileKind.of(file) == OgipFileKind.ARF) {
            Arf arf = ArfFile.read(file);
            return EnergyGrid.of(arf.energyLow(), arf.energyHigh());
        }
        Rmf rmf = RmfFile.read(file);
        return EnergyGrid.of(rmf.energyLow(), rmf.energyHigh());
    }
}
