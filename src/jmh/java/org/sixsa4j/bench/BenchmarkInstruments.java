package org.sixsa4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;
import org.sixsa4j.spectrum.Response;
import org.sixsa4j.spectrum.TransferOperator;

/**
 * The observations the benchmarks run on, by name, and the full EPIC-pn response ({@link #fullPnOperator()}):
 * <ul>
 *   <li>{@code pn}: the XMM-Newton EPIC-pn spectrum of NGC 7793 ULX-4, grouped (grp20), noticed
 *       0.5–10 keV (104 bins);</li>
 *   <li>{@code xifu}: the simulated X-IFU spectrum, optimally grouped, with its 4 eV Gaussian RMF
 *       rebuilt on the ARF grid, noticed 0.3–12 keV (2961 bins);</li>
 *   <li>{@code ccd}: the embedded CCD-like instrument, 0.3–10 keV (388 channels);</li>
 * </ul>
 * The real files are read from {@code ../shared/data/ogip} (override with
 * {@code -Dsixsa4j.shared=DIR}).
 */
final class BenchmarkInstruments {
    static final Path DATA = Path.of(System.getProperty("sixsa4j.shared", "../shared/data")).resolve("ogip");
    static final double PN_EXPOSURE = 20265.98058616;

    private BenchmarkInstruments() {
    }

    static Observation observation(String name) {
        switch (name) {
            case "ccd":
                return Instruments.ccd().observation(2e4);
            case "pn":
                return ObservationLoader.of(file("xmm-pn-ngc7793/PN_spectrum_grp20.fits")).noBackground().load().noticeOnly(0.5, 10);
            case "xifu": {
                Path arf = file("xifu-sim/athena_xifu_13_rows_no_filter.arf");
                Response response = Response.of(xifuRmf(arf), ArfFile.read(arf));
                return Observation.of(org.sixsa4j.ogip.PhaFile.read(file("xifu-sim/spectrum_opt.pha")), response, null)
                        .noticeOnly(0.3, 12);
            }
            default:
                throw new IllegalArgumentException("unknown benchmark observation " + name);
        }
    }

    /** The EPIC-pn response alone, all 4096 channels, ungrouped, as the Python peer folds it. */
    static TransferOperator fullPnOperator() {
        Response pn = Response.of(RmfFile.read(file("xmm-pn-ngc7793/PN.rmf")), ArfFile.read(file("xmm-pn-ngc7793/PN.arf")));
        return TransferOperator.ofAllChannels(pn, PN_EXPOSURE);
    }

    /** The X-IFU matrix as the data README describes it: a 4 eV FWHM Gaussian on the ARF's own grid. */
    static org.sixsa4j.ogip.Rmf xifuRmf(Path arf) {
        var a = ArfFile.read(arf);
        EnergyGrid grid = EnergyGrid.of(a.energyLow(), a.energyHigh());
        return Instruments.gaussianRmf(grid, grid, 1, e -> 0.004);
    }

    private static Path file(String relative) {
        Path p = DATA.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: these benchmarks need the workspace data (-Dsixsa4j.shared=DIR)");
        }
        return p;
    }
}
