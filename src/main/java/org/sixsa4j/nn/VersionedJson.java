package org.sixsa4j.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sixsa4j.InvalidInputException;

/**
 * The JSON files that describe what this project saves (networks, flows, compressors,
 * restrictions): each opens with a {@code "format"} name and a {@code "version"}, is written to a
 * scratch name and renamed so that a crash never leaves half a file, and is read back with a
 * one-line error naming the file when it is missing, is not JSON, or is of another format or
 * version.
 */
public final class VersionedJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VersionedJson() {
    }

    /** A new document of this format and version, to fill in. */
    public static ObjectNode create(String format, int version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        root.put("version", version);
        return root;
    }

    /**
     * Writes {@code root} to {@code file}, replacing it.
     *
     * @throws InvalidInputException naming the file when it cannot be written
     */
    public static void write(ObjectNode root, Path file) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException(InvalidInputException.location(target, null, null) + ": cannot be written: " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a leftover: the error that matters was thrown above.
            }
        }
    }

    /**
     * Reads {@code file}, which must hold a document of this format and version.
     *
     * @throws InvalidInputException naming the file when it is missing, not JSON, or of another format or version
     */
    public static JsonNode read(Path file, String format, int version) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw InvalidInputException.inFile(file, null, null, "no such file");
        } catch (IOException e) {
            throw InvalidInputException.inFile(file, null, null,
                    "cannot be read as JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !format.equals(root.path("format").asText()) || root.path("version").asInt() != version) {
            throw InvalidInputException.inFile(file, null, null, "expected \"format\": \"" + format + "\" and \"version\": " + version);
        }
        return root;
    }
}
