package io.coffer.server.tls;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coffer tls ca}: the guide's "Step 1 — Create the CA" ({@code rootCA.crt} and {@code rootCA.key}). */
@Command(name = "ca", description = "Create a self-signed root CA: DIR/rootCA.crt and DIR/rootCA.key (mode 0600).")
public final class TlsCaCommand implements Callable<Integer> {

    static final String CERT_FILE = "rootCA.crt";
    static final String KEY_FILE = "rootCA.key";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR",
            description = "Directory to write the files to (default: the current directory).")
    private Path dir;

    @Option(names = "--key-type", defaultValue = "rsa", converter = KeyTypeConverter.class, paramLabel = "rsa|ec",
            description = "RSA 4096 (default) or EC P-256.")
    private KeyType keyType;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3650",
            description = "Validity in days (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--cn", defaultValue = CertificateAuthority.DEFAULT_CN, paramLabel = "NAME",
            description = "Common name; the rest of the subject is /C=US/ST=State/L=City/O=Your Organization.")
    private String cn;

    @Option(names = "--force", description = "Overwrite existing files.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path certFile = dir.resolve(CERT_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        if (days <= 0) {
            err.println("Error: --days must be positive, got " + days);
            return 2;
        }
        if (!force && (Files.exists(certFile) || Files.exists(keyFile))) {
            err.println("Error: " + (Files.exists(certFile) ? certFile : keyFile)
                    + " already exists; pass --force to overwrite it");
            return 1;
        }
        try {
            CertificateAuthority ca = CertificateAuthority.create(keyType, cn, Duration.ofDays(days));
            ca.writeTo(certFile, keyFile);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote " + certFile + " and " + keyFile + " (" + CertificateFacts.subject(ca.certificate())
                    + ", valid until " + CertificateFacts.notAfter(ca.certificate()) + ").");
            out.println("Keep " + KEY_FILE + " secret: it signs every node certificate. Give " + CERT_FILE
                    + " to every node.");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
