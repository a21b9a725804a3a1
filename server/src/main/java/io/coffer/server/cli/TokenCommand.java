package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer token create|lookup|renew|revoke}. */
@Command(name = "token", exitCodeOnInvalidInput = 1, description = "Token commands: create, lookup, renew, revoke.",
        subcommands = {TokenCreateCommand.class, TokenLookupCommand.class, TokenRenewCommand.class,
            TokenRevokeCommand.class})
public final class TokenCommand extends CommandGroup {
}
