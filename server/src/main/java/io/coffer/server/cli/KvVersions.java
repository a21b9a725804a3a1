package io.coffer.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code -versions=1,2 -versions=3}: flattened to {@code {"versions":["1","2","3"]}} (strings, as the CLI sends). */
final class KvVersions {

    private KvVersions() {
    }

    static ObjectNode body(List<String> flags) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode versions = body.putArray("versions");
        for (String flag : flags) {
            for (String part : flag.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    versions.add(trimmed);
                }
            }
        }
        return body;
    }
}
