package io.coffer.server.tls;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code coffer tls ...} in-process, capturing what it prints. */
final class Cli {

    /** Exit code and the two output streams. */
    record Run(int exitCode, String out, String err) {

        /** Non-empty stdout lines. */
        List<String> lines() {
            return Arrays.stream(out.split("\\R")).filter(line -> !line.isEmpty()).toList();
        }
    }

    private Cli() {
    }

    static Run tls(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new TlsCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
