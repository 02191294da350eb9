package org.sixsa4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.nn.SafeTensors.Entry;

class SafeTensorsTest {

    @TempDir
    Path dir;

    /** The bytes of the format's README: u64 LE length, JSON padded with spaces to 8, raw LE floats. */
    @Test
    void byteLayout() throws IOException {
        Map<String, Entry> tensors = new LinkedHashMap<>();
        tensors.put("w", new Entry(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        tensors.put("b", new Entry(new int[] {3}, new float[] {-1.5f, 0.25f, 1e-3f}));
        Path file = dir.resolve("x.safetensors");
        SafeTensors.write(file, tensors, Map.of("producer", "test"));

        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong(0);
        String json = "{\"__metadata__\":{\"producer\":\"test\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[24,36]}}";
        assertEquals(0, headerLength % 8, "data start 8-byte aligned");
        assertTrue(headerLength >= json.length() && headerLength < json.length() + 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertEquals(json, header.stripTrailing());
        assertEquals(" ".repeat((int) headerLength - json.length()), header.substring(json.length()));
        assertEquals(8 + headerLength + 36, bytes.length);
        float[] expected = {1, 2, 3, 4, 5, 6, -1.5f, 0.25f, 1e-3f};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], buffer.getFloat((int) (8 + headerLength + 4 * i)));
        }
    }

    /** A file assembled here byte by byte, tensors in an order other than the header's. */
    @Test
    void readsHandWrittenFile() throws IOException {
        String json = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]},"
                + "\"a\":{\"shape\":[2],\"dtype\":\"F32\",\"data_offsets\":[0,8]}}";
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length() + 12).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length()).put(json.getBytes(StandardCharsets.US_ASCII));
        buffer.putFloat(7f).putFloat(-8f).putFloat(0.5f);
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, buffer.array());
        SafeTensors.Contents contents = SafeTensors.read(file);
        assertEquals(List.of("a", "b"), List.copyOf(contents.tensors().keySet()));
        assertArrayEquals(new float[] {7, -8}, contents.tensors().get("a").values());
        assertArrayEquals(new int[] {1}, contents.tensors().get("b").shape());
        assertArrayEquals(new float[] {0.5f}, contents.tensors().get("b").values());
        assertEquals(Map.of(), contents.metadata());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void roundTrip(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Map<String, Entry> tensors = new LinkedHashMap<>();
        for (int k = 0; k < 1 + rng.nextInt(5); k++) {
            int[] shape = new int[rng.nextInt(3)];
            int count = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = rng.nextInt(6);
                count *= shape[d];
            }
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = Float.intBitsToFloat(rng.nextInt());
            }
            tensors.put("layer." + k + (rng.nextBoolean() ? ".weight" : ".bias") + "é", new Entry(shape, values));
        }
        Path file = dir.resolve("r" + seed + ".safetensors");
        SafeTensors.write(file, tensors, Map.of("k", "v " + seed));
        SafeTensors.Contents back = SafeTensors.read(file);
        assertEquals(tensors.keySet(), back.tensors().keySet(), "seed " + seed);
        for (String name : tensors.keySet()) {
            assertArrayEquals(tensors.get(name).shape(), back.tensors().get(name).shape(), "seed " + seed);
            // bit for bit, NaN payloads included
            int[] expected = bits(tensors.get(name).values());
            assertArrayEquals(expected, bits(back.tensors().get(name).values()), "seed " + seed + " " + name);
        }
        assertEquals(Map.of("k", "v " + seed), back.metadata());
    }

    @Test
    void overwritesAtomicallyWithoutLeftovers() throws IOException {
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, Map.of("a", new Entry(new int[] {1}, new float[] {1})), Map.of());
        SafeTensors.write(file, Map.of("a", new Entry(new int[] {1}, new float[] {2})), Map.of());
        assertArrayEquals(new float[] {2}, SafeTensors.read(file).tensors().get("a").values());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        Path file = dir.resolve("t.safetensors");
        SafeTensors.write(file, Map.of("a", new Entry(new int[] {4}, new float[] {1, 2, 3, 4})), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertOneLineError(file, "truncated");
        Files.write(file, Arrays.copyOf(bytes, 20));
        assertOneLineError(file, "header length");
        Files.write(file, Arrays.copyOf(bytes, 5));
        assertOneLineError(file, "too short");
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        Path file = dir.resolve("bad.safetensors");
        Files.writeString(file, "this is not a safetensors file at all");
        assertOneLineError(file, "header length");
        assertOneLineError(withHeader("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8), "F64");
        assertOneLineError(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "needs 12 bytes");
        assertOneLineError(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "contiguous");
        assertOneLineError(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8), "file holds 8");
        assertOneLineError(withHeader("{\"a\": [", 0), "not valid JSON");
        assertOneLineError(dir.resolve("missing.safetensors"), "no such file");
    }

    private Path withHeader(String json, int dataBytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length()).put(json.getBytes(StandardCharsets.US_ASCII));
        Path file = Files.createTempFile(dir, "h", ".safetensors");
        Files.write(file, buffer.array());
        return file;
    }

    private static void assertOneLineError(Path file, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
