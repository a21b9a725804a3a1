package io.coffer.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Coffer node as a child JVM: {@code java -cp <test classpath> io.coffer.server.Main server -config=config.hcl},
 * with its stdout and stderr appended to files in the node's directory across restarts. Every wait is bounded.
 * Not thread-safe: one test thread drives it.
 */
public final class NodeProcess {

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx256m", "-Xss512k", "-XX:-UsePerfData");

    private final Path dir;
    private NodeConfig config;
    private Process process;
    private int starts;

    NodeProcess(Path dir, NodeConfig config) {
        this.dir = dir;
        this.config = config;
    }

    public String id() {
        return config.nodeId();
    }

    public NodeConfig config() {
        return config;
    }

    /** Replaces the configuration used by the next {@link #start()}. */
    public void config(NodeConfig changed) {
        this.config = changed;
    }

    public Path configFile() {
        return dir.resolve("config.hcl");
    }

    /** Writes {@code config.hcl} and launches the JVM. */
    public void start() {
        if (alive()) {
            throw new IllegalStateException(id() + " is already running");
        }
        starts++;
        try {
            Files.createDirectories(dir);
            Files.writeString(configFile(), config.render(), StandardCharsets.UTF_8);
            String marker = "==== " + id() + " start #" + starts + " at " + Instant.now() + " ====\n";
            for (Path file : List.of(stdoutFile(), stderrFile())) {
                Files.writeString(file, marker, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            ProcessBuilder builder = new ProcessBuilder(command()).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutFile().toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderrFile().toFile()));
            builder.environment().put("COFFER_LOG_LEVEL", "INFO");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + id(), e);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(classpath());
        command.add("io.coffer.server.Main");
        command.add("server");
        command.add("-config=" + configFile());
        return command;
    }

    /**
     * The classpath the child runs with: {@code -Dcoffer.it.classpath} if set, else the test classpath surefire and
     * failsafe publish, else this JVM's own (which then works without the shaded jar).
     */
    static String classpath() {
        for (String property : List.of("coffer.it.classpath", "surefire.test.class.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no classpath to start a node with");
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Linux), children included; waits until it is gone. */
    public void kill9() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(STOP_WAIT);
    }

    /** SIGTERM (graceful: the node's shutdown hook closes Raft and RocksDB), then SIGKILL if it hangs. */
    public void stop() {
        if (!alive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill9();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill9();
        }
    }

    /** Waits for the JVM to end and returns its exit status; fails the test if it is still running. */
    public int awaitExit(Duration atMost) {
        if (process == null) {
            throw new IllegalStateException(id() + " was never started");
        }
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(id() + " still runs after " + atMost + "; stderr ends with:\n" + tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    public Path stdoutFile() {
        return dir.resolve("stdout.log");
    }

    public Path stderrFile() {
        return dir.resolve("stderr.log");
    }

    /** Everything the node wrote to stderr (its log) over all its runs. */
    public String stderr() {
        return read(stderrFile());
    }

    public String stdout() {
        return read(stdoutFile());
    }

    /** The last {@code lines} lines of stderr, for failure messages. */
    public String tail(int lines) {
        List<String> all = stderr().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Waits (bounded) until the node's log has a line containing every one of {@code parts}, and returns that line.
     */
    public String awaitLogLine(Duration atMost, String... parts) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            for (String line : stderr().lines().toList()) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id() + " logged no line with " + List.of(parts) + " within " + atMost
                        + "; stderr ends with:\n" + tail(40));
            }
            pause(100);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "NodeProcess[" + id() + " " + config.apiAddr() + ", cluster " + config.clusterAddr() + "]";
    }
}
