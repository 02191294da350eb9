package org.sixsa4j.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.InvalidInputException;

/**
 * Saves a network to a folder and loads it back: {@value #ARCHITECTURE}, a JSON description of
 * the layers, and {@value #WEIGHTS}, the parameters and buffers in {@link SafeTensors} under
 * their PyTorch state-dict names and shapes (the parameters first, then the buffers), so the
 * weights also load into the equivalent PyTorch module (with {@code strict=False}, as batch
 * norm's {@code num_batches_tracked} is not stored).
 *
 * <p>The layers known here are {@link Sequential}, {@link Linear}, {@link BatchNorm1d}, the
 * {@link Activation} modules, {@link Dropout} and {@link ResidualBlock}. A loaded network gives
 * the same outputs as the saved one in eval mode, and is returned in eval mode.
 */
public final class NetworkFiles {

    /** The architecture file's name inside the folder. */
    public static final String ARCHITECTURE = "architecture.json";
    /** The weights file's name inside the folder. */
    public static final String WEIGHTS = "weights.safetensors";

    private static final String FORMAT = "sixsa4j-network";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkFiles() {
    }

    /**
     * Writes {@code module}'s architecture and weights into {@code folder}, creating it if needed.
     *
     * @throws IllegalArgumentException if the network holds a module type not listed above
     * @throws InvalidInputException naming a file that cannot be written
     */
    public static void save(Module module, Path folder) {
        ObjectNode root = VersionedJson.create(FORMAT, VERSION);
        root.set("network", describe(module));
        saveWeights(module, folder.resolve(WEIGHTS), ARCHITECTURE);
        VersionedJson.write(root, folder.resolve(ARCHITECTURE));
    }

    /**
     * Rebuilds the network saved in {@code folder} and fills in its weights.
     *
     * @throws InvalidInputException naming the file and the entry that is missing, unknown or of
     *         the wrong shape
     */
    public static Module load(Path folder) {
        Path architecture = folder.resolve(ARCHITECTURE);
        JsonNode root = VersionedJson.read(architecture, FORMAT, VERSION);
        Module module = fromDescription(root.path("network"), "network", architecture);
        loadWeights(module, folder.resolve(WEIGHTS));
        module.eval();
        return module;
    }

