package io.coffer.api.policy;

import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed policy tree ({@code {"path": {"<pattern>": {...}}}}) into validated {@link PathRule}s, applying
 * Vault's rules: allowed keys, capability names, the legacy {@code policy} shorthand, {@code +*} forbidden, a
 * leading {@code /} stripped, parameter keys lowercased, wrapping TTLs as durations. As in Vault, a {@code deny}
 * capability ends the reading of its block: the rule denies and its other settings are neither read nor checked.
 */
final class RuleReader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "path");
    private static final Set<String> PATH_KEYS = Set.of("comment", "policy", "capabilities", "allowed_parameters",
            "denied_parameters", "required_parameters", "min_wrapping_ttl", "max_wrapping_ttl", "mfa_methods",
            "control_group", "subscribe_event_types");
    private static final Map<String, List<String>> LEGACY = Map.of(
            "read", List.of("read", "list"),
            "write", List.of("create", "read", "update", "delete", "list"),
            "sudo", List.of("create", "read", "update", "delete", "list", "sudo"));

    private RuleReader() {
    }

    static List<PathRule> read(Map<String, Object> tree) {
        for (String key : tree.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw PolicyException.parse("invalid key \"" + key + "\"");
            }
        }
        List<PathRule> rules = new ArrayList<>();
        Object paths = tree.get("path");
        if (paths != null) {
            blocks(paths, rules);
        }
        return rules;
    }

    /** Path blocks: a map of pattern to block (or to a list of blocks when repeated), or a list of such maps. */
    private static void blocks(Object paths, List<PathRule> out) {
        if (paths instanceof List<?> list) {
            list.forEach(item -> blocks(item, out));
            return;
        }
        if (!(paths instanceof Map<?, ?> map)) {
            throw PolicyException.parse("path: expected path blocks");
        }
        map.forEach((pattern, body) -> {
            if (body instanceof List<?> repeated) {
                repeated.forEach(one -> out.add(rule(String.valueOf(pattern), one)));
            } else {
                out.add(rule(String.valueOf(pattern), body));
            }
        });
    }

    private static PathRule rule(String key, Object body) {
        if (!(body instanceof Map<?, ?> fields)) {
            throw error(key, "expected a block");
        }
        for (Object field : fields.keySet()) {
            if (!PATH_KEYS.contains(String.valueOf(field))) {
                throw error(key, "invalid key \"" + field + "\"");
            }
        }
        checkTemplating(key);
        String path = key.startsWith("/") ? key.substring(1) : key;
        if (path.contains("+*")) {
            throw PolicyException.parse("path \"" + path + "\": invalid use of wildcards ('+*' is forbidden)");
        }
        List<String> names = new ArrayList<>(strings(key, "capabilities", fields.get("capabilities")));
        Object legacy = fields.get("policy");
        if (legacy != null) {
            applyLegacy(key, legacy, names);
        }
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : names) {
            Capability capability = Capability.parse(name);
            if (capability == Capability.DENY) {
                return PathRule.deny(path);
            }
            if (capability == null) {
                throw error(key, "invalid capability \"" + name + "\"");
            }
            capabilities.add(capability);
        }
        Duration min = ttl("min_wrapping_ttl", fields.get("min_wrapping_ttl"));
        Duration max = ttl("max_wrapping_ttl", fields.get("max_wrapping_ttl"));
        if (!min.isZero() && !max.isZero() && max.compareTo(min) < 0) {
            throw PolicyException.parse("max_wrapping_ttl cannot be less than min_wrapping_ttl");
        }
        return new PathRule(path, capabilities, strings(key, "required_parameters", fields.get("required_parameters")),
                parameters(key, "allowed_parameters", fields.get("allowed_parameters")),
                parameters(key, "denied_parameters", fields.get("denied_parameters")), min, max,
                strings(key, "subscribe_event_types", fields.get("subscribe_event_types")));
    }

    /** Vault's pre-capabilities {@code policy = "..."} shorthand; {@code deny} replaces, the others add. */
    private static void applyLegacy(String key, Object legacy, List<String> names) {
        String value = String.valueOf(legacy);
        if (value.equals("deny")) {
            names.clear();
            names.add("deny");
            return;
        }
        List<String> mapped = legacy instanceof String ? LEGACY.get(value) : null;
        if (mapped == null) {
            throw error(key, "invalid policy \"" + value + "\"");
        }
        names.addAll(mapped);
    }

    /** Vault's validity check of identity templates in a pattern: every <code>{{</code> closed, none stray. */
    private static void checkTemplating(String key) {
        String[] pieces = key.split("\\{\\{", -1);
        boolean balanced = pieces.length == key.split("}}", -1).length;
        for (int i = 1; i < pieces.length && balanced; i++) {
            balanced = pieces[i].split("}}", -1).length == 2;
        }
        if (!balanced) {
            throw PolicyException.parse("failed to validate policy templating: unbalanced templating characters");
        }
    }

    private static List<String> strings(String key, String field, Object raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw error(key, field + " must be a list of strings");
                }
                out.add(text);
            }
            return out;
        }
        throw error(key, field + " must be a list of strings");
    }

    private static Map<String, List<Object>> parameters(String key, String field, Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw error(key, field + " must be a map of parameter names to lists of values");
        }
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.contains("*") && !name.equals("*") && !(name.startsWith("/") && name.endsWith("/*")
                    && !name.substring(0, name.length() - 2).contains("*"))) {
                throw error(key, field + ": parameter key \"" + name + "\" cannot contain non-tail wildcards");
            }
            if (!(entry.getValue() instanceof List<?> values)) {
                throw error(key, field + ": the values of \"" + name + "\" must be a list");
            }
            out.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values));
        }
        return out;
    }

    private static Duration ttl(String field, Object raw) {
        if (raw == null) {
            return Duration.ZERO;
        }
        try {
            return GoDuration.parseSeconds(Json.MAPPER.valueToTree(raw));
        } catch (IllegalArgumentException e) {
            throw PolicyException.parse("error parsing " + field + ": " + e.getMessage());
        }
    }

    private static PolicyException error(String key, String message) {
        return PolicyException.parse("path \"" + key + "\": " + message);
    }
}
