package io.coffer.server.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;

/** Small HCL snippets and shortcuts shared by the config tests. */
final class Configs {
    static final Path BASE = Path.of("/base");
    static final String RAFT = "storage \"raft\" {\n  path = \"/data\"\n}\n";
    static final String PLAIN_LISTENER = "listener \"tcp\" {\n  tls_disable = true\n}\n";
    static final String MINIMAL = RAFT + PLAIN_LISTENER;

    private Configs() {
    }

    static ServerConfig parse(String hcl) {
        return ConfigLoader.fromString(hcl, BASE);
    }

    static ServerConfig parse(String hcl, Map<String, String> env) {
        return ConfigLoader.fromString(hcl, BASE, env);
    }

    /** The message of the ConfigException that loading the snippet throws. */
    static String error(String hcl) {
        return error(hcl, Map.of());
    }

    static String error(String hcl, Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> parse(hcl, env)).getMessage();
    }

    /** A plain-HTTP listener with the given extra lines. */
    static String listener(String body) {
        return "listener \"tcp\" {\n  tls_disable = true\n" + body + "\n}\n";
    }

    /** Raft storage with the given extra lines. */
    static String raft(String body) {
        return "storage \"raft\" {\n  path = \"/data\"\n" + body + "\n}\n";
    }
}
