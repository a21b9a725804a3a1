package io.coffer.server.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs /usr/bin/openssl in a directory with a bounded wait, to cross-check what Coffer writes. */
final class Openssl {

    private static final Path BINARY = Path.of("/usr/bin/openssl");
    private static final long TIMEOUT_SECONDS = 60;

    /** Exit status and combined stdout and stderr. */
    record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    /** Skips the calling test when openssl is not installed. */
    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(BINARY), "needs " + BINARY);
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        // Output goes to a file, so a chatty openssl can never block on a full pipe while we wait.
        Path log = Files.createTempFile("openssl", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + "s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs and fails the test with openssl's own words when it exits non-zero. */
    static String ok(Path dir, String... args) throws IOException, InterruptedException {
        Result result = run(dir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }
}
