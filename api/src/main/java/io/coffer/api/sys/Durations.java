package io.coffer.api.sys;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.GoDuration;

/** Reads a TTL field that may be a Go duration string or integer seconds. */
final class Durations {

    private Durations() {
    }

    static long seconds(JsonNode node) {
        try {
            return GoDuration.toSeconds(GoDuration.parseSeconds(node));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid duration: " + node.asText());
        }
    }
}
