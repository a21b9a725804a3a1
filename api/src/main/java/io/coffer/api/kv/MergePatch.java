package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import java.util.Map;

/** JSON Merge Patch (RFC 7396). Pure; never modifies its arguments. */
final class MergePatch {

    private MergePatch() {
    }

    /**
     * Applies {@code patch} to {@code target}: a non-object patch replaces the target; an object patch is merged
     * member by member, {@code null} members removing the key and object members merging recursively.
     */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? null : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
