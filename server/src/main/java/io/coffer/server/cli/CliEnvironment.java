package io.coffer.server.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the client commands read from the process around them: environment variables ({@code VAULT_ADDR},
 * {@code VAULT_TOKEN}, ...), standard input (for {@code -} arguments and key prompts) and the home directory
 * (for {@code ~/.vault-token}). Commands never call {@link System#getenv} themselves, so tests can run them
 * in-process against a controlled environment through {@link CliFactory}.
 */
public interface CliEnvironment {

    /** The variable's value, or null when unset. */
    String get(String name);

    /** Standard input; read at most once per command. */
    InputStream stdin();

    /** The user's home directory, where {@code .vault-token} lives. */
    Path home();

    /** The interactive console for hidden prompts, or null when not attached to a terminal. */
    Console console();

    /** The value of {@code name}, or {@code fallback} when it is unset or empty. */
    default String getOr(String name, String fallback) {
        String value = get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The real process environment. */
    static CliEnvironment system() {
        return new CliEnvironment() {
            @Override
            public String get(String name) {
                return System.getenv(name);
            }

            @Override
            public InputStream stdin() {
                return System.in;
            }

            @Override
            public Path home() {
                String home = System.getenv("HOME");
                return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
            }

            @Override
            public Console console() {
                return System.console();
            }
        };
    }

    /** A fixed environment: {@code variables} (HOME among them, else the JVM's user.home) and {@code stdin}. */
    static CliEnvironment of(Map<String, String> variables, InputStream stdin) {
        Map<String, String> copy = Map.copyOf(variables);
        return new CliEnvironment() {
            @Override
            public String get(String name) {
                return copy.get(name);
            }

            @Override
            public InputStream stdin() {
                return stdin;
            }

            @Override
            public Path home() {
                return Path.of(copy.getOrDefault("HOME", System.getProperty("user.home")));
            }

            @Override
            public Console console() {
                return null;
            }
        };
    }
}
