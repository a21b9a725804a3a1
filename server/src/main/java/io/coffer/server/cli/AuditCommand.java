package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer audit enable|disable|list}: audit devices under {@code sys/audit}. */
@Command(name = "audit", exitCodeOnInvalidInput = 1, description = "Audit devices: enable, disable, list.",
        subcommands = {AuditEnableCommand.class, AuditDisableCommand.class, AuditListCommand.class})
public final class AuditCommand extends CommandGroup {
}
