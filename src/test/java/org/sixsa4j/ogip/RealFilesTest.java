package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.SharedData;

/**
 * Reads every OGIP file of the shared workspace data and checks facts about it. The numbers come
 * from ../shared/data/README.md, from the FITS headers, or were read independently with astropy
 * 6 (astropy.io.fits and numpy, summing float32 cells as float64 in file order).
 */
class RealFilesTest {
    private static final String PN = "ogip/xmm-pn-ngc7793/";
    private static final String CHANDRA = "ogip/chandra-acis-3c273/";
    private static final String WFI = "ogip/athena-wfi-sim/";
    private static final String XIFU = "ogip/xifu-sim/";

    @Test
    void pnSpectrumReadsQualityFromTheColumnNotTheKeyword() {
        PhaSpectrum s = PhaFile.read(SharedData.file(PN + "PN_spectrum_grp20.fits"));
        assertAll(
                () -> assertEquals(4096, s.size()),
                () -> assertEquals(0, s.firstChannel(), "TLMIN1 = 0"),
                () -> assertEquals(4095, s.channels()[4095]),
                () -> assertEquals(11526.0, s.totalCounts(), "README: 11 526 counts"),
                () -> assertEquals(20265.98058616, s.exposure(), "EXPOSURE keyword"),
                () -> assertEquals(1116, s.badChannels(), "README: QUALITY column flags 1116 channels"),
                () -> assertEquals(1230, count(s.grouping(), 1), "astropy: 1230 GROUPING = 1"),
                () -> assertEquals(2010100.0, s.backscal()[0], "BACKSCAL keyword"),
                () -> assertTrue(s.poissonErrors()),
                () -> assertNull(s.statErr()),
                () -> assertEquals("PN.rmf", s.respFile()),
                () -> assertEquals("PN.arf", s.ancrFile()),
                () -> assertEquals("PNbackground_spectrum.fits", s.backFile()),
                () -> assertEquals("XMM", s.telescope()),
                () -> assertEquals("EPN", s.instrument()),
                () -> assertEquals("PI", s.channelType()),
                () -> assertEquals("SPECTRUM", s.hdu()),
                () -> assertEquals(-1, s.row()));
    }

    @Test
    void pnBackgroundHasTheReadmeBackscalRatio() {
        PhaSpectrum src = PhaFile.read(SharedData.file(PN + "PN_spectrum_grp20.fits"));
        PhaSpectrum bkg = PhaFile.read(SharedData.file(PN + "PNbackground_spectrum.fits"));
        assertEquals(6866200.0, bkg.backscal()[100], "BACKSCAL keyword");
        assertEquals(0.293, src.backscal()[0] / bkg.backscal()[0], 5e-4, "README: ratio ~ 0.293");
        assertEquals(1213.0, bkg.totalCounts(), "astropy: sum of COUNTS");
        assertEquals(0, bkg.badChannels(), "QUALITY keyword 0 and no column");
        assertEquals(0, count(bkg.grouping(), 1), "GROUPING keyword 0: no grouping");
        assertNull(bkg.respFile(), "no RESPFILE keyword");
    }

    @Test
    void chandraSpectrumHasStatErrAndLinks() {
        PhaSpectrum s = PhaFile.read(SharedData.file(CHANDRA + "3c273.pi"));
        assertAll(
                () -> assertEquals(1024, s.size()),
                () -> assertEquals(1, s.firstChannel()),
                () -> assertEquals(736.0, s.totalCounts(), "astropy: sum of COUNTS"),
                () -> assertEquals(38564.608926889, s.exposure()),
                () -> assertFalse(s.poissonErrors(), "POISSERR = F"),
                () -> assertEquals(449.715938307728, Arrays.stream(s.statErr()).sum(), 1e-9, "astropy"),
                () -> assertEquals(2.5264364698914e-06, s.backscal()[0]),
                () -> assertEquals(46, count(s.grouping(), 1), "astropy: 46 groups"),
                () -> assertEquals("3c273.rmf", s.respFile()),
                () -> assertEquals("3c273.arf", s.ancrFile()),
                () -> assertEquals("3c273_bg.pi", s.backFile()));
        PhaSpectrum bg = PhaFile.read(SharedData.file(CHANDRA + "3c273_bg.pi"));
        assertEquals(216.0, bg.totalCounts(), "astropy");
        assertNull(bg.respFile(), "RESPFILE = 'none'");
        assertEquals(1.872535141462e-05, bg.backscal()[0]);
    }

