package org.sixsa4j.ogip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sixsa4j.InvalidInputException;

/** Every broken file of {@link BadOgipFiles} gives one line that locates the problem. */
class BadInputTest {
    @TempDir
    static Path dir;

    static Stream<BadOgipFiles.Case> cases() {
        return BadOgipFiles.writeAll(dir).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenFileGivesOneLocatingLine(BadOgipFiles.Case c) {
        InvalidInputException e = assertThrows(InvalidInputException.class, c::load, c.name());
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "not one line: " + m);
        assertTrue(m.startsWith(c.file().toString()), "does not start with the file: " + m);
        for (String fragment : c.fragments()) {
            assertTrue(m.contains(fragment), "'" + fragment + "' missing from: " + m);
        }
    }

    @Test
    void corpusIsLargeAndCoversEveryReader(@TempDir Path own) {
        List<BadOgipFiles.Case> all = BadOgipFiles.writeAll(own);
        assertTrue(all.size() >= 25, "only " + all.size() + " cases");
        for (BadOgipFiles.Kind kind : BadOgipFiles.Kind.values()) {
            assertTrue(all.stream().anyMatch(c -> c.kind() == kind), "no case for " + kind);
        }
        assertTrue(all.stream().allMatch(c -> c.fragments().contains(c.name())), "every case names its file");
    }
}
