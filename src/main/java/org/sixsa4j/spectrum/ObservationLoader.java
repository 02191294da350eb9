package org.sixsa4j.spectrum;

import java.nio.file.Path;
import java.util.Optional;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.OgipLinks;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.RmfFile;

/**
 * Loads an {@link Observation} from a PHA file, following its RESPFILE, ANCRFILE and BACKFILE
 * links (OGIP/92-007) unless overridden. Every problem comes back as a one-line
 * {@link org.sixsa4j.InvalidInputException} naming the file, HDU and keyword.
 *
 * <pre>{@code
 * Observation obs = ObservationLoader.of(Path.of("PN_spectrum_grp20.fits")).load().noticeOnly(0.5, 10);
 * Observation xifu = ObservationLoader.of(pha).rmf(rebuiltRmf).load();
 * }</pre>
 */
public final class ObservationLoader {
    private final Path pha;
    private int row = -1;
    private Path rmf;
    private Path arf;
    private Path background;
    private boolean noArf;
    private boolean noBackground;

    private ObservationLoader(Path pha) {
        this.pha = pha;
    }

    /** A loader for a PHA file; for a type II file, choose the spectrum with {@link #row(int)}. */
    public static ObservationLoader of(Path pha) {
        return new ObservationLoader(pha);
    }

    /** Reads row {@code row} (0-based) of a type II file. */
    public ObservationLoader row(int row) {
        this.row = row;
        return this;
    }

    /** Uses this RMF or RSP instead of RESPFILE. */
    public ObservationLoader rmf(Path file) {
        this.rmf = file;
        return this;
    }

    /** Uses this ARF instead of ANCRFILE. */
    public ObservationLoader arf(Path file) {
        this.arf = file;
        this.noArf = false;
        return this;
    }

    /** Ignores ANCRFILE (for a response that already includes the area). */
    public ObservationLoader noArf() {
        this.arf = null;
        this.noArf = true;
        return this;
    }

    /** Uses this background spectrum instead of BACKFILE. */
    public ObservationLoader background(Path file) {
        this.background = file;
        this.noBackground = false;
        return this;
    }

    /** Ignores BACKFILE. */
    public ObservationLoader noBackground() {
        this.background = null;
        this.noBackground = true;
        return this;
    }

    /** Reads the files and builds the observation, with every good group noticed. */
    public Observation load() {
        PhaSpectrum spectrum = row < 0 ? PhaFile.read(pha) : PhaFile.readRow(pha, row);
        Path rmfFile = rmf != null ? rmf : OgipLinks.response(spectrum).map(OgipLinks.Link::file).orElseThrow(() ->
                org.sixsa4j.InvalidInputException.inFile(pha, spectrum.hdu(), "RESPFILE",
                        "names no response; give one explicitly"));
        Arf area = null;
        if (arf != null) {
            area = ArfFile.read(arf);
        } else if (!noArf) {
            area = OgipLinks.ancillary(spectrum).map(l -> ArfFile.read(l.file())).orElse(null);
        }
        PhaSpectrum bkg = null;
        if (background != null) {
            bkg = PhaFile.read(background);
        } else if (!noBackground) {
            Optional<OgipLinks.Link> link = OgipLinks.background(spectrum);
            if (link.isPresent()) {
                OgipLinks.Link l = link.get();
                bkg = l.row() < 0 ? PhaFile.read(l.file()) : PhaFile.readRow(l.file(), l.row());
            }
        }
        return Observation.of(spectrum, Response.of(RmfFile.read(rmfFile), area), bkg);
    }
}
