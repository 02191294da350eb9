package org.sixsa4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.nn.Mlp;
import org.sixsa4j.nn.NetworkFiles;

class CompressorFilesTest {

    @TempDir
    Path dir;

    private static final PowerLawSpectra SPECTRA = PowerLawSpectra.draw(120, 61);

    /** Summary statistics over the power-law spectra's bins: 6 bands, hardness ratios, one line window. */
    private static SummaryStatistics summary() {
        double[] low = new double[PowerLawSpectra.BINS];
        double[] high = new double[PowerLawSpectra.BINS];
        for (int j = 0; j < low.length; j++) {
            low[j] = PowerLawSpectra.edge(j);
            high[j] = PowerLawSpectra.edge(j + 1);
        }
        return SummaryStatistics.of(low, high, SummarySettings.defaults().withBands(6).withDifferentialRatios(false).withLineWindow(6.2, 6.8));
    }

    static Stream<Arguments> compressors() {
        return Stream.of(
                Arguments.of("pca", PrincipalComponents.fit(SPECTRA.counts(), PcaSettings.defaults().withMaxComponents(6))),
                Arguments.of("summary", summary()),
                Arguments.of("autoencoder", SpectralAutoEncoder.fit(SPECTRA.counts(),
                        SpectralAutoEncoderTest.SMALL.withMaxEpochs(3).withSeed(61).withHiddenWidths(40, 20))));
    }

    /** Saved and read back, each kind gives the same features bit for bit, with the same names. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compressors")
    void roundTripGivesIdenticalFeatures(String kind, Compressor compressor) {
        Path folder = dir.resolve(kind);
        CompressorFiles.save(compressor, folder);
        Compressor loaded = CompressorFiles.load(folder);

        assertEquals(compressor.getClass(), loaded.getClass());
        assertEquals(compressor.inputSize(), loaded.inputSize());
        assertEquals(compressor.names(), loaded.names());
        double[][] expected = compressor.compress(SPECTRA.counts());
        double[][] actual = loaded.compress(SPECTRA.counts());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, kind + ", spectrum " + i);
        }
        if (compressor instanceof SpectralAutoEncoder ae) {
            SpectralAutoEncoder back = (SpectralAutoEncoder) loaded;
            assertArrayEquals(ae.reconstruct(SPECTRA.counts()[3]), back.reconstruct(SPECTRA.counts()[3]), 0.0);
            assertEquals(ae.settings().toString(), back.settings().withHiddenWidths(40, 20).toString());
            assertTrue(ae.history().isPresent());
            assertFalse(back.history().isPresent());
            assertTrue(Files.isRegularFile(folder.resolve(CompressorFiles.ENCODER).resolve(NetworkFiles.WEIGHTS)));
        }
    }

    @Test
    void problemsNameTheFileAndKey() throws IOException {
        String missing = assertThrows(InvalidInputException.class, () -> CompressorFiles.load(dir.resolve("none"))).getMessage();
        assertTrue(missing.contains(CompressorFiles.SETTINGS) && missing.contains("no such file"), missing);

        Compressor pca = PrincipalComponents.fit(SPECTRA.counts(), PcaSettings.defaults().withMaxComponents(3));
        Path folder = dir.resolve("pca");
        CompressorFiles.save(pca, folder);
        Path file = folder.resolve(CompressorFiles.SETTINGS);
        String json = Files.readString(file, StandardCharsets.UTF_8);

        Files.writeString(file, json.replace("\"pca\"", "\"wavelets\""), StandardCharsets.UTF_8);
        String type = assertThrows(InvalidInputException.class, () -> CompressorFiles.load(folder)).getMessage();
        assertTrue(type.contains("type") && type.contains("wavelets"), type);

        Files.writeString(file, json.replace("\"total_variance\"", "\"total\""), StandardCharsets.UTF_8);
        String key = assertThrows(InvalidInputException.class, () -> CompressorFiles.load(folder)).getMessage();
        assertTrue(key.contains("total_variance") && key.contains("missing"), key);

        Files.writeString(file, json.replace("\"scale\" : [ ", "\"scale\" : [ -1, "), StandardCharsets.UTF_8);
        String scale = assertThrows(InvalidInputException.class, () -> CompressorFiles.load(folder)).getMessage();
        assertTrue(scale.contains(CompressorFiles.SETTINGS), scale);

        assertThrows(IllegalArgumentException.class, () -> CompressorFiles.save(new Compressor() {
            public int inputSize() {
                return 1;
            }

            public int outputSize() {
                return 1;
            }

            public List<String> names() {
                return List.of("x");
            }

            public double[] compress(double[] counts) {
                return counts;
            }
        }, dir.resolve("other")));
    }

    /** An encoder swapped for a network of another shape is caught when read, naming its folder. */
    @Test
    void networkOfTheWrongShapeIsRejected() {
        SpectralAutoEncoder ae = SpectralAutoEncoder.fit(SPECTRA.counts(), SpectralAutoEncoderTest.SMALL.withMaxEpochs(1));
        Path folder = dir.resolve("ae");
        CompressorFiles.save(ae, folder);
        NetworkFiles.save(Mlp.builder(PowerLawSpectra.BINS, 9).build(RandomSource.XO_RO_SHI_RO_128_PP.create(1)),
                folder.resolve(CompressorFiles.ENCODER));
        String message = assertThrows(InvalidInputException.class, () -> CompressorFiles.load(folder)).getMessage();
        assertTrue(message.contains(CompressorFiles.ENCODER) && message.contains("expected 8"), message);
    }

    /** The factories give what the direct fits give, so a round loop can hold any of them. */
    @Test
    void factoriesFitLikeTheDirectCalls() {
        double[][] counts = SPECTRA.counts();
        PcaSettings pcaSettings = PcaSettings.defaults().withMaxComponents(4);
        assertArrayEquals(PrincipalComponents.fit(counts, pcaSettings).compress(counts[0]),
                CompressorFactory.pca(pcaSettings).fit(counts).compress(counts[0]), 0.0);
        AutoEncoderSettings aeSettings = SpectralAutoEncoderTest.SMALL.withMaxEpochs(2);
        assertArrayEquals(SpectralAutoEncoder.fit(counts, aeSettings).compress(counts[0]),
                CompressorFactory.autoEncoder(aeSettings).fit(counts).compress(counts[0]), 0.0);
        Compressor summary = summary();
        assertSame(summary, CompressorFactory.fixed(summary).fit(counts));
    }
}
