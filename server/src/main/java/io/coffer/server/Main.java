package io.coffer.server;

import io.coffer.server.tls.TlsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command line: {@code coffer server ...} and the client and tooling subcommands. */
@Command(name = "coffer", mixinStandardHelpOptions = true, versionProvider = CofferVersion.class,
        description = "Coffer: a Vault-compatible secrets server on Raft.",
        subcommands = {ServerCommand.class, TlsCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
