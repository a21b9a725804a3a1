package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer operator raft snapshot save|restore}. */
@Command(name = "snapshot", exitCodeOnInvalidInput = 1, description = "Save or restore a Raft snapshot.",
        subcommands = {SnapshotSaveCommand.class, SnapshotRestoreCommand.class})
final class RaftSnapshotCommand extends CommandGroup {
}
