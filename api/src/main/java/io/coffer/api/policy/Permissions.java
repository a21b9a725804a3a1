package io.coffer.api.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pattern grants once the rules of every policy that names it are merged, as Vault merges them:
 * capabilities are unioned, but a deny anywhere leaves only deny; the smaller non-zero wrapping TTL wins;
 * allowed and denied parameter values are concatenated per key, an empty list (any value) absorbing the rest;
 * required parameters are unioned.
 *
 * <p>Mutated only while {@link Acl#of} builds the ACL, on one thread; read-only afterwards.
 */
final class Permissions {

    private final EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
    private final List<String> required = new ArrayList<>();
    private final Map<String, List<Object>> allowed = new LinkedHashMap<>();
    private final Map<String, List<Object>> denied = new LinkedHashMap<>();
    private Duration minWrappingTtl = Duration.ZERO;
    private Duration maxWrappingTtl = Duration.ZERO;

    Permissions(PathRule rule) {
        capabilities.addAll(rule.capabilities());
        required.addAll(rule.requiredParameters());
        rule.allowedParameters().forEach((key, values) -> allowed.put(key, new ArrayList<>(values)));
        rule.deniedParameters().forEach((key, values) -> denied.put(key, new ArrayList<>(values)));
        minWrappingTtl = rule.minWrappingTtl();
        maxWrappingTtl = rule.maxWrappingTtl();
    }

    /** Folds another policy's rule for the same pattern into this one. */
    void merge(PathRule rule) {
        if (denies()) {
            return;
        }
        if (rule.denies()) {
            capabilities.clear();
            capabilities.add(Capability.DENY);
            allowed.clear();
            denied.clear();
            return;
        }
        capabilities.addAll(rule.capabilities());
        maxWrappingTtl = smallerNonZero(maxWrappingTtl, rule.maxWrappingTtl());
        minWrappingTtl = smallerNonZero(minWrappingTtl, rule.minWrappingTtl());
        mergeValues(allowed, rule.allowedParameters());
        mergeValues(denied, rule.deniedParameters());
        for (String name : rule.requiredParameters()) {
            if (!required.contains(name)) {
                required.add(name);
            }
        }
    }

    boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    boolean denies() {
        return capabilities.contains(Capability.DENY);
    }

    /** Whether some capability other than deny is granted. */
    boolean grantsAnything() {
        return !denies() && !capabilities.isEmpty();
    }

    EnumSet<Capability> capabilities() {
        return EnumSet.copyOf(capabilities);
    }

    List<String> required() {
        return required;
    }

    Map<String, List<Object>> allowed() {
        return allowed;
    }

    Map<String, List<Object>> denied() {
        return denied;
    }

    Duration minWrappingTtl() {
        return minWrappingTtl;
    }

    Duration maxWrappingTtl() {
        return maxWrappingTtl;
    }

    private static Duration smallerNonZero(Duration current, Duration candidate) {
        if (candidate.isZero() || candidate.isNegative()) {
            return current;
        }
        return current.isZero() || candidate.compareTo(current) < 0 ? candidate : current;
    }

    private static void mergeValues(Map<String, List<Object>> into, Map<String, List<Object>> from) {
        from.forEach((key, values) -> {
            List<Object> existing = into.get(key);
            if (values.isEmpty() || (existing != null && existing.isEmpty())) {
                into.put(key, new ArrayList<>());
            } else {
                List<Object> merged = new ArrayList<>(values);
                if (existing != null) {
                    merged.addAll(existing);
                }
                into.put(key, merged);
            }
        });
    }
}
