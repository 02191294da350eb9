package org.sixsa4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The joint CCD + X-IFU example (examples/joint-ccd-xifu.*) set up in a test's folder. */
final class JointExample {
    static final Path CONFIG = Path.of("examples/joint-ccd-xifu.yaml");

    private JointExample() {
    }

    /** Writes the example's spectra with its script's commands and a copy of its configuration; returns the copy. */
    static Path write(Path dir) throws IOException {
        ExampleScript.run(Path.of("examples/joint-ccd-xifu.sh"), dir.resolve("joint-ccd-xifu"));
        return Files.copy(CONFIG, dir.resolve(CONFIG.getFileName()));
    }
}
