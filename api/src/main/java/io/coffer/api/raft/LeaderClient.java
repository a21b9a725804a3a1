package io.coffer.api.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a joining node talks to a leader's <em>API</em> port (vault-api.md §3.2): one JSON {@code PUT} per call.
 * The server implements it over HTTPS with the join's TLS material; tests may call a node in-process.
 * Implementations are thread-safe and bound every call in time.
 */
public interface LeaderClient {

    /**
     * Sends {@code body} as {@code PUT /v1/<path>} to {@code target} and returns the parsed response body.
     *
     * @throws JoinException when the leader cannot be reached, answers a non-2xx status (the message then
     *                       carries Vault's {@code Code: <status>. Errors: ...} text) or a body that is not JSON
     */
    JsonNode put(JoinTarget target, String path, ObjectNode body);

    /** Checks that the TLS material of {@code target} is usable; throws JoinException with the reason if not. */
    default void check(JoinTarget target) {
    }

    /** A client for nodes that cannot join (no transport wired): every call fails. */
    static LeaderClient unavailable() {
        return (target, path, body) -> {
            throw new JoinException("this node has no client for joining a raft cluster");
        };
    }
}
