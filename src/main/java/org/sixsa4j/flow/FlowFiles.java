package org.sixsa4j.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.nn.NetworkFiles;
import org.sixsa4j.nn.VersionedJson;

/**
 * Saves a trained {@link MaskedAutoregressiveFlow} to a folder and reads it back, so that an
 * estimator trained once gives posteriors for other spectra later (amortized inference).
 *
 * <p>The folder holds {@value #ARCHITECTURE}: the flow's shape (features, context features,
 * transforms, hidden width, blocks, context scaling), the permutation after each transform, and
 * the embedding network as {@link NetworkFiles#describe} writes it; and {@value #WEIGHTS}: every
 * parameter and buffer in safetensors under its state-dict name, the z-scoring statistics of θ
 * and of the context included. The MADE masks are not stored: they follow from the shape
 * (nflows' sequential degrees). A flow read back gives the same log-densities and, for the same
 * random stream, the same draws, bit for bit.
 */
public final class FlowFiles {

    /** The architecture file's name inside the folder. */
    public static final String ARCHITECTURE = "flow.json";
    /** The weights file's name inside the folder. */
    public static final String WEIGHTS = "weights.safetensors";

    private static final String FORMAT = "sixsa4j-flow";
    private static final int VERSION = 1;

    private FlowFiles() {
    }

    /**
     * Writes {@code flow} into {@code folder}, creating it if needed.
     *
     * @throws IllegalArgumentException if the embedding holds a module type that
     *         {@link NetworkFiles} cannot describe
     * @throws InvalidInputException naming a file that cannot be written
     */
    public static void save(MaskedAutoregressiveFlow flow, Path folder) {
        ObjectNode root = VersionedJson.create(FORMAT, VERSION);
        root.put("features", flow.features());
        root.put("context_features", flow.contextFeatures());
        root.put("transforms", flow.transforms());
        root.put("hidden_features", flow.hiddenFeatures());
        root.put("blocks", flow.blocks());
        root.put("context_scaling", flow.contextScaling().name().toLowerCase(Locale.ROOT));
        ArrayNode permutations = root.putArray("permutations");
        for (int t = 0; t < flow.transforms(); t++) {
            ArrayNode order = permutations.addArray();
            for (int j : flow.permutation(t)) {
                order.add(j);
            }
        }
        if (flow.embedding() != null) {
            root.put("embedded_features", flow.embeddedFeatures());
            root.set("embedding", NetworkFiles.describe(flow.embedding()));
        }
        VersionedJson.write(root, folder.resolve(ARCHITECTURE));
        NetworkFiles.saveWeights(flow, folder.resolve(WEIGHTS), ARCHITECTURE);
    }

    /**
     * Reads back the flow saved in {@code folder}, in evaluation mode.
     *
     * @throws InvalidInputException naming the file, and the key or tensor, that is missing, of
     *         the wrong type or shape, or impossible
     */
    public static MaskedAutoregressiveFlow load(Path folder) {
        Path file = folder.resolve(ARCHITECTURE);
        JsonNode root = VersionedJson.read(file, FORMAT, VERSION);
        int features = integer(root, "features", file);
        MaskedAutoregressiveFlow flow;
        try {
            MaskedAutoregressiveFlow.Builder b = MaskedAutoregressiveFlow.builder(features, integer(root, "context_features", file))
                    .transforms(integer(root, "transforms", file))
                    .hiddenFeatures(integer(root, "hidden_features", file))
                    .blocks(integer(root, "blocks", file))
                    .contextScaling(scaling(root, file))
                    .permutations(permutations(root, file));
            if (root.has("embedding")) {
                b.embedding(NetworkFiles.fromDescription(root.get("embedding"), "embedding", file), integer(root, "embedded_features", file));
            }
            flow = b.build();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.inFile(file, null, null, e.getMessage());
        }
        NetworkFiles.loadWeights(flow, folder.resolve(WEIGHTS));
        flow.eval();
        return flow;
    }

    private static MaskedAutoregressiveFlow.ContextScaling scaling(JsonNode root, Path file) {
        String name = field(root, "context_scaling", file, root.path("context_scaling").isTextual()).asText();
        try {
            return MaskedAutoregressiveFlow.ContextScaling.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.inFile(file, null, "context_scaling", "is '" + name + "'; expected independent, structured, log1p or none");
        }
    }

    private static List<int[]> permutations(JsonNode root, Path file) {
        JsonNode list = field(root, "permutations", file, root.path("permutations").isArray());
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < list.size(); t++) {
            JsonNode order = list.get(t);
            if (!order.isArray()) {
                throw InvalidInputException.inFile(file, null, "permutations[" + t + "]", "expected a list of feature indices");
            }
            int[] o = new int[order.size()];
            for (int j = 0; j < o.length; j++) {
                if (!order.get(j).isInt()) {
                    throw InvalidInputException.inFile(file, null, "permutations[" + t + "]", "expected whole numbers, found " + order.get(j));
                }
                o[j] = order.get(j).asInt();
            }
            out.add(o);
        }
        return out;
    }

    private static JsonNode field(JsonNode node, String name, Path file, boolean ok) {
        if (!ok) {
            throw InvalidInputException.inFile(file, null, name, "missing or of the wrong type");
        }
        return node.get(name);
    }

    private static int integer(JsonNode node, String name, Path file) {
        return field(node, name, file, node.path(name).isInt()).asInt();
    }
}
