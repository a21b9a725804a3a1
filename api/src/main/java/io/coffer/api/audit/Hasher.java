package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vault's audit hashing: {@code hmac-sha256:} + lowercase hex of HMAC-SHA256 keyed with the device's salt (the
 * bytes of its UUID string). {@link #hashStrings} replaces every string value inside a JSON tree, recursively
 * through objects and arrays; keys, numbers, booleans and null stay as they are. Thread-safe.
 */
public final class Hasher {

    static final String PREFIX = "hmac-sha256:";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Hasher(String salt) {
        this.key = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The identified HMAC of {@code value}, as {@code sys/audit-hash} returns it. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Returns {@code node} with every string value replaced by its hash (a new tree; the input is not changed). */
    public JsonNode hashStrings(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(hash(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.set(field.getKey(), hashStrings(field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(element -> out.add(hashStrings(element)));
            return out;
        }
        return node.deepCopy();
    }
}
