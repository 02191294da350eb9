package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes OGIP ancillary response files (ARF), the SPECRESP extension of
 * CAL/GEN/92-002 section 4: effective area SPECRESP in cm² on input energy bins
 * ENERG_LO..ENERG_HI in keV, one bin per row.
 *
 * <p>The extension is found by EXTNAME = SPECRESP, else as the first binary table with a
 * SPECRESP column: some simulated ARFs (the Athena X-IFU one) carry a wrong HDUCLAS2, so the
 * HDUCLASn keywords are not trusted for this. Columns may be stored in single or double
 * precision. The file is rejected when an energy is not finite or the bins are not in strictly
 * increasing order, and when an area is negative, NaN or infinite.
 */
public final class ArfFile {
    private ArfFile() {
    }

    /**
     * Reads an ARF (plain or gzipped).
     *
     * @throws org.sixsa4j.InvalidInputException with a one-line message naming the file, HDU and
     *     column when the file is missing, unreadable or not a valid ARF
     */
    public static Arf read(Path file) {
        FitsTable t = FitsTables.read(file).require("SPECRESP",
                "a binary table with EXTNAME = 'SPECRESP' and columns ENERG_LO, ENERG_HI, SPECRESP",
                s -> s.keywordIs("EXTNAME", "SPECRESP"),
                s -> s.hasColumn("SPECRESP") && s.hasColumn("ENERG_LO"));
        if (t.rows() == 0) {
            throw t.error(null, "has no rows; expected one row per energy bin");
        }
        EnergyBins bins = EnergyBins.read(t);
        double[] area = t.column("SPECRESP");
        for (int i = 0; i < area.length; i++) {
            if (!Double.isFinite(area[i]) || area[i] < 0) {
                throw t.error("SPECRESP", "row " + i + " holds " + area[i] + "; expected a finite area >= 0 cm²");
            }
        }
        return new Arf(file, bins.low, bins.high, area, t.string("TELESCOP"), t.string("INSTRUME"));
    }

    /**
     * Writes {@code arf} as an OGIP ARF (HDUCLAS2 = SPECRESP, HDUVERS 1.1.0) in double precision,
     * so that {@link #read} gives back an equal {@link Arf}. The file appears whole or not at all.
     *
     * @throws org.sixsa4j.InvalidInputException when the file cannot be written
     */
    public static void write(Arf arf, Path file) {
        FitsOutput.write(file, () -> List.of(new TableBuilder()
                .column("ENERG_LO", arf.energyLow(), "keV")
                .column("ENERG_HI", arf.energyHigh(), "keV")
                .column("SPECRESP", arf.specresp(), "cm**2")
                .keyword("EXTNAME", "SPECRESP", "name of this binary table extension")
                .keyword("HDUCLASS", "OGIP", "format conforms to OGIP standard")
                .keyword("HDUCLAS1", "RESPONSE", "dataset relates to spectral response")
                .keyword("HDUCLAS2", "SPECRESP", "dataset contains spectral response")
                .keyword("HDUVERS", "1.1.0", "version of format (CAL/GEN/92-002)")
                .keyword("TELESCOP", arf.telescope(), "mission name")
                .keyword("INSTRUME", arf.instrument(), "instrument name")
                .build()));
    }
}
