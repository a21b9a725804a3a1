package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer operator raft remove-peer SERVER_ID}: {@code PUT sys/storage/raft/remove-peer}. */
@Command(name = "remove-peer", exitCodeOnInvalidInput = 1, description = "Remove a peer from the Raft cluster.")
final class RaftRemovePeerCommand extends ClientCommand {

    @Parameters(arity = "0..*", paramLabel = "SERVER_ID", description = "The node id to remove.")
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        if (args.size() != 1) {
            throw CommandFailure.usage("Incorrect arguments (expected 1, got " + args.size() + ")");
        }
        String serverId = args.get(0).trim();
        if (serverId.isEmpty()) {
            throw CommandFailure.usage("Server id is required");
        }
        VaultClient client = client();
        attempt(() -> client.send(VaultRequest.put("sys/storage/raft/remove-peer",
                JsonNodeFactory.instance.objectNode().put("server_id", serverId))),
                "Error removing the peer from raft cluster");
        ui().output("Peer removed successfully!");
        return 0;
    }
}
