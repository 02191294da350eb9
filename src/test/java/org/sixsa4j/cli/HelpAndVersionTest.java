package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code sixsa --version}, {@code --help} and every subcommand's {@code --help}. */
class HelpAndVersionTest {
    static Set<String> subcommands() {
        return Main.commandLine().getSubcommands().keySet();
    }

    @Test
    void versionIsThePomVersion() throws IOException {
        // The project's own version, read from the build file rather than from the code under test.
        Matcher m = Pattern.compile("<artifactId>sixsa4j</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "no project version in pom.xml");
        for (String flag : List.of("--version", "-V")) {
            Cli.Result r = Cli.run(flag);
            assertEquals(0, r.status(), r.transcript());
            assertEquals("sixsa4j " + m.group(1), r.out().lines().findFirst().orElse(""), r.transcript());
            assertEquals("", r.err(), r.transcript());
        }
    }

    @Test
    void topLevelHelpListsTheCommands() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[0])) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.status(), r.transcript());
            assertTrue(r.out().startsWith("Usage: sixsa"), r.transcript());
            for (String command : List.of("info", "instrument", "simulate", "demo")) {
                assertTrue(r.out().contains("  " + command + " "), command + " missing from\n" + r.transcript());
            }
        }
    }

    @Test
    void theDocumentedCommandsExist() {
        assertTrue(subcommands().containsAll(List.of("info", "instrument", "simulate", "demo", "help")), subcommands().toString());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(0, r.status(), r.transcript());
        // picocli's help command puts its description before the usage line.
        assertTrue(r.out().contains("Usage: sixsa " + command + " "), r.transcript());
        assertEquals("", r.err(), r.transcript());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpCommandDescribesEverySubcommand(String command) {
        Cli.Result r = Cli.run("help", command);
        assertEquals(0, r.status(), r.transcript());
        assertTrue(r.out().contains("Usage: sixsa " + command + " "), r.transcript());
    }
}
