package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An OGIP redistribution matrix (RMF, or RSP when it includes the effective area;
 * CAL/GEN/92-002): the probability that a photon in input energy bin {@code e} is recorded in
 * channel {@code c}, plus the channel energy bounds of the EBOUNDS extension.
 *
 * <p>The matrix is held in compressed rows by input energy: the non-zeros of energy bin
 * {@code e} are {@code value[rowStart[e] .. rowStart[e+1]-1]} in channels
 * {@code channelIndex[...]}. A channel index counts from 0 at {@link #firstChannel()}, the channel
 * number of the first EBOUNDS row, so index {@code i} is channel number {@code firstChannel + i}.
 */
public final class Rmf {
    private final Path file;
    private final String hdu;
    private final double[] energyLow;
    private final double[] energyHigh;
    private final int firstChannel;
    private final double[] channelLow;
    private final double[] channelHigh;
    private final int[] rowStart;
    private final int[] channelIndex;
    private final double[] value;
    private final boolean includesArea;
    private final String telescope;
    private final String instrument;
    private final String channelType;

    /**
     * @param file the file, or {@code null} for a matrix made in memory
     * @param hdu the matrix HDU name (MATRIX or SPECRESP MATRIX), or {@code null}
     * @param energyLow ENERG_LO in keV
     * @param energyHigh ENERG_HI in keV
     * @param firstChannel the channel number of channel index 0
     * @param channelLow EBOUNDS E_MIN in keV, one per channel
     * @param channelHigh EBOUNDS E_MAX in keV, one per channel
     * @param rowStart compressed-row offsets, {@code energyLow.length + 1} long
     * @param channelIndex channel index of each stored value, increasing within a row
     * @param value the stored values
     * @param includesArea whether the values include the effective area (an RSP)
     */
    public Rmf(Path file, String hdu, double[] energyLow, double[] energyHigh, int firstChannel,
               double[] channelLow, double[] channelHigh, int[] rowStart, int[] channelIndex,
               double[] value, boolean includesArea, String telescope, String instrument,
               String channelType) {
        int ne = energyLow.length;
        if (energyHigh.length != ne || rowStart.length != ne + 1) {
            throw new IllegalArgumentException("energy grid and row offsets disagree");
        }
        if (channelLow.length != channelHigh.length) {
            throw new IllegalArgumentException("E_MIN and E_MAX differ in length");
        }
        if (channelIndex.length != value.length || rowStart[ne] != value.length) {
            throw new IllegalArgumentException("row offsets do not match the stored values");
        }
        this.file = file;
        this.hdu = hdu;
        this.energyLow = energyLow.clone();
        this.energyHigh = energyHigh.clone();
        this.firstChannel = firstChannel;
        this.channelLow = channelLow.clone();
        this.channelHigh = channelHigh.clone();
        this.rowStart = rowStart.clone();
        this.channelIndex = channelIndex.clone();
        this.value = value.clone();
        this.includesArea = includesArea;
        this.telescope = telescope;
        this.instrument = instrument;
        this.channelType = channelType;
    }

    /** The file it was read from, or {@code null}. */
    public Path file() {
        return file;
    }

    /** The matrix HDU name, or {@code null}. */
    public String hdu() {
        return hdu;
    }

    /** Number of input energy bins. */
    public int energies() {
        return energyLow.length;
    }

    /** Number of channels (DETCHANS, the EBOUNDS rows). */
    public int channels() {
        return channelLow.length;
    }

    /** Number of stored matrix values. */
    public int nonZeros() {
        return value.length;
    }

    /** Number of stored values that are not zero. */
    public int strictlyNonZeros() {
        int n = 0;
        for (double v : value) {
            if (v != 0.0) {
                n++;
            }
        }
        return n;
    }

    /** ENERG_LO in keV. */
    public double[] energyLow() {
        return energyLow.clone();
    }

    /** ENERG_HI in keV. */
    public double[] energyHigh() {
        return energyHigh.clone();
    }

    /** Channel number of channel index 0. */
    public int firstChannel() {
        return firstChannel;
    }

    /** EBOUNDS E_MIN in keV. */
    public double[] channelLow() {
        return channelLow.clone();
    }

    /** EBOUNDS E_MAX in keV. */
    public double[] channelHigh() {
        return channelHigh.clone();
    }

    /** Compressed-row offsets by input energy ({@code energies() + 1} values). */
    public int[] rowStart() {
        return rowStart.clone();
    }

    /** Channel index of each stored value. */
    public int[] channelIndex() {
        return channelIndex.clone();
    }

    /** The stored values. */
    public double[] values() {
        return value.clone();
    }

    /** Matrix element for input bin {@code energy} and channel index {@code channel}. */
    public double get(int energy, int channel) {
        int lo = rowStart[energy];
        int hi = rowStart[energy + 1];
        int k = Arrays.binarySearch(channelIndex, lo, hi, channel);
        return k >= 0 ? value[k] : 0.0;
    }

    /** Sum of the matrix over channels for input bin {@code energy}. */
    public double rowSum(int energy) {
        double s = 0.0;
        for (int k = rowStart[energy]; k < rowStart[energy + 1]; k++) {
            s += value[k];
        }
        return s;
    }

    /** Whether the values include the effective area (an RSP that needs no ARF). */
    public boolean includesArea() {
        return includesArea;
    }

    /** TELESCOP, or {@code null}. */
    public String telescope() {
        return telescope;
    }

    /** INSTRUME, or {@code null}. */
    public String instrument() {
        return instrument;
    }

    /** CHANTYPE, or {@code null}. */
    public String channelType() {
        return channelType;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Rmf)) {
            return false;
        }
        Rmf r = (Rmf) o;
        return firstChannel == r.firstChannel && includesArea == r.includesArea
                && Arrays.equals(energyLow, r.energyLow) && Arrays.equals(energyHigh, r.energyHigh)
                && Arrays.equals(channelLow, r.channelLow) && Arrays.equals(channelHigh, r.channelHigh)
                && Arrays.equals(rowStart, r.rowStart) && Arrays.equals(channelIndex, r.channelIndex)
                && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Rmf[" + (file == null ? "memory" : file.getFileName()) + ", " + energies()
                + " energies x " + channels() + " channels, " + nonZeros() + " values]";
    }
}
