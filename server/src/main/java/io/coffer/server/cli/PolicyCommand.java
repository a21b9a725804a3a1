package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer policy write|read|list|delete}: ACL policies under {@code sys/policies/acl}. */
@Command(name = "policy", exitCodeOnInvalidInput = 1, description = "ACL policies: write, read, list, delete.",
        subcommands = {PolicyWriteCommand.class, PolicyReadCommand.class, PolicyListCommand.class,
            PolicyDeleteCommand.class})
public final class PolicyCommand extends CommandGroup {
}
