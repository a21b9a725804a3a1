package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator raft list-peers}: {@code GET sys/storage/raft/configuration}, printed as the CLI's
 * {@code Node | Address | State | Voter} table ({@code leader}/{@code follower}).
 */
@Command(name = "list-peers", exitCodeOnInvalidInput = 1, description = "List the Raft cluster's peers.")
final class RaftListPeersCommand extends ClientCommand {

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        Secret secret = attempt(() -> client.read("sys/storage/raft/configuration", Map.of()),
                "Error reading the raft cluster configuration");
        if (secret == null) {
            throw CommandFailure.remote("No raft cluster configuration found");
        }
        if (!ui().isTable()) {
            return ui().secret(secret);
        }
        JsonNode config = secret.field("config");
        List<String> rows = new ArrayList<>();
        rows.add("Node | Address | State | Voter");
        if (config != null) {
            for (JsonNode server : config.path("servers")) {
                rows.add(server.path("node_id").asText() + " | " + server.path("address").asText() + " | "
                        + (server.path("leader").asBoolean() ? "leader" : "follower") + " | "
                        + server.path("voter").asBoolean());
            }
        }
        ui().table(rows);
        return 0;
    }
}
