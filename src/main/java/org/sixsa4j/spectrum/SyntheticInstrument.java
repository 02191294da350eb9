package org.sixsa4j.spectrum;

import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.Rmf;

/**
 * A made-up instrument from {@link Instruments}: a matrix, an effective area and the energy
 * range it is meant to be noticed over.
 */
public final class SyntheticInstrument {
    private final String name;
    private final String description;
    private final Rmf rmf;
    private final Arf arf;
    private final double noticeLowKeV;
    private final double noticeHighKeV;

    SyntheticInstrument(String name, String description, Rmf rmf, Arf arf, double noticeLowKeV, double noticeHighKeV) {
        this.name = name;
        this.description = description;
        this.rmf = rmf;
        this.arf = arf;
        this.noticeLowKeV = noticeLowKeV;
        this.noticeHighKeV = noticeHighKeV;
    }

    /** Short name, used for file names. */
    public String name() {
        return name;
    }

    /** One line describing it. */
    public String description() {
        return description;
    }

    /** The redistribution matrix. */
    public Rmf rmf() {
        return rmf;
    }

    /** The effective area. */
    public Arf arf() {
        return arf;
    }

    /** The response. */
    public Response response() {
        return Response.of(rmf, arf);
    }

    /**
     * An observation template for simulations: zero counts, every channel its own bin, noticed
     * over the intended range.
     */
    public Observation observation(double exposureSeconds) {
        PhaSpectrum empty = PhaSpectrum.builder().counts(new double[rmf.channels()])
                .consecutiveChannels(rmf.firstChannel()).exposure(exposureSeconds)
                .telescope("SIXSA4J").instrument(name.toUpperCase(java.util.Locale.ROOT)).build();
        return Observation.of(empty, response(), null).noticeOnly(noticeLowKeV, noticeHighKeV);
    }

    /** Lower bound of the intended noticed range, keV. */
    public double noticeLowKeV() {
        return noticeLowKeV;
    }

    /** Upper bound of the intended noticed range, keV. */
    public double noticeHighKeV() {
        return noticeHighKeV;
    }
}
