package org.sixsa4j.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the text outputs of a run, each atomically (under a temporary name, then moved), so
 * that a failed run never leaves a half-written file: {@code summary.json} and the posterior
 * samples as CSV.
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** Writes {@code value} (maps, lists, numbers, strings, records) as indented JSON. */
    public static void writeJson(Path file, Object value) {
        try {
            write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes samples as CSV: a header of names, then one row per sample, each value as {@link
     * Double#toString(double)} writes it, which reads back to the same double (and is many times
     * faster than a format string, which counts with a chain of a few hundred thousand samples).
     */
    public static void writeCsv(Path file, List<String> names, double[][] rows) {
        StringBuilder b = new StringBuilder(String.join(",", names)).append('\n');
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append(row[j]);
            }
            b.append('\n');
        }
        write(file, b.toString());
    }

    private static void write(Path file, String content) {
        AtomicFile.write(file, temp -> Files.writeString(temp, content));
    }
}
