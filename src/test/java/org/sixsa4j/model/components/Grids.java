package org.sixsa4j.model.components;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.sixsa4j.SharedData;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.ogip.RmfFile;

/**
 * Energy grids for the component tests: the input grids of the real responses in
 * ../shared/data/ogip (skipped when absent) and random ones.
 */
final class Grids {
    /** The XMM-Newton EPIC-pn grid: 2067 bins, 0.05–16.005 keV, 1–15 eV wide. */
    static final String PN = "xmm-pn";
    /** Chandra ACIS: 1090 bins of 10 eV, 0.1–11 keV. */
    static final String ACIS = "chandra-acis";
    /** Athena WFI: 1529 bins of 9.7 eV, 0.1–15 keV. */
    static final String WFI = "athena-wfi";
    /** Athena X-IFU: 19362 bins of 0.57–0.78 eV, 0.15–12 keV. */
    static final String XIFU = "athena-xifu";

    private Grids() {
    }

    /** {low, high} of a real grid, or a skipped test when the shared data are absent. */
    static double[][] real(String name) {
        switch (name) {
            case PN:
                return arf("ogip/xmm-pn-ngc7793/PN.arf");
            case ACIS:
                return arf("ogip/chandra-acis-3c273/3c273.arf");
            case WFI:
                Rmf rmf = RmfFile.read(SharedData.file("ogip/athena-wfi-sim/athenapp_ir_b4c_wfi_withfilter_fov40.0arcmin_avg.rsp"));
                return new double[][] {rmf.energyLow(), rmf.energyHigh()};
            case XIFU:
                return arf("ogip/xifu-sim/athena_xifu_13_rows_no_filter.arf");
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static double[][] arf(String path) {
        Arf arf = ArfFile.read(SharedData.file(path));
        return new double[][] {arf.energyLow(), arf.energyHigh()};
    }

    /**
     * n contiguous random bins from about {@code start} keV, each 1e-5 to 30 % wide (relative),
     * as in microcalorimeter and coarse grids.
     */
    static double[][] random(UniformRandomProvider rng, int n, double start) {
        double[] edges = new double[n + 1];
        edges[0] = start * (0.5 + rng.nextDouble());
        for (int i = 1; i <= n; i++) {
            edges[i] = edges[i - 1] * (1 + Math.pow(10, -5 + 4.5 * rng.nextDouble()));
        }
        return new double[][] {Arrays.copyOf(edges, n), Arrays.copyOfRange(edges, 1, n + 1)};
    }

    /** Every k-th bin of a grid, to keep oracle tests on the large grids short. */
    static double[][] every(double[][] grid, int k) {
        int n = (grid[0].length + k - 1) / k;
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = grid[0][i * k];
            hi[i] = grid[1][i * k];
        }
        return new double[][] {lo, hi};
    }
}
