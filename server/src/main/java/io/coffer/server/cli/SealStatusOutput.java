package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code OutputSealStatus}, shared by {@code status} and {@code operator unseal}: reads {@code sys/leader} (an
 * error containing {@code Vault is sealed} means "HA enabled, sealed"), then prints the seal status and HA facts
 * as Vault's Key/Value table or as the JSON of its {@code SealStatusOutput} struct.
 */
final class SealStatusOutput {

    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
    private static final String[] SEAL_FIELDS = {"type", "initialized", "sealed", "t", "n", "progress", "nonce",
        "version", "build_date", "migration"};
    private static final String[] OPTIONAL_FIELDS = {"recovery_seal_type", "storage_type", "hcp_link_status",
        "hcp_link_resource_ID", "warnings", "removed_from_cluster"};
    private static final String[] LEADER_OPTIONAL = {"leader_address", "leader_cluster_address",
        "performance_standby", "performance_standby_last_remote_wal", "last_wal", "raft_committed_index",
        "raft_applied_index"};

    private SealStatusOutput() {
    }

    /** Prints {@code status} with the leader facts; 1 when {@code sys/leader} fails for another reason. */
    static int print(Ui ui, VaultClient client, JsonNode status) {
        JsonNode leader;
        try {
            leader = client.json(VaultRequest.get("sys/leader"));
        } catch (ClientException e) {
            if (!e.getMessage().contains("Vault is sealed")) {
                ui.error("Error checking leader status: " + e.getMessage());
                return 1;
            }
            leader = JsonNodeFactory.instance.objectNode().put("ha_enabled", true);
        }
        if (leader == null) {
            leader = JsonNodeFactory.instance.objectNode();
        }
        if (ui.isTable()) {
            ui.table(rows(status, leader));
            return 0;
        }
        return ui.json(json(status, leader));
    }

    static List<String> rows(JsonNode s, JsonNode leader) {
        boolean sealed = s.path("sealed").asBoolean();
        String prefix = s.path("recovery_seal").asBoolean() ? "Recovery " : "";
        int threshold = s.path("t").asInt();
        List<String> rows = new ArrayList<>();
        rows.add("Key | Value");
        rows.add(prefix + "Seal Type | " + s.path("type").asText());
        rows.add("Initialized | " + s.path("initialized").asBoolean());
        rows.add("Sealed | " + sealed);
        rows.add("Total " + prefix + "Shares | " + s.path("n").asInt());
        rows.add("Threshold | " + threshold);
        if (sealed) {
            rows.add("Unseal Progress | " + s.path("progress").asInt() + "/" + threshold);
            rows.add("Unseal Nonce | " + s.path("nonce").asText());
        }
        if (s.path("migration").asBoolean()) {
            rows.add("Seal Migration in Progress | true");
        }
        rows.add("Version | " + s.path("version").asText());
        rows.add("Build Date | " + s.path("build_date").asText());
        rows.add("Storage Type | " + s.path("storage_type").asText());
        if (!s.path("cluster_name").asText().isEmpty() && !s.path("cluster_id").asText().isEmpty()) {
            rows.add("Cluster Name | " + s.path("cluster_name").asText());
            rows.add("Cluster ID | " + s.path("cluster_id").asText());
        }
        boolean ha = leader.path("ha_enabled").asBoolean();
        rows.add("HA Enabled | " + ha);
        if (ha && !sealed) {
            haRows(leader, rows);
        }
        addIfPositive(rows, "Raft Committed Index", leader.path("raft_committed_index").asLong());
        addIfPositive(rows, "Raft Applied Index", leader.path("raft_applied_index").asLong());
        addIfPositive(rows, "Last WAL", leader.path("last_wal").asLong());
        if (s.path("warnings").size() > 0) {
            rows.add("Warnings | " + GoText.value(s.path("warnings")));
        }
        return rows;
    }

    private static void haRows(JsonNode leader, List<String> rows) {
        rows.add("HA Cluster | " + leader.path("leader_cluster_address").asText());
        boolean self = leader.path("is_self").asBoolean();
        rows.add("HA Mode | " + (self ? "active" : "standby"));
        String activeTime = leader.path("active_time").asText("");
        if (self && !activeTime.isEmpty() && !activeTime.startsWith("0001-01-01")) {
            rows.add("Active Since | " + activeTime);
        }
        if (!self) {
            String address = leader.path("leader_address").asText("");
            rows.add("Active Node Address | " + (address.isEmpty() ? "<none>" : address));
        }
        if (leader.path("performance_standby").asBoolean()) {
            rows.add("Performance Standby Node | true");
            rows.add("Performance Standby Last Remote WAL | "
                    + leader.path("performance_standby_last_remote_wal").asLong());
        }
    }

    private static void addIfPositive(List<String> rows, String label, long value) {
        if (value > 0) {
            rows.add(label + " | " + value);
        }
    }

    /** The {@code SealStatusOutput} struct: seal-status fields in order, then the leader fields. */
    static ObjectNode json(JsonNode s, JsonNode leader) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String field : SEAL_FIELDS) {
            out.set(field, s.path(field).isMissingNode() ? JsonNodeFactory.instance.nullNode() : s.get(field));
        }
        for (String field : new String[] {"cluster_name", "cluster_id"}) {
            if (!s.path(field).asText("").isEmpty()) {
                out.set(field, s.get(field));
            }
        }
        out.put("recovery_seal", s.path("recovery_seal").asBoolean());
        for (String field : OPTIONAL_FIELDS) {
            if (present(s.get(field))) {
                out.set(field, s.get(field));
            }
        }
        out.put("ha_enabled", leader.path("ha_enabled").asBoolean());
        if (leader.path("is_self").asBoolean()) {
            out.put("is_self", true);
        }
        out.put("active_time", leader.path("active_time").asText(ZERO_TIME));
        for (String field : LEADER_OPTIONAL) {
            if (present(leader.get(field))) {
                out.set(field, leader.get(field));
            }
        }
        return out;
    }

    /** Go's omitempty: absent, null, false, 0, "" and empty lists are left out. */
    private static boolean present(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asLong() != 0;
        }
        return value.isTextual() ? !value.asText().isEmpty() : value.size() > 0 || !value.isContainerNode();
    }
}
