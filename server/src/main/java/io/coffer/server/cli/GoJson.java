package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as the CLI's {@code -format=json} prints it: Go's {@code json.MarshalIndent(v, "", "  ")}, so
 * {@code "key": value} with two-space indents, {@code {}} and {@code []} for empty containers, and {@code <},
 * {@code >}, {@code &} escaped as {@code \u003c} and friends. Object fields print in node order; use
 * {@link #sorted} for values that are Go maps (always key-sorted by Go's encoder).
 */
final class GoJson {

    private GoJson() {
    }

    static String print(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.toString();
    }

    /** The fields of {@code object} in key order, as Go ranges over a sorted map; none for a non-object. */
    static Map<String, JsonNode> sortedFields(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    /** A deep copy of {@code node} with every object's fields in key order. */
    static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node == null || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject() && !node.isEmpty()) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(indent).append("  ").append(string(field.getKey())).append(": ");
                write(field.getValue(), indent + "  ", out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(indent).append("  ");
                write(node.get(i), indent + "  ", out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            out.append(string(node.asText()));
        } else {
            out.append(node.isObject() ? "{}" : node.isArray() ? "[]" : node.toString());
        }
    }

    private static String string(String text) {
        String quoted = JsonNodeFactory.instance.textNode(text).toString();
        return quoted.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
