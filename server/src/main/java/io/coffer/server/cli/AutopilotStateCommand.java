package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator raft autopilot state}: {@code GET sys/storage/raft/autopilot/state}, printed in the CLI's
 * "pretty" layout (its default for this command, also used for {@code -format=table}) or as JSON.
 */
@Command(name = "state", exitCodeOnInvalidInput = 1, description = "Show the autopilot view of the cluster.")
final class AutopilotStateCommand extends ClientCommand {

    @Parameters(arity = "0..*", hidden = true)
    private List<String> args = new ArrayList<>();

    @Override
    protected int execute() {
        requireArgs(args, 0);
        VaultClient client = client();
        Secret secret = attempt(() -> client.read("sys/storage/raft/autopilot/state", Map.of()),
                "Error checking autopilot state");
        if (secret == null || secret.data() == null) {
            return 0;
        }
        if (ui().isTable() || ui().format().equals("pretty")) {
            ui().output(pretty(secret.data()));
            return 0;
        }
        return ui().json(GoJson.sorted(secret.data()));
    }

    static String pretty(JsonNode state) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Healthy:                         %s%n", state.path("healthy").asBoolean()));
        out.append(String.format("Failure Tolerance:               %d%n", state.path("failure_tolerance").asInt()));
        out.append(String.format("Leader:                          %s%n", state.path("leader").asText()));
        out.append("Voters:\n");
        state.path("voters").forEach(v -> out.append("   ").append(v.asText()).append('\n'));
        if (state.path("non_voters").size() > 0) {
            out.append("Non Voters:\n");
            state.path("non_voters").forEach(v -> out.append("   ").append(v.asText()).append('\n'));
        }
        int optimistic = state.path("optimistic_failure_tolerance").asInt();
        if (optimistic > 0) {
            out.append(String.format("Optimistic Failure Tolerance:    %d%n", optimistic));
        }
        out.append("Servers:\n");
        GoJson.sortedFields(state.path("servers")).values().forEach(server -> server(server, out));
        return out.toString();
    }

    private static void server(JsonNode s, StringBuilder out) {
        out.append("   ").append(s.path("id").asText()).append('\n');
        line(out, "Name", s.path("name").asText());
        line(out, "Address", s.path("address").asText());
        line(out, "Status", s.path("status").asText());
        line(out, "Node Status", s.path("node_status").asText());
        line(out, "Healthy", String.valueOf(s.path("healthy").asBoolean()));
        line(out, "Last Contact", s.path("last_contact").asText());
        line(out, "Last Term", String.valueOf(s.path("last_term").asLong()));
        line(out, "Last Index", String.valueOf(s.path("last_index").asLong()));
        line(out, "Version", s.path("version").asText());
        for (String[] optional : new String[][] {{"upgrade_version", "Upgrade Version"},
            {"redundancy_zone", "Redundancy Zone"}, {"node_type", "Node Type"}}) {
            if (!s.path(optional[0]).asText("").isEmpty()) {
                line(out, optional[1], s.path(optional[0]).asText());
            }
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("      ").append(String.format("%-19s", label + ":")).append(value).append('\n');
    }
}
