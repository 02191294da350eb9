package org.sixsa4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.autodiff.Tape;

class NetworkFilesTest {

    @TempDir
    Path dir;

    /**
     * A network of every layer type, with running statistics moved away from their initial
     * values by a few training-mode passes, saved and loaded: eval-mode outputs agree bit for bit.
     */
    @ParameterizedTest
    @ValueSource(longs = {81, 82, 83})
    void roundTripGivesIdenticalOutputs(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Sequential network = new Sequential(
                Mlp.builder(5, 12, 8).activation(Activation.TANH).batchNorm(true).dropout(0.1).build(rng),
                new ResidualBlock(8, 0, Activation.RELU, 0.2, true, rng),
                Activation.GELU.module(),
                new Linear(8, 3, false, rng));
        try (Tape tape = Tape.create()) {
            for (int i = 0; i < 3; i++) {
                network.forward(tape, tape.constant(LayersTest.random(16, 5, rng)));
                tape.reset();
            }
        }
        network.eval();
        Path folder = dir.resolve("net" + seed);
        NetworkFiles.save(network, folder);
        Module loaded = NetworkFiles.load(folder);

        assertEquals(LayersTest.names(network.parameters()), LayersTest.names(loaded.parameters()));
        assertEquals(network.buffers().keySet(), loaded.buffers().keySet());
        FMatrixRMaj x = LayersTest.random(7, 5, rng);
        try (Tape tape = Tape.create()) {
            float[] expected = network.forward(tape, tape.constant(x)).value().data.clone();
            tape.reset();
            assertArrayEquals(expected, loaded.forward(tape, tape.constant(x)).value().data.clone(), "seed " + seed);
        }
        assertTrue(!loaded.training());
    }

    /** The weights file holds PyTorch's names and shapes, parameters first, so {@code load_state_dict} accepts it. */
    @Test
    void weightsUseStateDictNamesAndShapes() {
        Sequential mlp = Mlp.builder(3, 4, 2).batchNorm(true).build(RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        NetworkFiles.save(mlp, dir);
        Map<String, SafeTensors.Entry> stored = SafeTensors.read(dir.resolve(NetworkFiles.WEIGHTS)).tensors();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias", "1.running_mean", "1.running_var"),
                List.copyOf(stored.keySet()));
        assertArrayEquals(new int[] {4, 3}, stored.get("0.weight").shape());
        assertArrayEquals(new int[] {4}, stored.get("1.running_var").shape());
        assertArrayEquals(new int[] {2, 4}, stored.get("3.weight").shape());
    }

    @Test
    void mismatchesAreReportedWithTheFile() throws IOException {
        Sequential mlp = Mlp.builder(3, 4, 2).build(RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        NetworkFiles.save(mlp, dir);
        Path architecture = dir.resolve(NetworkFiles.ARCHITECTURE);
        String json = Files.readString(architecture);

        Files.writeString(architecture, json.replace("\"out_features\" : 4", "\"out_features\" : 5")
                .replace("\"in_features\" : 4", "\"in_features\" : 5"));
        InvalidInputException shape = assertThrows(InvalidInputException.class, () -> NetworkFiles.load(dir));
        assertTrue(shape.getMessage().contains(NetworkFiles.WEIGHTS) && shape.getMessage().contains("'0.weight' has shape [4, 3]"),
                shape.getMessage());

        Files.writeString(architecture, json.replace("\"bias\" : true", "\"bias\" : \"yes\""));
        InvalidInputException type = assertThrows(InvalidInputException.class, () -> NetworkFiles.load(dir));
        assertTrue(type.getMessage().startsWith(architecture.toString()) && type.getMessage().contains("network.modules[0].bias"),
                type.getMessage());

        Files.writeString(architecture, json.replace("\"linear\"", "\"convolution\""));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> NetworkFiles.load(dir));
        assertTrue(unknown.getMessage().contains("convolution"), unknown.getMessage());

        Files.delete(architecture);
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> NetworkFiles.load(dir));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }
}
