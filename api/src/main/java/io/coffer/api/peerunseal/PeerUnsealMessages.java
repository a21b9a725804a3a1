package io.coffer.api.peerunseal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import java.io.IOException;
import java.util.Base64;

/**
 * The two messages of one peer-unseal exchange, as JSON bytes on the cluster port. Neither carries anything that
 * unseals in clear: the request holds the requester's ephemeral public key, the response the unseal key
 * encrypted to it ({@link UnsealKeyEnvelope}).
 */
public final class PeerUnsealMessages {

    /** Longest accepted message; real ones are a few hundred bytes. */
    public static final int MAX_BYTES = 4096;

    private PeerUnsealMessages() {
    }

    /**
     * A sealed member asks for the unseal key.
     *
     * @param nodeId    the requester's Raft node id
     * @param publicKey its ephemeral X25519 public key (X.509 encoding)
     */
    public record Request(String nodeId, byte[] publicKey) {
        public byte[] encode() {
            return Json.bytes(Json.object().put("node_id", nodeId).put("public_key", b64(publicKey)));
        }

        /** @throws IllegalArgumentException when {@code bytes} is not a well-formed request */
        public static Request decode(byte[] bytes) {
            JsonNode json = parse(bytes);
            return new Request(text(json, "node_id"), unb64(text(json, "public_key")));
        }
    }

    /**
     * The leader's answer.
     *
     * @param responderId the answering node's Raft node id
     * @param groupId     the Raft group id (bound into the envelope)
     * @param envelope    the unseal key, encrypted to the request's public key
     */
    public record Response(String responderId, String groupId, UnsealKeyEnvelope.Sealed envelope) {
        public byte[] encode() {
            ObjectNode json = Json.object().put("node_id", responderId).put("group_id", groupId)
                    .put("public_key", b64(envelope.publicKey())).put("nonce", b64(envelope.nonce()))
                    .put("ciphertext", b64(envelope.ciphertext()));
            return Json.bytes(json);
        }

        /** @throws IllegalArgumentException when {@code bytes} is not a well-formed response */
        public static Response decode(byte[] bytes) {
            JsonNode json = parse(bytes);
            return new Response(text(json, "node_id"), text(json, "group_id"), new UnsealKeyEnvelope.Sealed(
                    unb64(text(json, "public_key")), unb64(text(json, "nonce")), unb64(text(json, "ciphertext"))));
        }
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("message too long (" + bytes.length + " bytes)");
        }
        try {
            return Json.parse(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed message", e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asText();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
