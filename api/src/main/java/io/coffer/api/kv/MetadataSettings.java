package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The four settable fields of {@code metadata/<path>}, parsed and validated before any storage access. Absent
 * fields are empty optionals and leave the stored value alone.
 *
 * @param customPatch for PATCH only: the raw {@code custom_metadata} object (null members remove keys), or null
 */
record MetadataSettings(Optional<Long> maxVersions, Optional<Boolean> casRequired,
                        Optional<Duration> deleteVersionAfter, Optional<Map<String, String>> customMetadata,
                        ObjectNode customPatch) {

    static final String CAS_WARNING =
            "\"cas_required\" set to false, but is mandated by backend config. This value will be ignored.";

    /**
     * Reads the fields of a write ({@code patch} false: custom_metadata replaces the whole map, null values are "")
     * or of a merge-patch ({@code patch} true: null values remove keys, a null map clears it). 400 on bad input.
     */
    static MetadataSettings parse(ObjectNode body, boolean patch) {
        Optional<Long> maxVersions = KvFields.integer(body, "max_versions").map(v -> v & 0xFFFF_FFFFL);
        Optional<Boolean> casRequired = KvFields.bool(body, "cas_required");
        Optional<Duration> deleteVersionAfter = KvFields.duration(body, "delete_version_after", false);
        Optional<ObjectNode> rawCustom = KvFields.map(body, "custom_metadata");
        Optional<Map<String, String>> custom = rawCustom.map(raw -> CustomMetadata.parse(raw, patch));
        custom.ifPresent(CustomMetadata::validate);
        boolean nullMap = body.has("custom_metadata") && body.get("custom_metadata").isNull();
        ObjectNode customPatch = patch && rawCustom.isPresent() && !nullMap ? rawCustom.get() : null;
        return new MetadataSettings(maxVersions, casRequired, deleteVersionAfter, custom, customPatch);
    }

    /** None of the fields was given: a metadata write is then a no-op. */
    boolean isEmpty() {
        return maxVersions.isEmpty() && casRequired.isEmpty() && deleteVersionAfter.isEmpty()
                && customMetadata.isEmpty();
    }

    /** The warning Vault adds when {@code cas_required:false} is overridden by the mount config, or null. */
    String warning(KvConfig config) {
        return casRequired.isPresent() && !casRequired.get() && config.casRequired() ? CAS_WARNING : null;
    }

    /** Applies the given fields; custom metadata is replaced, or merged when this came from a PATCH. */
    KeyMetadata applyTo(KeyMetadata meta) {
        KeyMetadata next = meta;
        if (maxVersions.isPresent()) {
            next = next.withMaxVersions(maxVersions.get());
        }
        if (casRequired.isPresent()) {
            next = next.withCasRequired(casRequired.get());
        }
        if (deleteVersionAfter.isPresent()) {
            next = next.withDeleteVersionAfter(deleteVersionAfter.get());
        }
        if (customMetadata.isPresent()) {
            next = next.withCustomMetadata(customPatch == null ? customMetadata.get() : merged(meta));
        }
        return next;
    }

    private Map<String, String> merged(KeyMetadata meta) {
        Map<String, String> result = meta.customMetadata() == null
                ? new TreeMap<>() : new TreeMap<>(meta.customMetadata());
        for (Map.Entry<String, JsonNode> field : customPatch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            }
        }
        result.putAll(customMetadata.get());
        return result;
    }
}
