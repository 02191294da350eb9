package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sixsa4j.ogip.ArfFile;
import org.sixsa4j.ogip.BadOgipFiles;
import org.sixsa4j.ogip.PhaFile;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.RmfFile;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Instruments;

/**
 * The small broken inputs committed under {@code src/test/resources/bad/}, so the corpus can be
 * looked at and tried by hand ({@code sixsa info src/test/resources/bad/channel-mismatch.pha}).
 *
 * <p>They were written once by {@link #writeCommittedFiles}; run it again after a change to the
 * writers with {@code ./mvnw -o test -Dtest=BadFiles -Dsixsa4j.writeBadFiles=src/test/resources/bad}.
 * Some are copies of {@link BadOgipFiles} cases under the same name, so the expectations of that
 * corpus apply to them.
 */
class BadFiles {
    /** The valid spectrum of the folder: 8 PI channels of 1 keV from 0.5 to 8.5 keV, linked to small.rmf. */
    static final String GOOD_PHA = "small.pha";
    /** The valid response of the folder: 32 input bins of 0.25 keV, 8 channels numbered from 1. */
    static final String GOOD_RMF = "small.rmf";

    /** The {@link BadOgipFiles} cases that are also committed, under the same file names. */
    static final List<String> COPIED = List.of("no-spectrum.pha", "no-exposure.pha", "negative-counts.pha",
            "fractional-counts.pha", "no-matrix.rmf", "no-ebounds.rmf", "n-chan-beyond-matrix.rmf",
            "decreasing-energy.rmf", "nan-specresp.arf");

    /** A committed file, as it lies on the test class path. */
    static Path committed(String name) {
        URL url = BadFiles.class.getResource("/bad/" + name);
        if (url == null) {
            throw new IllegalStateException("src/test/resources/bad/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "sixsa4j.writeBadFiles", matches = ".+")
    void writeCommittedFiles(@TempDir Path scratch) throws IOException {
        Path dir = Path.of(System.getProperty("sixsa4j.writeBadFiles"));
        Files.createDirectories(dir);
        write(dir);
        for (BadOgipFiles.Case c : BadOgipFiles.writeAll(scratch)) {
            if (COPIED.contains(c.name())) {
                Files.copy(c.file(), dir.resolve(c.name()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> assertTrue(f.toFile().length() < 100_000, f + " should stay small"));
        }
    }

    /** Writes the files made for the command line (not copies of the reader corpus) into {@code dir}. */
    static void write(Path dir) throws IOException {
        EnergyGrid input = EnergyGrid.linear(0.5, 8.5, 32);
        EnergyGrid channels = EnergyGrid.linear(0.5, 8.5, 8);
        RmfFile.write(Instruments.gaussianRmf(input, channels, 1, e -> 0.3), dir.resolve(GOOD_RMF));
        double[] counts = {3, 7, 12, 9, 5, 2, 1, 0};
        PhaSpectrum small = PhaSpectrum.builder().counts(counts).consecutiveChannels(1).exposure(100)
                .channelType("PI").respFile(GOOD_RMF).build();
        PhaFile.write(small, dir.resolve(GOOD_PHA));

        // The SPECTRUM data (8 rows of CHANNEL and COUNTS, 4 bytes each) open the last 2880-byte
        // block; keep 30 of their 64 bytes. (Cutting only the zero padding after them would leave
        // every value readable, which readers tolerate.)
        byte[] bytes = Files.readAllBytes(dir.resolve(GOOD_PHA));
        Files.write(dir.resolve("truncated.pha"), Arrays.copyOf(bytes, bytes.length - 2880 + 30));
        Files.writeString(dir.resolve("not-fits.pha"), "# channel counts\n1 3\n2 7\n3 12\n4 9\n");
        PhaFile.write(small.toBuilder().respFile("missing.rmf").build(), dir.resolve("broken-respfile.pha"));
        PhaFile.write(PhaSpectrum.builder().counts(new double[] {3, 7, 12, 9, 5, 2, 1, 0, 0, 1}).consecutiveChannels(1)
                .exposure(100).channelType("PI").respFile(GOOD_RMF).build(), dir.resolve("channel-mismatch.pha"));
        PhaFile.write(small.toBuilder().consecutiveChannels(0).build(), dir.resolve("first-channel-mismatch.pha"));
        // Half as many energy bins as small.rmf, over the same range.
        ArfFile.write(Instruments.arf(EnergyGrid.linear(0.5, 8.5, 16), e -> 100), dir.resolve("other-grid.arf"));
        PhaFile.write(small.toBuilder().ancrFile("other-grid.arf").build(), dir.resolve("arf-mismatch.pha"));
    }
}
