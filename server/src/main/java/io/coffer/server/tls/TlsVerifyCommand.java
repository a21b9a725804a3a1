package io.coffer.server.tls;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer tls verify CERT [--ca CA] [--host NAME]...}: prints {@code OK: ...} and exits 0 when the certificate
 * is fit for Raft mutual TLS, else prints one line per problem ({@link CertificateCheck}) and exits 1.
 */
@Command(name = "verify", description = "Check a node certificate: serverAuth and clientAuth, SANs, validity, "
        + "the chain to the CA. Exit 0 when fine, 1 with one line per problem otherwise.")
public final class TlsVerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "CERT",
            description = "PEM file: the node certificate, optionally followed by intermediates.")
    private Path certFile;

    @Option(names = "--ca", paramLabel = "CA", description = "PEM file of the CA certificate(s) the chain must end in.")
    private Path caFile;

    @Option(names = "--host", paramLabel = "NAME", description = "Host name or IP the certificate must cover "
            + "(repeatable).")
    private List<String> hosts = new ArrayList<>();

    @Override
    public Integer call() {
        List<X509Certificate> chain;
        List<X509Certificate> anchors;
        try {
            chain = PemFiles.certificates(certFile);
            anchors = caFile == null ? List.of() : PemFiles.certificates(caFile);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("Error: " + e.getFile() + ": no such file");
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 1;
        }
        X509Certificate leaf = chain.get(0);
        List<String> problems;
        try {
            problems = CertificateCheck.problems(leaf, chain, anchors, hosts, Instant.now());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Error: " + certFile + ": " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!problems.isEmpty()) {
            problems.forEach(out::println);
            return 1;
        }
        String trust = anchors.isEmpty() ? "; chain not checked (no --ca)"
                : "; chain verifies against the given CA";
        out.println("OK: " + CertificateFacts.summary(leaf) + trust);
        return 0;
    }
}
