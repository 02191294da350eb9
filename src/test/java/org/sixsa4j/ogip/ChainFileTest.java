package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainFileTest {

    @Test
    void writesXspecsLayoutAndReadsItBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("posterior.fits");
        double[][] samples = {{0.1, 1.8}, {0.12, 1.75}, {0.09, 1.9}, {0.11, 1.82}};
        double[] stat = {100.5, 101.2, 99.8, 100.1};
        ChainFile.write(file, List.of("nH", "PhoIndex"), new int[] {1, 2}, samples, stat, "GoodmanWeare", 2);

        // Read with nom-tam-fits directly: what XSPEC would see.
        try (Fits fits = new Fits(file.toFile())) {
            BinaryTableHDU hdu = (BinaryTableHDU) fits.getHDU(1);
            assertEquals("CHAIN", hdu.getHeader().getStringValue("EXTNAME"));
            assertEquals("nH__1", hdu.getColumnName(0));
            assertEquals("PhoIndex__2", hdu.getColumnName(1));
            assertEquals("FIT_STATISTIC", hdu.getColumnName(2));
            assertEquals(2, hdu.getHeader().getIntValue("NWALKERS"));
            assertEquals("GoodmanWeare", hdu.getHeader().getStringValue("CHAINTYP"));
        }
        ChainFile.Contents c = ChainFile.read(file);
        assertEquals(List.of("nH__1", "PhoIndex__2", "FIT_STATISTIC"), c.columns());
        assertEquals(4, c.rows().length);
        assertArrayEquals(new double[] {0.09, 1.9, 99.8}, c.rows()[2]);
        assertEquals("GoodmanWeare", c.chainType());
        assertEquals(2, c.walkers());
    }
}