    /**
     * Writes the parameters, then the buffers, of {@code model} to {@code file} in safetensors,
     * under their state-dict names; the metadata names the {@code architecture} file beside it.
     *
     * @throws InvalidInputException naming a file that cannot be written
     */
    public static void saveWeights(Trainable model, Path file, String architecture) {
        Map<String, SafeTensors.Entry> tensors = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            tensors.put(p.name(), new SafeTensors.Entry(p.shape(), values(p.value())));
        }
        model.buffers().forEach((name, value) -> tensors.put(name, new SafeTensors.Entry(bufferShape(value), values(value))));
        SafeTensors.write(file, tensors, Map.of("producer", "sixsa4j", "architecture", architecture));
    }

    /**
     * Fills the parameters and buffers of {@code model}, in place, from a file written by
     * {@link #saveWeights}.
     *
     * @throws InvalidInputException naming the file and the tensor that is missing, unknown or of
     *         the wrong shape
     */
    public static void loadWeights(Trainable model, Path file) {
        Map<String, SafeTensors.Entry> stored = SafeTensors.read(file).tensors();
        Set<String> unused = new LinkedHashSet<>(stored.keySet());
        for (Parameter p : model.parameters()) {
            fill(file, stored, p.name(), p.shape(), p.value());
            unused.remove(p.name());
        }
        for (Map.Entry<String, FMatrixRMaj> b : model.buffers().entrySet()) {
            fill(file, stored, b.getKey(), bufferShape(b.getValue()), b.getValue());
            unused.remove(b.getKey());
        }
        if (!unused.isEmpty()) {
            throw InvalidInputException.inFile(file, null, null,
                    "holds tensors the architecture does not have: " + String.join(", ", unused));
        }
    }

    /**
     * The JSON description of a network's layers, as written in {@value #ARCHITECTURE} under
     * {@code "network"}, for files that hold a network among other things.
     *
     * @throws IllegalArgumentException if the network holds a module type not listed above
     */
    public static ObjectNode describe(Module module) {
        ObjectNode node = JSON.createObjectNode();
        if (module instanceof Sequential s) {
            node.put("type", "sequential");
            ArrayNode modules = node.putArray("modules");
            s.modules().forEach(m -> modules.add(describe(m)));
        } else if (module instanceof Linear l) {
            node.put("type", "linear");
            node.put("in_features", l.inFeatures());
            node.put("out_features", l.outFeatures());
            node.put("bias", l.hasBias());
        } else if (module instanceof BatchNorm1d bn) {
            node.put("type", "batch_norm_1d");
            node.put("features", bn.features());
            node.put("eps", bn.eps());
            node.put("momentum", bn.momentum());
        } else if (module instanceof Activation.Layer a) {
            node.put("type", a.activation().id());
        } else if (module instanceof Dropout d) {
            node.put("type", "dropout");
            node.put("p", d.p());
            node.put("seed", d.seed());
        } else if (module instanceof ResidualBlock r) {
            node.put("type", "residual_block");
            node.put("features", r.features());
            node.put("context_features", r.contextFeatures());
            node.put("activation", r.activation().id());
            node.put("dropout", r.dropout());
            node.put("batch_norm", r.batchNorm());
        } else {
            throw new IllegalArgumentException("cannot describe a module of type " + module.getClass().getName());
        }
        return node;
    }

    /**
     * The network a {@link #describe} description stands for, with placeholder weights to be
     * filled by {@link #loadWeights}.
     *
     * @param path where the description sits in {@code file}, for error messages
     * @throws InvalidInputException naming the file and the key that is missing or wrong
     */
    public static Module fromDescription(JsonNode node, String path, Path file) {
        return build(node, path, file, RandomSource.XO_RO_SHI_RO_128_PP.create(0L));
    }

    private static Module build(JsonNode node, String path, Path file, UniformRandomProvider rng) {
        String type = text(node, "type", path, file);
        try {
            switch (type) {
                case "sequential": {
                    JsonNode list = node.path("modules");
                    if (!list.isArray() || list.isEmpty()) {
                        throw InvalidInputException.inFile(file, null, path + ".modules", "expected a non-empty array of modules");
                    }
                    List<Module> modules = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        modules.add(build(list.get(i), path + ".modules[" + i + "]", file, rng));
                    }
                    return new Sequential(modules);
                }
                case "linear":
                    return new Linear(integer(node, "in_features", path, file), integer(node, "out_features", path, file),
                            bool(node, "bias", path, file), rng);
                case "batch_norm_1d":
                    return new BatchNorm1d(integer(node, "features", path, file), number(node, "eps", path, file),
                            number(node, "momentum", path, file));
                case "dropout":
                    return new Dropout(number(node, "p", path, file), integer64(node, "seed", path, file));
                case "residual_block":
                    return new ResidualBlock(integer(node, "features", path, file), integer(node, "context_features", path, file),
                            Activation.fromId(text(node, "activation", path, file)), number(node, "dropout", path, file),
                            bool(node, "batch_norm", path, file), rng);
                default:
                    return Activation.fromId(type).module();
            }
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.inFile(file, null, path, e.getMessage());
        }
    }

    private static void fill(Path file, Map<String, SafeTensors.Entry> stored, String name, int[] shape, FMatrixRMaj target) {
        SafeTensors.Entry e = stored.get(name);
        if (e == null) {
            throw InvalidInputException.inFile(file, null, null, "has no tensor '" + name + "' that the architecture needs");
        }
        if (!Arrays.equals(e.shape(), shape)) {
            throw InvalidInputException.inFile(file, null, null, "tensor '" + name + "' has shape " + Arrays.toString(e.shape())
                    + " but the architecture needs " + Arrays.toString(shape));
        }
        System.arraycopy(e.values(), 0, target.data, 0, e.values().length);
    }

    /** Buffers held as 1 × n rows are 1-D in PyTorch (running statistics). */
    private static int[] bufferShape(FMatrixRMaj value) {
        return value.numRows == 1 ? new int[] {value.numCols} : new int[] {value.numRows, value.numCols};
    }

    private static float[] values(FMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }

    private static JsonNode field(JsonNode node, String name, String path, Path file, boolean ok) {
        if (!ok) {
            throw InvalidInputException.inFile(file, null, path + "." + name, "missing or of the wrong type");
        }
        return node.get(name);
    }

    private static String text(JsonNode node, String name, String path, Path file) {
        return field(node, name, path, file, node.path(name).isTextual()).asText();
    }

    private static int integer(JsonNode node, String name, String path, Path file) {
        return field(node, name, path, file, node.path(name).canConvertToInt() && node.path(name).isIntegralNumber()).asInt();
    }

    private static long integer64(JsonNode node, String name, String path, Path file) {
        return field(node, name, path, file, node.path(name).canConvertToLong() && node.path(name).isIntegralNumber()).asLong();
    }

    private static double number(JsonNode node, String name, String path, Path file) {
        return field(node, name, path, file, node.path(name).isNumber()).asDouble();
    }

    private static boolean bool(JsonNode node, String name, String path, Path file) {
        return field(node, name, path, file, node.path(name).isBoolean()).asBoolean();
    }
}
