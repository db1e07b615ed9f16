package dev.strata.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a flat settings file, YAML ({@code samples: 16}) or JSON ({@code {"samples": 16}}), into names and scalar
 * values as text. Parsed with SnakeYAML's safe constructor (JSON is read as YAML flow style); nested maps and lists
 * are refused, since every setting is one command-line flag.
 */
public final class ConfigText {
    private ConfigText() {
    }

    /**
     * The settings of {@code file}, in file order, values as text ({@code null} values are refused).
     *
     * @throws IOException one line naming the file, the problem and the fix
     */
    public static Map<String, String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("config file " + file + " does not exist; fix: check the --config path");
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (YAMLException e) {
            String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException("config file " + file + " is not valid YAML or JSON (" + first
                    + "); fix: write one 'name: value' per line", e);
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IOException("config file " + file + " must hold name: value pairs, found a "
                    + parsed.getClass().getSimpleName() + "; fix: write one 'name: value' per line");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof Map<?, ?> || v instanceof Iterable<?>) {
                throw new IOException("config file " + file + ": setting '" + e.getKey()
                        + "' must be a single value; fix: give it as 'name: value'");
            }
            out.put(String.valueOf(e.getKey()), String.valueOf(v));
        }
        return out;
    }
}
