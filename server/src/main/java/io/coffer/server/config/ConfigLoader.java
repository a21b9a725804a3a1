package io.coffer.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads Vault-compatible server configuration ({@code coffer server -config=...}): HCL or JSON files, or
 * directories of them merged in name order, with the {@code VAULT_*} environment overrides applied.
 * Every problem is a {@link ConfigException} naming the key; unknown keys only add warnings.
 *
 * <p>Relative file paths in the configuration (raft path, TLS files, retry_join files) resolve against the
 * working directory, as in Vault; {@code fromString} takes the directory explicitly.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads with the process environment. */
    public static ServerConfig load(List<Path> paths) {
        return load(paths, System.getenv());
    }

    public static ServerConfig load(List<Path> paths, Map<String, String> env) {
        ConfigDocument doc = ConfigFiles.read(paths);
        return build(doc, Path.of("").toAbsolutePath(), env);
    }

    /** Parses one HCL (or JSON, if it starts with '{') document with an empty environment. */
    public static ServerConfig fromString(String text, Path baseDir) {
        return fromString(text, baseDir, Map.of());
    }

    public static ServerConfig fromString(String text, Path baseDir, Map<String, String> env) {
        boolean json = text.stripLeading().startsWith("{");
        ConfigDocument doc = ConfigDocument.of(SourceParser.parse(text, "<config>", json), "<config>");
        return build(doc, baseDir, env);
    }

    private static ServerConfig build(ConfigDocument doc, Path baseDir, Map<String, String> env) {
        ParseContext ctx = new ParseContext(baseDir.toAbsolutePath(), Map.copyOf(env), new ArrayList<>());
        return ServerConfigParser.build(doc, ctx);
    }
}
