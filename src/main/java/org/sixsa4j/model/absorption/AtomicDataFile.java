package org.sixsa4j.model.absorption;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the atomic-data tables that ship with sixsa4j in this package's resources: plain text,
 * '#' comments (which carry the citations), then rows of whitespace-separated fields.
 */
final class AtomicDataFile {
    private AtomicDataFile() {
    }

    /** The rows of a resource, each split into fields, comments and blank lines skipped. */
    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = AtomicDataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource org/sixsa4j/model/absorption/" + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The rows of a resource parsed as numbers, each row expected to hold {@code columns} fields. */
    static double[][] numbers(String resource, int columns) {
        List<String[]> rows = rows(resource);
        double[][] values = new double[rows.size()][];
        for (int r = 0; r < values.length; r++) {
            String[] fields = rows.get(r);
            if (fields.length != columns) {
                throw new IllegalStateException(resource + " row " + (r + 1) + " has " + fields.length + " fields, expected " + columns);
            }
            values[r] = Arrays.stream(fields).mapToDouble(Double::parseDouble).toArray();
        }
        return values;
    }

    /** A resource of named constants: each row is a name followed by one or more numbers. */
    static Map<String, double[]> namedValues(String resource) {
        Map<String, double[]> values = new HashMap<>();
        for (String[] fields : rows(resource)) {
            values.put(fields[0], Arrays.stream(fields, 1, fields.length).mapToDouble(Double::parseDouble).toArray());
        }
        return values;
    }
}
