package org.sixsa4j.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sixsa4j.SharedData;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.PhaFile;

/**
 * Observations built from the workspace's real and simulated OGIP files, checked against XSPEC's
 * bin counts (../shared/README.md) and against numbers read independently with astropy/scipy.
 */
class RealObservationsTest {

    @Test
    void xmmPnGroupedNoticed05To10KeVHas104BinsAsInXspec() {
        Observation pn = ObservationLoader.of(SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits")).load();
        assertEquals(104, pn.noticeOnly(0.5, 10).bins());
        // The same selection written the XSPEC way, ignoring outside: ignore **-0.5 10.-**
        assertEquals(104, pn.ignore(0, 0.5).ignore(10, 1e3).bins());
    }

    @Test
    void xmmPnTransferOperatorHasTheGroupedStructureComputedWithScipy() {
        Observation pn = ObservationLoader.of(SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits")).load().noticeOnly(0.5, 10);
        TransferOperator op = TransferOperator.of(pn);
        // From a scipy CSR of PN.rmf summed over the same 104 groups: 50 523 non-zeros, each
        // group's energies contiguous, 1490 contributing energies from index 268 to 1757.
        assertEquals(104, op.bins());
        assertEquals(50_523, op.storedValues());
        assertEquals(1490, op.energyGrid().size());
        assertEquals(268, op.firstEnergy());
    }

    @Test
    void xmmPnBackgroundIsScaledByTheBackscalRatio() {
        Observation pn = ObservationLoader.of(SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits")).load().noticeOnly(0.5, 10);
        assertNotNull(pn.background(), "BACKFILE PNbackground_spectrum.fits is followed");
        double expected = 2010100.0 / 6866200.0; // BACKSCAL keywords, equal exposures and AREASCAL
        for (double r : pn.backgroundRatio()) {
            assertEquals(expected, r, 1e-15);
        }
        double[] raw = pn.backgroundCounts();
        double[] scaled = pn.scaledBackgroundCounts();
        for (int b = 0; b < raw.length; b++) {
            assertEquals(expected * raw[b], scaled[b], 1e-12 * Math.max(1, raw[b]));
        }
    }

    @Test
    void xifuOptimallyGroupedNoticed03To12KeVHas2961BinsWithTheRebuiltGaussianRmf() {
        Path arfFile = SharedData.file("ogip/xifu-sim/athena_xifu_13_rows_no_filter.arf");
        Arf arf = ArfFile.read(arfFile);
        EnergyGrid grid = EnergyGrid.of(arf.energyLow(), arf.energyHigh());
        // The README's recipe: a pure Gaussian of 4 eV FWHM whose input and channel grids are both the ARF's grid.
        Response response = Response.of(Instruments.gaussianRmf(grid, grid, 1, e -> 0.004), arf);
        Observation xifu = Observation.of(PhaFile.read(SharedData.file("ogip/xifu-sim/spectrum_opt.pha")), response, null);
        Observation noticed = xifu.noticeOnly(0.3, 12);
        assertEquals(2961, noticed.bins());
        TransferOperator op = TransferOperator.of(noticed);
        assertTrue(op.memoryBytes() < 64L << 20, "the issue caps the X-IFU operator at 64 MiB: " + op.memoryBytes());
    }

    @Test
    void chandraSpectrumLoadsWithResponseAreaAndBackground() {
        Observation obs = ObservationLoader.of(SharedData.file("ogip/chandra-acis-3c273/3c273.pi")).load();
        assertEquals(1024, obs.response().channels());
        assertNotNull(obs.response().arf());
        assertNotNull(obs.background());
        // BACKSCAL keywords 2.5264364698914e-06 and 1.872535141462e-05, equal exposures.
        assertEquals(2.5264364698914e-06 / 1.872535141462e-05, obs.channelBackgroundRatio()[100], 1e-15);
    }

    @Test
    void athenaWfiRspNeedsNoArf() {
        Observation obs = ObservationLoader.of(SharedData.file("ogip/athena-wfi-sim/example-file.fak")).load();
        assertTrue(obs.response().rmf().includesArea());
        assertEquals(null, obs.response().arf());
        assertEquals(500.0, obs.exposure());
    }
}
