package org.sixsa4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.sixsa4j.InvalidInputException;

/**
 * Creates the folders that commands write into. A path the user gave that cannot become a folder
 * (a regular file in the way, no permission) is bad input: one line naming the option, exit 2,
 * rather than an I/O exception reported as an internal error.
 */
final class OutputFolders {
    private OutputFolders() {
    }

    /** Creates {@code folder} and its parents, as {@link Files#createDirectories} does. */
    static void create(String option, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("option " + option + ": cannot create the folder " + folder + ": " + reason(e), e);
        }
    }

    /** Fails when {@code path} exists and is not a folder. */
    static void requireFolderOrAbsent(String option, Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new InvalidInputException("option " + option + ": " + path + " exists and is not a folder");
        }
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Why a file operation failed, in words; the JDK's messages are often just the path. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
    }
}
