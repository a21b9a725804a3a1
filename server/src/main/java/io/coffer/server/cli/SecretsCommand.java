package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer secrets enable|disable|list}: secrets engine mounts. */
@Command(name = "secrets", exitCodeOnInvalidInput = 1, description = "Manage secrets engines: enable, disable, list.",
        subcommands = {SecretsEnableCommand.class, SecretsDisableCommand.class, SecretsListCommand.class})
public final class SecretsCommand extends CommandGroup {
}
