package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer operator ...}: cluster operator commands, as {@code vault operator}. */
@Command(name = "operator", exitCodeOnInvalidInput = 1,
        description = "Operator commands: init, unseal, seal, step-down, raft.",
        subcommands = {OperatorInitCommand.class, OperatorUnsealCommand.class, OperatorSealCommand.class,
            OperatorStepDownCommand.class, OperatorRaftCommand.class})
public final class OperatorCommand extends CommandGroup {
}
