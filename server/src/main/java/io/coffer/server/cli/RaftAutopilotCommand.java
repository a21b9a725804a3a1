package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer operator raft autopilot state}. */
@Command(name = "autopilot", exitCodeOnInvalidInput = 1, description = "Autopilot commands: state.",
        subcommands = {AutopilotStateCommand.class})
final class RaftAutopilotCommand extends CommandGroup {
}
