package io.coffer.server;

import io.coffer.server.cli.AuditCommand;
import io.coffer.server.cli.DeleteCommand;
import io.coffer.server.cli.KvCommand;
import io.coffer.server.cli.ListCommand;
import io.coffer.server.cli.OperatorCommand;
import io.coffer.server.cli.PolicyCommand;
import io.coffer.server.cli.ReadCommand;
import io.coffer.server.cli.SecretsCommand;
import io.coffer.server.cli.StatusCommand;
import io.coffer.server.cli.TokenCommand;
import io.coffer.server.cli.WriteCommand;
import io.coffer.server.tls.TlsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command line: {@code coffer server ...} and the client and tooling subcommands. */
@Command(name = "coffer", mixinStandardHelpOptions = true, versionProvider = CofferVersion.class,
        description = "Coffer: a Vault-compatible secrets server on Raft.",
        subcommands = {ServerCommand.class, TlsCommand.class, StatusCommand.class, OperatorCommand.class,
            SecretsCommand.class, KvCommand.class, TokenCommand.class, PolicyCommand.class, AuditCommand.class,
            ReadCommand.class, WriteCommand.class, DeleteCommand.class, ListCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).setPosixClusteredShortOptionsAllowed(false).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
