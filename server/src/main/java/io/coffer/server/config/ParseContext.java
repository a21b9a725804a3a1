package io.coffer.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every parser needs besides its block: where relative file paths resolve from, the environment that
 * overrides the files, and the warning sink.
 */
record ParseContext(Path baseDir, Map<String, String> env, List<String> warnings) {

    /** The environment variable's value, or null when it is unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Path resolve(String file) {
        return baseDir.resolve(file).normalize();
    }
}
