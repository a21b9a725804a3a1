package io.coffer.api.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The state of one automated-snapshot configuration, replicated so that any node answers
 * {@code snapshot-auto/status/<name>} and a new active node continues the schedule. Times are null when unset
 * (the API shows {@code ""}). Immutable.
 *
 * @param snapshotStart     start of the snapshot in progress, or null
 * @param snapshotUrl       where the snapshot in progress is written, or ""
 */
record AutoSnapshotStatus(int consecutiveErrors, Instant lastSnapshotStart, Instant lastSnapshotEnd,
                          String lastSnapshotError, String lastSnapshotUrl, Instant nextSnapshotStart,
                          Instant snapshotStart, String snapshotUrl) {

    /** A configuration just created (or first seen by this leader): first snapshot at {@code next}. */
    static AutoSnapshotStatus scheduled(Instant next) {
        return new AutoSnapshotStatus(0, null, null, "", "", next, null, "");
    }

    AutoSnapshotStatus started(Instant now, String url) {
        return new AutoSnapshotStatus(consecutiveErrors, lastSnapshotStart, lastSnapshotEnd, lastSnapshotError,
                lastSnapshotUrl, nextSnapshotStart, now, url);
    }

    AutoSnapshotStatus succeeded(Instant end, Instant next) {
        return new AutoSnapshotStatus(0, snapshotStart, end, "", snapshotUrl, next, null, "");
    }

    AutoSnapshotStatus failed(Instant end, String error, Instant next) {
        return new AutoSnapshotStatus(consecutiveErrors + 1, snapshotStart, end, error, snapshotUrl, next, null, "");
    }

    AutoSnapshotStatus rescheduled(Instant next) {
        return new AutoSnapshotStatus(consecutiveErrors, lastSnapshotStart, lastSnapshotEnd, lastSnapshotError,
                lastSnapshotUrl, next, snapshotStart, snapshotUrl);
    }

    /** The status response's {@code data}. */
    ObjectNode toData() {
        ObjectNode data = Json.object();
        data.put("consecutive_errors", consecutiveErrors);
        data.put("last_snapshot_end", text(lastSnapshotEnd));
        data.put("last_snapshot_error", lastSnapshotError);
        data.put("last_snapshot_start", text(lastSnapshotStart));
        data.put("last_snapshot_url", lastSnapshotUrl);
        data.put("next_snapshot_start", text(nextSnapshotStart));
        data.put("snapshot_start", text(snapshotStart));
        data.put("snapshot_url", snapshotUrl);
        return data;
    }

    byte[] encode() {
        return Json.bytes(toData());
    }

    static AutoSnapshotStatus decode(byte[] stored) {
        try {
            JsonNode n = Json.parse(stored);
            return new AutoSnapshotStatus(n.path("consecutive_errors").asInt(), time(n, "last_snapshot_start"),
                    time(n, "last_snapshot_end"), n.path("last_snapshot_error").asText(),
                    n.path("last_snapshot_url").asText(), time(n, "next_snapshot_start"), time(n, "snapshot_start"),
                    n.path("snapshot_url").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static Instant time(JsonNode n, String field) {
        String text = n.path(field).asText("");
        return text.isEmpty() ? null : Instant.parse(text);
    }
}
