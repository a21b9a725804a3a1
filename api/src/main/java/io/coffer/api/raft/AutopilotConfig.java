package io.coffer.api.raft;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Autopilot settings (vault-api.md §3.7). As in Vault only the fields an operator supplied are stored (null =
 * unset); {@link #effective()} lays them over the defaults. Durations are whole seconds. Immutable.
 *
 * @param cleanupDeadServers                    {@code cleanup_dead_servers}
 * @param lastContactThreshold                  {@code last_contact_threshold}, seconds
 * @param deadServerLastContactThreshold        {@code dead_server_last_contact_threshold}, seconds
 * @param maxTrailingLogs                       {@code max_trailing_logs}
 * @param minQuorum                             {@code min_quorum}
 * @param serverStabilizationTime               {@code server_stabilization_time}, seconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AutopilotConfig(Boolean cleanupDeadServers, Long lastContactThreshold, Long deadServerLastContactThreshold,
                       Long maxTrailingLogs, Long minQuorum, Long serverStabilizationTime) {

    static final AutopilotConfig NONE = new AutopilotConfig(null, null, null, null, null, null);
    private static final AutopilotConfig DEFAULTS = new AutopilotConfig(false, 10L, 86_400L, 1000L, 0L, 10L);

    /** The defaults with every supplied field of this config applied. */
    AutopilotConfig effective() {
        return new AutopilotConfig(or(cleanupDeadServers, DEFAULTS.cleanupDeadServers),
                or(lastContactThreshold, DEFAULTS.lastContactThreshold),
                or(deadServerLastContactThreshold, DEFAULTS.deadServerLastContactThreshold),
                or(maxTrailingLogs, DEFAULTS.maxTrailingLogs), or(minQuorum, DEFAULTS.minQuorum),
                or(serverStabilizationTime, DEFAULTS.serverStabilizationTime));
    }

    /**
     * This stored config with the fields present in {@code body} replaced, validated on the effective result with
     * Vault's texts (400).
     */
    AutopilotConfig update(ObjectNode body) {
        if (body.has("disable_upgrade_migration")) {
            throw ApiException.badRequest("disable_upgrade_migration is only available in Vault Enterprise");
        }
        JsonNode deadRaw = body.get("dead_server_last_contact_threshold");
        AutopilotConfig next = new AutopilotConfig(
                body.has("cleanup_dead_servers") ? bool(body.get("cleanup_dead_servers")) : cleanupDeadServers,
                seconds(body, "last_contact_threshold", lastContactThreshold),
                seconds(body, "dead_server_last_contact_threshold", deadServerLastContactThreshold),
                integer(body, "max_trailing_logs", maxTrailingLogs), integer(body, "min_quorum", minQuorum),
                seconds(body, "server_stabilization_time", serverStabilizationTime));
        AutopilotConfig effective = next.effective();
        if (effective.cleanupDeadServers && effective.minQuorum < 3) {
            throw ApiException.badRequest("min_quorum must be set when cleanup_dead_servers is set and it should at "
                    + "least be 3; cleanup_dead_servers: true, min_quorum: 0x" + Long.toHexString(effective.minQuorum));
        }
        if (effective.cleanupDeadServers && effective.deadServerLastContactThreshold < 60) {
            throw ApiException.badRequest("dead_server_last_contact_threshold should not be set to less than 1m; "
                    + "received: " + (deadRaw == null ? "<nil>" : next.deadServerLastContactThreshold));
        }
        return next;
    }

    /** The effective settings as Vault returns them ({@code data} of a GET). */
    ObjectNode render() {
        AutopilotConfig e = effective();
        ObjectNode data = Json.object();
        data.put("cleanup_dead_servers", e.cleanupDeadServers);
        data.put("last_contact_threshold", GoDuration.format(Duration.ofSeconds(e.lastContactThreshold)));
        data.put("dead_server_last_contact_threshold",
                GoDuration.format(Duration.ofSeconds(e.deadServerLastContactThreshold)));
        data.put("max_trailing_logs", e.maxTrailingLogs);
        data.put("min_quorum", e.minQuorum);
        data.put("server_stabilization_time", GoDuration.format(Duration.ofSeconds(e.serverStabilizationTime)));
        data.put("disable_upgrade_migration", false);
        return data;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static Long seconds(ObjectNode body, String field, Long current) {
        if (!body.has(field)) {
            return current;
        }
        try {
            return GoDuration.toSeconds(GoDuration.parseSeconds(body.get(field)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("error converting input " + body.get(field).asText() + " for field \""
                    + field + "\": " + e.getMessage());
        }
    }

    private static Long integer(ObjectNode body, String field, Long current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode node = body.get(field);
        if (node.canConvertToLong() || node.asText("").matches("\\d+")) {
            long value = node.isNumber() ? node.asLong() : Long.parseLong(node.asText());
            if (value >= 0) {
                return value;
            }
        }
        throw ApiException.badRequest("error converting input " + node.asText() + " for field \"" + field + "\"");
    }

    private static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String text = node.asText("").toLowerCase(Locale.ROOT);
        if (List.of("1", "t", "true").contains(text)) {
            return true;
        }
        if (List.of("0", "f", "false").contains(text)) {
            return false;
        }
        throw ApiException.badRequest("error converting input " + node.asText()
                + " for field \"cleanup_dead_servers\"");
    }
}
