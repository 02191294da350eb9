package org.sixsa4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultFilesTest {
    /** Every double, from subnormals to the largest, must read back bit for bit. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void csvReadsBackEveryValueExactly(long seed, @TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[200][3];
        for (double[] row : rows) {
            row[0] = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);   // any bit pattern, NaN and infinity included
            row[1] = -random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
            row[2] = random.nextInt(-5, 5);
        }
        rows[0] = new double[] {Double.MIN_VALUE, Double.MAX_VALUE, -0.0};
        Path file = dir.resolve("samples.csv");
        ResultFiles.writeCsv(file, List.of("a", "b", "c"), rows);
        List<String> lines = Files.readAllLines(file);
        assertEquals("a,b,c", lines.get(0));
        assertEquals(rows.length + 1, lines.size());
        for (int i = 0; i < rows.length; i++) {
            String[] fields = lines.get(i + 1).split(",");
            for (int j = 0; j < 3; j++) {
                assertEquals(Double.doubleToLongBits(rows[i][j]), Double.doubleToLongBits(Double.parseDouble(fields[j])),
                        "row " + i + " column " + j + ": " + fields[j]);
            }
        }
    }
}
