package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An OGIP ancillary response (ARF, CAL/GEN/92-002): effective area SPECRESP in cm² on the input
 * energy bins [ENERG_LO, ENERG_HI] in keV.
 */
public final class Arf {
    private final Path file;
    private final double[] energyLow;
    private final double[] energyHigh;
    private final double[] specresp;
    private final String telescope;
    private final String instrument;

    /**
     * @param file the source file, or {@code null} for an ARF made in memory
     * @param energyLow ENERG_LO in keV; copied
     * @param energyHigh ENERG_HI in keV; copied
     * @param specresp SPECRESP in cm²; copied
     */
    public Arf(Path file, double[] energyLow, double[] energyHigh, double[] specresp,
               String telescope, String instrument) {
        if (energyLow.length != energyHigh.length || energyLow.length != specresp.length) {
            throw new IllegalArgumentException("ENERG_LO, ENERG_HI and SPECRESP differ in length");
        }
        this.file = file;
        this.energyLow = energyLow.clone();
        this.energyHigh = energyHigh.clone();
        this.specresp = specresp.clone();
        this.telescope = telescope;
        this.instrument = instrument;
    }

    /** The file it was read from, or {@code null}. */
    public Path file() {
        return file;
    }

    /** Number of energy bins. */
    public int size() {
        return specresp.length;
    }

    /** ENERG_LO in keV. */
    public double[] energyLow() {
        return energyLow.clone();
    }

    /** ENERG_HI in keV. */
    public double[] energyHigh() {
        return energyHigh.clone();
    }

    /** SPECRESP in cm². */
    public double[] specresp() {
        return specresp.clone();
    }

    /** Effective area of one bin in cm². */
    public double area(int bin) {
        return specresp[bin];
    }

    /** TELESCOP, or {@code null}. */
    public String telescope() {
        return telescope;
    }

    /** INSTRUME, or {@code null}. */
    public String instrument() {
        return instrument;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Arf)) {
            return false;
        }
        Arf a = (Arf) o;
        return Arrays.equals(energyLow, a.energyLow) && Arrays.equals(energyHigh, a.energyHigh)
                && Arrays.equals(specresp, a.specresp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(specresp);
    }

    @Override
    public String toString() {
        return "Arf[" + (file == null ? "memory" : file.getFileName()) + ", " + size() + " bins]";
    }
}