    @Test
    void simulatedSpectraMatchTheReadme() {
        PhaSpectrum wfi = PhaFile.read(SharedData.file(WFI + "example-file.fak"));
        assertEquals(500.0, wfi.exposure());
        assertEquals(4096, wfi.size());
        assertEquals(2081.0, wfi.totalCounts(), "astropy");
        assertTrue(wfi.poissonErrors());
        assertNull(wfi.ancrFile(), "blank ANCRFILE");
        assertNull(wfi.backFile(), "blank BACKFILE");

        PhaSpectrum xifu = PhaFile.read(SharedData.file(XIFU + "spectrum_opt.pha"));
        assertEquals(19362, xifu.size(), "README");
        assertEquals(82466.0, xifu.totalCounts(), "README");
        assertEquals(5.0, xifu.exposure(), "README");
        assertEquals(2997, count(xifu.grouping(), 1), "astropy: 2997 groups");
    }

    @Test
    void pnResponseMatchesAstropy() {
        Rmf r = RmfFile.read(SharedData.file(PN + "PN.rmf"));
        assertAll(
                () -> assertEquals(2067, r.energies(), "README"),
                () -> assertEquals(4096, r.channels()),
                () -> assertEquals(0, r.firstChannel(), "TLMIN4 = 0"),
                () -> assertEquals(929478, r.nonZeros(), "astropy: values inside N_CHAN"),
                () -> assertEquals(929478, r.strictlyNonZeros(), "astropy: none of them zero"),
                () -> assertEquals(0.05, r.energyLow()[0], 1e-7, "README"),
                () -> assertEquals(16.005, r.energyHigh()[2066], 1e-5, "README"),
                () -> assertFalse(r.includesArea(), "HDUCLAS3 = REDIST"),
                () -> assertEquals(0.07457616180181503, r.get(0, 0), "astropy row 0 channel 0"),
                () -> assertEquals(1.0117264537257142e-06, r.get(2066, 2823), "astropy row 2066 F_CHAN 2823"),
                () -> assertEquals(0.9999999976807885, r.rowSum(0), 1e-13),
                () -> assertEquals(0.9999999994229256, r.rowSum(500), 1e-13),
                () -> assertEquals(1.0000000008860752, r.rowSum(2066), 1e-13),
                () -> assertEquals(20.479999542236328, r.channelHigh()[4095], "astropy EBOUNDS E_MAX"),
                () -> assertEquals("MATRIX", r.hdu()));
    }

    @Test
    void chandraResponseUsesVariableLengthGroups() {
        Rmf r = RmfFile.read(SharedData.file(CHANDRA + "3c273.rmf"));
        assertEquals(1090, r.energies());
        assertEquals(1024, r.channels());
        assertEquals(1, r.firstChannel(), "TLMIN4 = 1");
        assertEquals(61834, r.nonZeros(), "astropy");
        assertEquals(0.5348330736160278, r.get(0, 7), "astropy: row 0 F_CHAN 8 is channel index 7");
        assertEquals(4.6599257075286005e-07, r.get(500, 216), "astropy: row 500 F_CHAN 217");
        assertEquals(1.000000118402312, r.rowSum(500), 1e-13);
        assertEquals(0.9999997100258327, r.rowSum(1089), 1e-13);
        assertEquals(0.0014600000577047467, r.channelLow()[0]);
        assertFalse(r.includesArea());
    }

    @Test
    void wfiResponseIgnoresFixedWidthPadding() {
        Rmf r = RmfFile.read(SharedData.file(WFI + "athenapp_ir_b4c_wfi_withfilter_fov40.0arcmin_avg.rsp"));
        assertEquals(1529, r.energies(), "README");
        assertEquals(4096, r.channels(), "README");
        assertEquals(1, r.firstChannel());
        assertEquals(70704, r.nonZeros(), "astropy: sum of N_CHAN, padding excluded");
        assertTrue(r.includesArea(), "HDUCLAS3 = FULL");
        assertEquals(68.0742416381836, r.get(0, 0), "astropy");
        assertEquals(0.08012668043375015, r.get(100, 89), "astropy: F_CHAN 90");
        assertEquals(11936.06400859356, r.rowSum(100), 1e-9);
        assertEquals(3.7809298836800735, r.rowSum(1528), 1e-12);
    }

