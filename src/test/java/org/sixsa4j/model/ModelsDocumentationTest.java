package org.sixsa4j.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/models.md must describe every registered component and each of its parameters. */
class ModelsDocumentationTest {

    @Test
    void everyComponentAndParameterIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/models.md"));
        for (ComponentType c : Components.all()) {
            int at = doc.indexOf("### `" + c.name() + "`");
            assertTrue(at >= 0, c.name() + " has no section in docs/models.md; regenerate it with ./sixsa model --list --markdown");
            int next = doc.indexOf("### ", at + 4);
            String section = doc.substring(at, next < 0 ? doc.length() : next);
            for (ParameterInfo p : c.parameters()) {
                assertTrue(section.contains("`" + p.name() + "`"), c.name() + "." + p.name() + " is not in its docs/models.md section");
            }
            assertTrue(section.contains(c.formula()), c.name() + "'s formula differs from its docs/models.md section");
        }
    }
}
