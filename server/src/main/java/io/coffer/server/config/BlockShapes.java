package io.coffer.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalises the shapes that hcl4j and JSON give to blocks. hcl4j turns a single block into a map and repeated
 * blocks into a list; blocks with the same label are grouped under it ({@code listener = {tcp = [{..}, {..}]}}),
 * while an unlabelled block among labelled ones becomes a separate list item. JSON configs use
 * {@code "listener": {"tcp": {..}}} or {@code "listener": [{"tcp": {..}}]}. All of these end up as a flat list.
 */
final class BlockShapes {
    private BlockShapes() {
    }

    /** Every {@code key "label" {}} block in the raw value, in order. */
    static List<LabelledBlock> labelled(Object value, String key) {
        List<LabelledBlock> out = new ArrayList<>();
        collect(value, key, out);
        return out;
    }

    /** The bodies of an unlabelled block that may repeat, such as {@code retry_join {}}. */
    static List<Map<String, Object>> bodies(Object value, String where) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                out.add(body(item, where));
            }
        } else {
            out.add(body(value, where));
        }
        return out;
    }

    private static void collect(Object value, String key, List<LabelledBlock> out) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                collect(item, key, out);
            }
            return;
        }
        Map<String, Object> map = body(value, key);
        if (!isLabelContainer(map)) {
            out.add(new LabelledBlock(null, map));
            return;
        }
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String label = entry.getKey();
            for (Map<String, Object> body : bodies(entry.getValue(), key + " \"" + label + "\"")) {
                out.add(new LabelledBlock(label, body));
            }
        }
    }

    /** A map whose every value is a block (or a list of blocks) holds labels; anything else is a block body. */
    private static boolean isLabelContainer(Map<String, Object> map) {
        if (map.isEmpty()) {
            return false;
        }
        for (Object v : map.values()) {
            boolean blocks = v instanceof Map<?, ?>
                    || v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance);
            if (!blocks) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> body(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw Values.error(where, "expected a block, got " + Values.describe(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