    @Test
    void arfsMatchAstropy() {
        Arf pn = ArfFile.read(SharedData.file(PN + "PN.arf"));
        assertEquals(2067, pn.size());
        assertEquals(82.64440155029297, pn.area(100), "astropy");
        assertEquals(1264383.109889865, Arrays.stream(pn.specresp()).sum(), 1e-6);
        assertEquals("XMM", pn.telescope());

        Arf chandra = ArfFile.read(SharedData.file(CHANDRA + "3c273.arf"));
        assertEquals(1090, chandra.size());
        assertEquals(52.92781066894531, chandra.area(100), "astropy");
        assertEquals(11.0, chandra.energyHigh()[1089]);

        Arf xifu = ArfFile.read(SharedData.file(XIFU + "athena_xifu_13_rows_no_filter.arf"));
        assertEquals(19362, xifu.size(), "as many bins as the X-IFU spectrum has channels");
        assertEquals(0.15, xifu.energyLow()[0], "README: float64 from 0.15 keV");
        assertEquals(12.001607872932434, xifu.energyHigh()[19361], "astropy");
        assertEquals(922.9641274451769, xifu.area(100), "astropy");
    }

    @Test
    void arfAndRmfEnergyGridsAgree() {
        Rmf rmf = RmfFile.read(SharedData.file(PN + "PN.rmf"));
        Arf arf = ArfFile.read(SharedData.file(PN + "PN.arf"));
        assertArrayEquals(rmf.energyLow(), arf.energyLow());
        assertArrayEquals(rmf.energyHigh(), arf.energyHigh());
    }

    @Test
    void linksOfTheRealFilesResolveNextToTheSpectrum() {
        Path pha = SharedData.file(PN + "PN_spectrum_grp20.fits");
        PhaSpectrum s = PhaFile.read(pha);
        assertEquals(SharedData.file(PN + "PN.rmf").toAbsolutePath(), OgipLinks.response(s).orElseThrow().file());
        assertEquals(SharedData.file(PN + "PN.arf").toAbsolutePath(), OgipLinks.ancillary(s).orElseThrow().file());
        assertEquals(SharedData.file(PN + "PNbackground_spectrum.fits").toAbsolutePath(),
                OgipLinks.background(s).orElseThrow().file());
        assertEquals(-1, OgipLinks.response(s).orElseThrow().row());

        PhaSpectrum bg = PhaFile.read(SharedData.file(CHANDRA + "3c273_bg.pi"));
        assertTrue(OgipLinks.response(bg).isEmpty(), "RESPFILE = 'none'");

        PhaSpectrum wfi = PhaFile.read(SharedData.file(WFI + "example-file.fak"));
        assertEquals(SharedData.file(WFI + "athenapp_ir_b4c_wfi_withfilter_fov40.0arcmin_avg.rsp").toAbsolutePath(),
                OgipLinks.response(wfi).orElseThrow().file());
        assertTrue(OgipLinks.ancillary(wfi).isEmpty(), "blank ANCRFILE");
    }

    @Test
    void xifuResponseLinkNamesAFileThatIsNotProvided() {
        Path pha = SharedData.file(XIFU + "spectrum_opt.pha");
        PhaSpectrum s = PhaFile.read(pha);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OgipLinks.response(s));
        assertAll(
                () -> assertTrue(e.getMessage().contains(pha.toString()), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("[SPECTRUM] RESPFILE"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("athena_xifu_4eV_gaussian.rmf"), e.getMessage()),
                () -> assertFalse(e.getMessage().contains("\n"), e.getMessage()));
        assertEquals(SharedData.file(XIFU + "athena_xifu_13_rows_no_filter.arf").toAbsolutePath(),
                OgipLinks.ancillary(s).orElseThrow().file());
    }

    private static int count(int[] values, int value) {
        int n = 0;
        for (int v : values) {
            if (v == value) {
                n++;
            }
        }
        return n;
    }
}
