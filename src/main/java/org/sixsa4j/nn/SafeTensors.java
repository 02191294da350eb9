package org.sixsa4j.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sixsa4j.InvalidInputException;

/**
 * Reads and writes float32 tensors in the safetensors format of Hugging Face
 * (https://github.com/huggingface/safetensors, "Format" in its README), so that Python users can
 * open our weights with {@code safetensors.numpy.load_file} or {@code torch.load_state_dict}.
 *
 * <p>Layout: an 8-byte little-endian unsigned header length N; N bytes of UTF-8 JSON mapping each
 * tensor name to {@code {"dtype":"F32","shape":[...],"data_offsets":[begin,end]}}, with an
 * optional {@code "__metadata__"} map of strings, padded with spaces so that the data starts at a
 * multiple of 8 bytes; then the tensors' bytes, little-endian, row-major, one after the other, the
 * offsets counted from the start of the data. Only F32 is read or written: every tensor of this
 * project is float32. Files are written atomically (a temporary file moved into place), and a
 * truncated or malformed file is reported in one line that names it.
 */
public final class SafeTensors {

    private static final String METADATA = "__metadata__";
    /** The reference implementation refuses larger headers; so do we, before allocating one. */
    private static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {
    }

    /**
     * One stored tensor: its shape as Python sees it and its values in row-major order. The
     * arrays are held as given, not copied, so equality is that of the array references.
     *
     * @param shape the dimensions; {@code []} for a scalar
     * @param values row-major float32 values; their count is the product of the dimensions
     */
    public record Entry(int[] shape, float[] values) {
        public Entry {
            long count = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
                }
                count *= d;
            }
            if (count != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
                        + " values, got " + values.length);
            }
        }
    }

    /**
     * The contents of a file.
     *
     * @param tensors the tensors in the order of their data in the file
     * @param metadata the {@code __metadata__} map, empty when the file has none
     */
    public record Contents(Map<String, Entry> tensors, Map<String, String> metadata) {
    }

    /**
     * Writes tensors and metadata to {@code file}, replacing it atomically where the file system
     * allows. The tensors' data follow the map's iteration order.
     *
     * @throws InvalidInputException naming the file when it cannot be written
     */
    public static void write(Path file, Map<String, Entry> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);
        Path target = file.toAbsolutePath();
        // A unique hidden sibling, so the move stays on one file system and is atomic.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer length = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                out.write(length.putLong(header.length).array());
                out.write(header);
                for (Entry e : tensors.values()) {
                    ByteBuffer data = ByteBuffer.allocate(e.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    data.asFloatBuffer().put(e.values());
                    out.write(data.array());
                }
            }
            move(temp, target);
        } catch (IOException e) {
            throw new InvalidInputException(InvalidInputException.location(target, null, null)
                    + ": cannot be written: " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover: the error that matters was thrown above.
            }
        }
    }

    /**
     * Reads every tensor of a file.
     *
     * @throws InvalidInputException naming the file when it is missing, truncated, not
     *         safetensors, or holds a dtype other than F32
     */
    public static Contents read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Long.BYTES) {
                throw bad(file, "is " + size + " bytes long, too short for the 8-byte safetensors header length");
            }
            long headerLength = readFully(channel, Long.BYTES, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - Long.BYTES) {
                throw bad(file, "header length " + Long.toUnsignedString(headerLength) + " does not fit in a file of "
                        + size + " bytes; not a safetensors file, or truncated");
            }
            byte[] headerBytes = readFully(channel, (int) headerLength, file).array();
            if (headerBytes[0] != '{') {
                throw bad(file, "header does not start with '{'; not a safetensors file");
            }
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw bad(file, "header is not valid JSON: " + e.getOriginalMessage());
            }
            long dataLength = size - Long.BYTES - headerLength;
            List<Layout> layouts = layouts(header, dataLength, file);
            Map<String, Entry> tensors = new LinkedHashMap<>();
            for (Layout l : layouts) {
                ByteBuffer bytes = readFully(channel, (int) (l.end - l.begin), file).order(ByteOrder.LITTLE_ENDIAN);
                float[] values = new float[(int) ((l.end - l.begin) / Float.BYTES)];
                bytes.asFloatBuffer().get(values);
                tensors.put(l.name, new Entry(l.shape, values));
            }
            return new Contents(Collections.unmodifiableMap(tensors), metadata(header, file));
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(InvalidInputException.location(file, null, null) + ": cannot be read: " + e, e);
        }
    }

    /** The JSON header, padded with spaces so that the data that follows start 8-byte aligned. */
    static byte[] header(Map<String, Entry> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Entry> t : tensors.entrySet()) {
            if (t.getKey().equals(METADATA)) {
                throw new IllegalArgumentException(METADATA + " is reserved and cannot name a tensor");
            }
            ObjectNode node = root.putObject(t.getKey());
            node.put("dtype", "F32");
            ArrayNode shape = node.putArray("shape");
            for (int d : t.getValue().shape()) {
                shape.add(d);
            }
            long end = offset + (long) t.getValue().values().length * Float.BYTES;
            node.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    private record Layout(String name, int[] shape, long begin, long end) {
    }

    /** Checks every entry and that the entries tile the data exactly, as the reference reader does. */
    private static List<Layout> layouts(JsonNode header, long dataLength, Path file) {
        if (!header.isObject()) {
            throw bad(file, "header is not a JSON object");
        }
        List<Layout> layouts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            String name = field.getKey();
            if (name.equals(METADATA)) {
                continue;
            }
            JsonNode node = field.getValue();
            String dtype = node.path("dtype").asText("");
            if (!dtype.equals("F32")) {
                throw bad(file, "tensor '" + name + "' has dtype '" + dtype + "'; only F32 is supported");
            }
            JsonNode shapeNode = node.path("shape");
            JsonNode offsets = node.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2
                    || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
                throw bad(file, "tensor '" + name + "' needs a 'shape' array and a two-element 'data_offsets' array");
            }
            int[] shape = new int[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                JsonNode d = shapeNode.get(i);
                if (!d.canConvertToInt() || d.asInt() < 0) {
                    throw bad(file, "tensor '" + name + "' has an invalid shape " + shapeNode);
                }
                shape[i] = d.asInt();
                count *= shape[i];
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            if (begin < 0 || end < begin || end - begin != count * Float.BYTES) {
                throw bad(file, "tensor '" + name + "' has data_offsets " + offsets + " but shape " + shapeNode
                        + " needs " + count * Float.BYTES + " bytes");
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw bad(file, "tensor '" + name + "' is too large to hold in one Java array");
            }
            layouts.add(new Layout(name, shape, begin, end));
        }
        layouts.sort(Comparator.comparingLong(Layout::begin).thenComparingLong(Layout::end));
        long expected = 0;
        for (Layout l : layouts) {
            if (l.begin != expected) {
                throw bad(file, "tensor '" + l.name + "' starts at data offset " + l.begin + " but " + expected
                        + " was expected (tensors must be contiguous and not overlap)");
            }
            expected = l.end;
        }
        if (expected != dataLength) {
            throw bad(file, "tensors account for " + expected + " data bytes but the file holds " + dataLength
                    + (expected > dataLength ? "; truncated" : ""));
        }
        return layouts;
    }

    private static Map<String, String> metadata(JsonNode header, Path file) {
        JsonNode meta = header.get(METADATA);
        if (meta == null || meta.isNull()) {
            return Map.of();
        }
        if (!meta.isObject()) {
            throw bad(file, METADATA + " is not a JSON object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : meta.properties()) {
            if (!e.getValue().isTextual()) {
                throw bad(file, METADATA + " value of '" + e.getKey() + "' is not a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return Collections.unmodifiableMap(map);
    }

    private static ByteBuffer readFully(FileChannel channel, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw bad(file, "ends early: truncated");
            }
        }
        return buffer.flip();
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InvalidInputException bad(Path file, String problem) {
        return InvalidInputException.inFile(file, null, null, problem);
    }
}
