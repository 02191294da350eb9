package org.sixsa4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sixsa4j.InvalidInputException;

/**
 * One mapping of a YAML configuration, read with the keys it may hold: every value is fetched
 * through a typed accessor that names the key in its error, and {@link #done()} refuses any key
 * that was not asked for, so that a misspelt key is an error, not a silent default.
 */
final class ConfigNode {
    private final Path file;
    private final String path;
    private final JsonNode node;
    private final Set<String> allowed;

    ConfigNode(Path file, String path, JsonNode node, Set<String> allowed) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.allowed = allowed;
        if (node != null && !node.isObject()) {
            throw error("", "expected a mapping of keys, found " + kind(node));
        }
    }

    /** Refuses keys other than the allowed ones. */
    void done() {
        if (node == null) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error(key, "unknown key; expected one of " + String.join(", ", allowed));
            }
        }
    }

    boolean has(String key) {
        return node != null && node.has(key) && !node.get(key).isNull();
    }

    String string(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isValueNode() || v.isBoolean()) {
            throw error(key, "expected text, found " + kind(v));
        }
        return v.asText();
    }

    String requiredString(String key) {
        if (!has(key)) {
            throw error(key, "is required");
        }
        return string(key, null);
    }

    long integer(String key, long fallback, long min, long max) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber()) {
            throw error(key, "expected a whole number, found " + kind(v) + " " + v);
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw error(key, "expected a whole number from " + min + " to " + max + ", found " + x);
        }
        return x;
    }

    double number(String key, double fallback, double min, double max) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isNumber()) {
            throw error(key, "expected a number, found " + kind(v) + " " + v);
        }
        double x = v.asDouble();
        if (!(x >= min && x <= max)) {
            throw error(key, "expected a number from " + min + " to " + max + ", found " + x);
        }
        return x;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw error(key, "expected true or false, found " + kind(v) + " " + v);
        }
        return v.asBoolean();
    }

    /** A mapping under {@code key}, empty when absent. */
    ConfigNode child(String key, Set<String> childAllowed) {
        return new ConfigNode(file, qualified(key), has(key) ? node.get(key) : null, childAllowed);
    }

    /** A mapping of free-form names (parameters) to text or numbers, in file order. */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(key)) {
            return out;
        }
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            throw error(key, "expected a mapping of parameter names, found " + kind(v));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw error(key + "." + e.getKey(), "expected a value, found " + kind(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** A list of mappings under {@code key}. */
    List<ConfigNode> list(String key, Set<String> itemAllowed) {
        List<ConfigNode> out = new ArrayList<>();
        if (!has(key)) {
            return out;
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw error(key, "expected a list, found " + kind(v));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new ConfigNode(file, qualified(key) + "[" + i + "]", v.get(i), itemAllowed));
        }
        return out;
    }

    /** Two numbers [lo, hi] under {@code key}, or {@code null}. */
    double[] range(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber() || !(v.get(0).asDouble() < v.get(1).asDouble())) {
            throw error(key, "expected [low, high] in keV with low < high, found " + v);
        }
        return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
    }

    /** A path under {@code key}, relative to the configuration file's folder. */
    Path path(String key) {
        String s = string(key, null);
        if (s == null) {
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(s).normalize();
    }

    InvalidInputException error(String key, String problem) {
        String where = key.isEmpty() ? path : qualified(key);
        return new InvalidInputException(file + ": key '" + (where.isEmpty() ? "(top level)" : where) + "': " + problem);
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "text";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isNumber()) {
            return "a number";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
