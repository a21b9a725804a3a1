package io.coffer.server.cli;

import picocli.CommandLine.Command;

/** {@code coffer operator raft ...}: integrated storage membership, snapshots and autopilot. */
@Command(name = "raft", exitCodeOnInvalidInput = 1,
        description = "Raft commands: join, list-peers, remove-peer, snapshot, autopilot.",
        subcommands = {RaftJoinCommand.class, RaftListPeersCommand.class, RaftRemovePeerCommand.class,
            RaftSnapshotCommand.class, RaftAutopilotCommand.class})
final class OperatorRaftCommand extends CommandGroup {
}
