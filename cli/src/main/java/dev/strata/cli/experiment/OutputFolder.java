package dev.strata.cli.experiment;

import dev.strata.cli.UserInputException;
import dev.strata.io.ConfigText;
import dev.strata.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code --out} folder of an experiment: checked before anything is written (a file, an unwritable place, a
 * folder that already holds files without {@code --resume}, or a resume with other settings are refused in one
 * line), then created with the settings in {@code experiment.json}.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param dir      the {@code --out} folder
     * @param data     its data folder, created with it
     * @param file     where the settings are kept ({@code experiment.json})
     * @param settings the experiment's settings as text; a resumed run must repeat them
     */
    static void prepare(Path dir, Path data, Path file, Map<String, String> settings, boolean resume) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("--out " + dir + " is a file; fix: give a folder");
        }
        if (resume) {
            requireSameSettings(dir, file, settings);
            return;
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw new UserInputException("--out " + dir + " already holds files; fix: add --resume to continue the"
                    + " experiment in it, or choose another --out");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            throw new UserInputException("--out " + dir + ": " + existing + " is not writable; fix: choose a writable"
                    + " folder");
        }
        try {
            Files.createDirectories(data);
            Files.writeString(file, Json.object(settings) + "\n");
        } catch (IOException e) {
            throw new UserInputException("cannot create --out " + dir + ": " + e.getMessage() + "; fix: choose a"
                    + " writable folder", e);
        }
    }

    /** Writes the experiment's {@code report.md} and {@code results.json}. */
    static void writeReport(Path report, String markdown, Path results, String json) {
        try {
            Files.writeString(report, markdown);
            Files.writeString(results, json + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    private static void requireSameSettings(Path dir, Path file, Map<String, String> settings) {
        Map<String, String> before;
        try {
            before = ConfigText.read(file);
        } catch (IOException e) {
            throw new UserInputException("--resume: " + dir + " holds no experiment (" + file.getFileName()
                    + "); fix: drop --resume to start one", e);
        }
        if (!before.equals(settings)) {
            throw new UserInputException("--resume: the experiment in " + dir + " was started with " + before
                    + "; fix: repeat its options (--full, --seed, ...) or choose another --out");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserInputException("--out " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }
}
