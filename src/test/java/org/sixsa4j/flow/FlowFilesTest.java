package org.sixsa4j.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.nn.Mlp;

class FlowFilesTest {
    private static final int FEATURES = 3;
    private static final int CONTEXT = 4;

    @TempDir
    Path dir;

    /**
     * A flow whose z-scoring is far from the identity (θ around 5 with spreads 0.1 to 10, context
     * around −3), so that a round trip that dropped the statistics would change every density.
     */
    private static MaskedAutoregressiveFlow flow(MaskedAutoregressiveFlow.ContextScaling scaling, boolean embedding, long seed) {
        MaskedAutoregressiveFlow.Builder b = MaskedAutoregressiveFlow.builder(FEATURES, CONTEXT).transforms(3).hiddenFeatures(12)
                .blocks(1).contextScaling(scaling).seed(seed);
        if (embedding) {
            b.embedding(Mlp.builder(CONTEXT, 6, 5).batchNorm(true).build(RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1)), 5);
        }
        MaskedAutoregressiveFlow flow = b.build();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 2);
        FMatrixRMaj theta = new FMatrixRMaj(200, FEATURES);
        FMatrixRMaj context = new FMatrixRMaj(200, CONTEXT);
        for (int r = 0; r < 200; r++) {
            for (int j = 0; j < FEATURES; j++) {
                theta.set(r, j, (float) (5 + Math.pow(10, j - 1) * (rng.nextDouble() - 0.5)));
            }
            for (int j = 0; j < CONTEXT; j++) {
                context.set(r, j, (float) (3 + 2 * rng.nextDouble()));
            }
        }
        flow.standardize(theta, context);
        return flow;
    }

    private static double[][] points(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] theta = new double[n][FEATURES];
        for (double[] row : theta) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = 5 + Math.pow(10, j - 1) * (rng.nextDouble() - 0.5);
            }
        }
        return theta;
    }

    /** Saved and read back, a flow gives the same log-densities and the same draws from the same stream, bit for bit. */
    @ParameterizedTest
    @EnumSource(MaskedAutoregressiveFlow.ContextScaling.class)
    void roundTripIsExact(MaskedAutoregressiveFlow.ContextScaling scaling) {
        for (boolean embedding : new boolean[] {false, true}) {
            MaskedAutoregressiveFlow saved = flow(scaling, embedding, 17);
            Path folder = dir.resolve(scaling + "-" + embedding);
            FlowFiles.save(saved, folder);
            MaskedAutoregressiveFlow loaded = FlowFiles.load(folder);

            double[] x = {3.5, 4.1, 3.2, 4.9};
            double[][] theta = points(500, 5);
            assertArrayEquals(saved.logProb(theta, x), loaded.logProb(theta, x), 0.0);
            double[][] a = saved.sample(300, x, RandomSource.XO_RO_SHI_RO_128_PP.create(9));
            double[][] b = loaded.sample(300, x, RandomSource.XO_RO_SHI_RO_128_PP.create(9));
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0.0, "draw " + i);
            }
            for (int t = 0; t < saved.transforms(); t++) {
                assertArrayEquals(saved.permutation(t), loaded.permutation(t));
            }
            assertFalse(loaded.training(), "a loaded flow is in evaluation mode");
        }
    }

    /** The check above can fail: another flow of the same shape (other weights and permutations) gives other densities. */
    @Test
    void anotherFlowDiffers() {
        double[] x = {3.5, 4.1, 3.2, 4.9};
        double[][] theta = points(50, 5);
        MaskedAutoregressiveFlow.ContextScaling s = MaskedAutoregressiveFlow.ContextScaling.INDEPENDENT;
        assertNotEquals(flow(s, false, 17).logProb(theta, x)[0], flow(s, false, 18).logProb(theta, x)[0]);
    }

    @Test
    void missingOrCorruptFilesAreOneLineErrorsNamingTheFile() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> FlowFiles.load(dir.resolve("nothing")));
        assertTrue(missing.getMessage().contains(FlowFiles.ARCHITECTURE) && missing.getMessage().contains("no such file"), missing.getMessage());

        Path folder = dir.resolve("flow");
        FlowFiles.save(flow(MaskedAutoregressiveFlow.ContextScaling.LOG1P, true, 3), folder);
        Path weights = folder.resolve(FlowFiles.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length - 40));
        InvalidInputException truncated = assertThrows(InvalidInputException.class, () -> FlowFiles.load(folder));
        assertTrue(truncated.getMessage().contains(FlowFiles.WEIGHTS), truncated.getMessage());
        assertEquals(1, truncated.getMessage().lines().count(), truncated.getMessage());
        Files.write(weights, bytes);

        Path architecture = folder.resolve(FlowFiles.ARCHITECTURE);
        String json = Files.readString(architecture);
        Files.writeString(architecture, json.replaceFirst("\"permutations\" : \\[ \\[ [0-9]", "\"permutations\" : [ [ 7"));
        InvalidInputException permutation = assertThrows(InvalidInputException.class, () -> FlowFiles.load(folder));
        assertTrue(permutation.getMessage().contains(FlowFiles.ARCHITECTURE) && permutation.getMessage().contains("permutation"),
                permutation.getMessage());

        Files.writeString(architecture, json.replace("\"hidden_features\" : 12", "\"hidden_features\" : 13"));
        InvalidInputException shape = assertThrows(InvalidInputException.class, () -> FlowFiles.load(folder));
        assertTrue(shape.getMessage().contains(FlowFiles.WEIGHTS) && shape.getMessage().contains("shape"), shape.getMessage());

        Files.writeString(architecture, "{ not json");
        InvalidInputException notJson = assertThrows(InvalidInputException.class, () -> FlowFiles.load(folder));
        assertTrue(notJson.getMessage().contains(FlowFiles.ARCHITECTURE), notJson.getMessage());
    }
}
