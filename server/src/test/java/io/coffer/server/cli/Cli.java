package io.coffer.server.cli;

import io.coffer.server.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code coffer ...} in-process the way the binary does ({@code new CommandLine(new Main())}), with a
 * test-controlled environment injected through {@link CliFactory} and both output streams captured.
 */
final class Cli {

    /** Exit code and the two output streams. */
    record Run(int exitCode, String out, String err) {

        /** Non-empty stdout lines. */
        List<String> lines() {
            return Arrays.stream(out.split("\\R")).filter(line -> !line.isEmpty()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();

    /** A CLI pointed at {@code address}, with no retries, and HOME at {@code home} (no stray ~/.vault-token). */
    Cli(String address, Path home) {
        env.put("VAULT_ADDR", address);
        env.put("HOME", home.toString());
        env.put("VAULT_MAX_RETRIES", "0");
    }

    Cli env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Cli token(String token) {
        return env("VAULT_TOKEN", token);
    }

    Run run(String... args) {
        return runWithStdin("", args);
    }

    Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = CliEnvironment.of(env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine commandLine = new CommandLine(new Main(), new CliFactory(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
