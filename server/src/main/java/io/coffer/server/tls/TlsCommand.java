package io.coffer.server.tls;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer tls}: the guide's certificate steps without openssl. {@code ca} makes {@code rootCA.crt} and
 * {@code rootCA.key}, {@code cert} makes a node certificate with serverAuth and clientAuth, {@code verify} explains
 * what is wrong with an existing certificate.
 */
@Command(name = "tls", description = "Create a CA and node certificates for mutual TLS, and check certificates.",
        subcommands = {TlsCaCommand.class, TlsCertCommand.class, TlsVerifyCommand.class})
public final class TlsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
