package io.coffer.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configuration file, or several merged, with the labelled stanzas pulled out of the plain attributes.
 * Merging follows Vault's {@code Config.Merge}: listeners and seals accumulate, a later storage stanza replaces an
 * earlier one, and any other key set in a later file wins.
 */
record ConfigDocument(Map<String, Object> attributes, List<LabelledBlock> listeners, List<LabelledBlock> seals,
                      LabelledBlock storage, List<LabelledBlock> haStorage, List<LabelledBlock> serviceRegistration) {

    private static final Set<String> LABELLED = Set.of(
            "listener", "seal", "hsm", "kms", "storage", "backend", "ha_storage", "ha_backend", "service_registration");

    static ConfigDocument empty() {
        return new ConfigDocument(Map.of(), List.of(), List.of(), null, List.of(), List.of());
    }

    /** Splits one file's raw tree; {@code source} names the file in error messages. */
    static ConfigDocument of(Map<String, Object> tree, String source) {
        Map<String, Object> attributes = new LinkedHashMap<>(tree);
        attributes.keySet().removeAll(LABELLED);
        List<LabelledBlock> seals = new ArrayList<>(blocks(tree, "seal"));
        seals.addAll(blocks(tree, "hsm"));
        seals.addAll(blocks(tree, "kms"));
        List<LabelledBlock> ha = new ArrayList<>(blocks(tree, "ha_storage"));
        ha.addAll(blocks(tree, "ha_backend"));
        String storageKey = tree.get("storage") != null ? "storage" : "backend";
        List<LabelledBlock> storages = blocks(tree, storageKey);
        if (storages.size() > 1) {
            throw new ConfigException(source + ": only one \"storage\" block is permitted");
        }
        LabelledBlock storage = storages.isEmpty() ? null : storages.get(0);
        return new ConfigDocument(attributes, blocks(tree, "listener"), seals, storage, ha,
                blocks(tree, "service_registration"));
    }

    ConfigDocument merge(ConfigDocument later) {
        Map<String, Object> attrs = new LinkedHashMap<>(attributes);
        attrs.putAll(later.attributes);
        return new ConfigDocument(attrs, concat(listeners, later.listeners), concat(seals, later.seals),
                later.storage != null ? later.storage : storage, concat(haStorage, later.haStorage),
                later.serviceRegistration.isEmpty() ? serviceRegistration : later.serviceRegistration);
    }

    private static List<LabelledBlock> blocks(Map<String, Object> tree, String key) {
        Object value = tree.get(key);
        return value == null ? List.of() : BlockShapes.labelled(value, key);
    }

    private static List<LabelledBlock> concat(List<LabelledBlock> a, List<LabelledBlock> b) {
        List<LabelledBlock> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
