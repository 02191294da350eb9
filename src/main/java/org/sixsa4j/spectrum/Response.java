package org.sixsa4j.spectrum;

import java.nio.file.Path;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.Rmf;

/**
 * An instrument response: a redistribution matrix with, unless it already includes it, an
 * effective area on the same input energy grid. Together they give the expected counts per
 * channel per unit exposure for a photon spectrum, R(c, e) × A(e) (CAL/GEN/92-002).
 */
public final class Response {
    /**
     * Relative tolerance for "same energy grid": ARF and RMF grids are often stored in float32,
     * so values agree only to about 6e-8; anything beyond 1e-5 is a different grid.
     */
    static final double GRID_TOLERANCE = 1e-5;

    private final Rmf rmf;
    private final Arf arf;
    private final EnergyGrid energyGrid;
    private final double[] channelLow;
    private final double[] channelHigh;

    private Response(Rmf rmf, Arf arf) {
        this.rmf = rmf;
        this.arf = arf;
        this.energyGrid = EnergyGrid.of(rmf.energyLow(), rmf.energyHigh());
        this.channelLow = rmf.channelLow();
        this.channelHigh = rmf.channelHigh();
    }

    /**
     * A response from a matrix and an optional ARF.
     *
     * @param arf the effective area, or {@code null} when the matrix includes it (an RSP)
     * @throws InvalidInputException if the ARF's energy grid is not the matrix's
     */
    public static Response of(Rmf rmf, Arf arf) {
        checkGrid(rmf.file(), "ENERG_LO/ENERG_HI", rmf.energyLow(), rmf.energyHigh());
        checkChannels(rmf);
        if (arf != null) {
            checkGrid(arf.file(), "ENERG_LO/ENERG_HI", arf.energyLow(), arf.energyHigh());
            EnergyGrid a = EnergyGrid.of(arf.energyLow(), arf.energyHigh());
            EnergyGrid r = EnergyGrid.of(rmf.energyLow(), rmf.energyHigh());
            int bad = a.firstMismatch(r, GRID_TOLERANCE);
            if (bad >= 0) {
                String where = bad < Math.min(a.size(), r.size())
                        ? "bin " + bad + " is [" + a.low(bad) + ", " + a.high(bad) + "] keV in the ARF but ["
                          + r.low(bad) + ", " + r.high(bad) + "] keV in the RMF"
                        : "the ARF has " + a.size() + " energy bins but the RMF has " + r.size();
                throw InvalidInputException.inFile(arf.file(), "SPECRESP", "ENERG_LO/ENERG_HI",
                        "energy grid differs from " + name(rmf.file()) + ": " + where);
            }
        }
        return new Response(rmf, arf);
    }

    private static void checkGrid(Path file, String item, double[] low, double[] high) {
        try {
            EnergyGrid.of(low, high);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.inFile(file, null, item, "energies must increase: " + e.getMessage());
        }
    }

    private static void checkChannels(Rmf rmf) {
        double[] lo = rmf.channelLow();
        double[] hi = rmf.channelHigh();
        for (int i = 0; i < lo.length; i++) {
            if (!(hi[i] >= lo[i]) || (i > 0 && lo[i] < lo[i - 1])) {
                throw InvalidInputException.inFile(rmf.file(), "EBOUNDS", "E_MIN/E_MAX",
                        "channel bounds must increase: channel " + (rmf.firstChannel() + i) + " is [" + lo[i] + ", " + hi[i] + "] keV");
            }
        }
    }

    private static String name(Path p) {
        return p == null ? "the matrix" : p.toString();
    }

    /** The redistribution matrix. */
    public Rmf rmf() {
        return rmf;
    }

    /** The ARF, or {@code null} when the matrix includes the effective area. */
    public Arf arf() {
        return arf;
    }

    /** The input energy grid. */
    public EnergyGrid energyGrid() {
        return energyGrid;
    }

    /**
     * Lower energy bound of channel index {@code c} (EBOUNDS E_MIN) in keV. Channel bounds are not
     * an {@link EnergyGrid}: some missions give channels of zero width, which a model grid must not have.
     */
    public double channelLow(int c) {
        return channelLow[c];
    }

    /** Upper energy bound of channel index {@code c} (EBOUNDS E_MAX) in keV. */
    public double channelHigh(int c) {
        return channelHigh[c];
    }

    /** Number of channels. */
    public int channels() {
        return rmf.channels();
    }

    /** Effective area in cm² of input bin {@code e}: the ARF value, or 1 for an RSP. */
    public double area(int e) {
        return arf == null ? 1.0 : arf.area(e);
    }
}
