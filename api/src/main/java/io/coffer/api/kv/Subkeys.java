package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import java.util.Map;

/** The {@code subkeys} view of a secret: its object structure with every value replaced by null. Pure. */
final class Subkeys {

    private Subkeys() {
    }

    /**
     * Copies {@code data} keeping keys only: non-empty objects are walked while the nesting level (top level = 1)
     * stays within {@code maxDepth}; everything else (values, arrays, empty objects, objects below the limit)
     * becomes null. {@code maxDepth} 0 means no limit; a negative one behaves like 1, as in Vault.
     */
    static ObjectNode of(ObjectNode data, long maxDepth) {
        return walk(data, 1, maxDepth);
    }

    private static ObjectNode walk(ObjectNode node, long depth, long maxDepth) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            long next = depth + 1;
            if (value.isObject() && value.size() > 0 && (maxDepth == 0 || next <= maxDepth)) {
                out.set(field.getKey(), walk((ObjectNode) value, next, maxDepth));
            } else {
                out.putNull(field.getKey());
            }
        }
        return out;
    }
}
