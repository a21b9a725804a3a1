package io.coffer.server.tls;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer tls cert HOSTNAME IP}: the guide's {@code gen-cert.sh}, with the extensions it is easy to lose
 * (serverAuth and clientAuth, the load balancer's host name in the SANs) always present.
 */
@Command(name = "cert", description = "Issue a node certificate signed by DIR/rootCA.crt: DIR/HOSTNAME.pem and "
        + "DIR/HOSTNAME-key.pem (mode 0600), with serverAuth and clientAuth for Raft mutual TLS.")
public final class TlsCertCommand implements Callable<Integer> {

    /** A host name usable as a file name: DNS labels, no wildcard, no path separator. */
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "HOSTNAME", description = "The node's host name (CN and first DNS SAN).")
    private String hostname;

    @Parameters(index = "1", paramLabel = "IP", description = "The node's IP address (first IP SAN).")
    private String ip;

    @Option(names = "--lb-host", defaultValue = "vault.example.com", paramLabel = "NAME",
            description = "Load balancer (HAProxy) host name every node certificate carries; \"\" for none "
                    + "(default: ${DEFAULT-VALUE}).")
    private String lbHost;

    @Option(names = "--dns", paramLabel = "NAME", description = "Another DNS SAN (repeatable; wildcards allowed).")
    private List<String> extraDns = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IP", description = "Another IP SAN (repeatable).")
    private List<String> extraIps = new ArrayList<>();

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR",
            description = "Directory holding rootCA.crt and rootCA.key, and for the output (default: current).")
    private Path dir;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "Validity in days (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--key-type", defaultValue = "rsa", converter = KeyTypeConverter.class, paramLabel = "rsa|ec",
            description = "RSA 2048 (default) or EC P-256.")
    private KeyType keyType;

    @Option(names = "--force", description = "Overwrite existing files.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String invalid = invalidArgument();
        if (invalid != null) {
            err.println("Error: " + invalid);
            return 2;
        }
        Path certFile = dir.resolve(hostname + ".pem");
        Path keyFile = dir.resolve(hostname + "-key.pem");
        if (!force && (Files.exists(certFile) || Files.exists(keyFile))) {
            err.println("Error: " + (Files.exists(certFile) ? certFile : keyFile)
                    + " already exists; pass --force to overwrite it");
            return 1;
        }
        Path caCert = dir.resolve(TlsCaCommand.CERT_FILE);
        Path caKey = dir.resolve(TlsCaCommand.KEY_FILE);
        if (!Files.exists(caCert) || !Files.exists(caKey)) {
            err.println("Error: " + (Files.exists(caCert) ? caKey : caCert) + " not found; create the CA first with "
                    + "\"coffer tls ca --dir " + dir + "\"");
            return 1;
        }
        try {
            CertificateAuthority ca = CertificateAuthority.load(caCert, caKey);
            IssuedCertificate leaf = ca.issue(spec());
            leaf.writeTo(certFile, keyFile);
            report(ca, leaf, certFile, keyFile);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private String invalidArgument() {
        if (!HOSTNAME.matcher(hostname).matches()) {
            return "HOSTNAME \"" + hostname + "\" is not a host name (letters, digits, '-', '_' and '.'; put "
                    + "wildcards in --dns)";
        }
        for (String address : allIps()) {
            if (!HostMatcher.isIpLiteral(address)) {
                return "\"" + address + "\" is not an IP address";
            }
        }
        return days <= 0 ? "--days must be positive, got " + days : null;
    }

    private List<String> allIps() {
        List<String> ips = new ArrayList<>();
        ips.add(ip);
        ips.addAll(extraIps);
        return ips;
    }

    private LeafSpec spec() {
        List<String> dns = new ArrayList<>();
        if (!lbHost.isBlank()) {
            dns.add(lbHost);
        }
        dns.addAll(extraDns);
        return LeafSpec.forHost(hostname).withDnsNames(dns).withIps(allIps()).withKeyType(keyType)
                .withEkus(EnumSet.allOf(Eku.class)).withValidity(Duration.ofDays(days));
    }

    /** Prints what was written and re-checks it the way {@code coffer tls verify} would. */
    private void report(CertificateAuthority ca, IssuedCertificate leaf, Path certFile, Path keyFile) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + certFile + " and " + keyFile + ".");
        out.println(CertificateFacts.summary(leaf.certificate()));
        List<String> problems = CertificateCheck.problems(leaf.certificate(), List.of(leaf.certificate()),
                List.of(ca.certificate()), List.of(hostname), Instant.now());
        problems.forEach(p -> spec.commandLine().getErr().println("Warning: " + p));
    }
}
