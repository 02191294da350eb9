package org.sixsa4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only workspace data in {@code ../shared/data}. Tests that need it call
 * {@link #file(String)}, which skips the test with a clear message when the folder is absent,
 * so the project still builds outside this workspace.
 */
public final class SharedData {
    private static final Path ROOT = Path.of(System.getProperty("sixsa4j.shared", "../shared/data"));

    private SharedData() {
    }

    /** The data folder, or a skipped test when it is missing. */
    public static Path root() {
        assumeTrue(Files.isDirectory(ROOT), "../shared/data is absent: skipping a test that needs the workspace data");
        return ROOT;
    }

    /** A file below the data folder, for example {@code ogip/xmm-pn-ngc7793/PN.rmf}. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), p + " is absent: skipping");
        return p;
    }
}
