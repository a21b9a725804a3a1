package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.GoDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of the CLI's {@code TableFormatter.OutputSecret}: lease fields ({@code refresh_interval} for a lease
 * without an id, as KV v1 reads have), the token block of an {@code auth} response ({@code token_duration} of 0
 * shown as {@code ∞}), wrapping fields, then {@code data} keys sorted; TTL-like integers printed as durations.
 */
final class SecretTable {

    private static final String D = " " + Columns.HOPE_DELIM + " ";

    private SecretTable() {
    }

    static List<String> rows(Secret secret) {
        List<String> rows = new ArrayList<>();
        if (secret.leaseDuration() > 0) {
            if (!secret.leaseId().isEmpty()) {
                rows.add("lease_id" + D + secret.leaseId());
                rows.add("lease_duration" + D + GoDuration.human(secret.leaseDuration()));
                rows.add("lease_renewable" + D + secret.renewable());
            } else {
                rows.add("refresh_interval" + D + GoDuration.human(secret.leaseDuration()));
            }
        }
        if (secret.auth() != null) {
            authRows(secret.auth(), rows);
        }
        if (secret.wrapInfo() != null) {
            wrapRows(secret.wrapInfo(), rows);
        }
        ObjectNode data = secret.data();
        if (data != null) {
            GoJson.sortedFields(data).forEach((key, value) -> rows.add(key + D + GoText.field(key, value)));
        }
        return rows;
    }

    private static void authRows(ObjectNode auth, List<String> rows) {
        JsonNode mfa = auth.get("mfa_requirement");
        if (mfa != null && !mfa.isNull()) {
            rows.add("mfa_request_id" + D + mfa.path("mfa_request_id").asText());
            return;
        }
        rows.add("token" + D + auth.path("client_token").asText());
        rows.add("token_accessor" + D + auth.path("accessor").asText());
        long duration = auth.path("lease_duration").asLong(0);
        rows.add("token_duration" + D + (duration == 0 ? "\u221e" : GoDuration.human(duration)));
        rows.add("token_renewable" + D + auth.path("renewable").asBoolean(false));
        rows.add("token_policies" + D + GoText.quotedList(auth.get("token_policies")));
        rows.add("identity_policies" + D + GoText.quotedList(auth.get("identity_policies")));
        rows.add("policies" + D + GoText.quotedList(auth.get("policies")));
        Map<String, String> metadata = new TreeMap<>();
        auth.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), GoText.value(e.getValue())));
        metadata.forEach((key, value) -> rows.add("token_meta_" + key + D + value));
    }

    private static void wrapRows(ObjectNode wrap, List<String> rows) {
        rows.add("wrapping_token:" + D + wrap.path("token").asText());
        rows.add("wrapping_accessor:" + D + wrap.path("accessor").asText());
        rows.add("wrapping_token_ttl:" + D + GoText.humanDuration(wrap.path("ttl")));
        rows.add("wrapping_token_creation_time:" + D + wrap.path("creation_time").asText());
        rows.add("wrapping_token_creation_path:" + D + wrap.path("creation_path").asText());
        if (!wrap.path("wrapped_accessor").asText("").isEmpty()) {
            rows.add("wrapped_accessor:" + D + wrap.path("wrapped_accessor").asText());
        }
    }
}
