package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code sixsa} lines of a shell script under examples/ in-process, with its output
 * folder {@code $out} set to a test's folder, so the tests exercise the very commands a user runs
 * and need neither bash nor the runnable jar. Lines that do not start with {@code "$root/sixsa"}
 * (comments, {@code set}, variable assignments) are skipped; a trailing backslash continues a
 * line, and double quotes group words as the shell does.
 */
final class ExampleScript {
    private static final String SIXSA = "\"$root/sixsa\"";

    private ExampleScript() {
    }

    /**
     * Sets up example {@code name} in {@code dir} as its configuration expects: runs
     * examples/NAME.sh into dir/NAME and copies examples/NAME.yaml into dir; returns the copy.
     */
    static Path setUp(String name, Path dir) throws IOException {
        run(Path.of("examples", name + ".sh"), dir.resolve(name));
        return Files.copy(Path.of("examples", name + ".yaml"), dir.resolve(name + ".yaml"));
    }

    /** Runs every {@code sixsa} command of {@code script} with {@code $out} = {@code out}; each must succeed. */
    static void run(Path script, Path out) throws IOException {
        String joined = Files.readString(script).replace("\\\n", " ");
        for (String line : joined.lines().map(String::strip).toList()) {
            if (line.startsWith(SIXSA)) {
                List<String> args = words(line.substring(SIXSA.length()), out.toString());
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.status(), r.transcript());
            }
        }
    }

    /** The words of a command line, with double quotes removed and {@code $out} replaced. */
    private static List<String> words(String line, String out) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (word != null) {
                    words.add(word.toString().replace("$out", out));
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(ch);
            }
        }
        if (word != null) {
            words.add(word.toString().replace("$out", out));
        }
        return words;
    }
}
