package io.coffer.api.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code path "<pattern>" { ... }} block of a policy, validated.
 *
 * @param path                the pattern with its leading {@code /} stripped; a trailing {@code *} and {@code +}
 *                            segments keep their glob meaning (see {@link PathPattern})
 * @param capabilities        the granted capabilities; exactly {@code {DENY}} for a deny rule
 * @param requiredParameters  request fields that must be present (as written; compared lowercased)
 * @param allowedParameters   lowercased field name (or {@code *}) to allowed values; an empty list allows any value
 * @param deniedParameters    lowercased field name (or {@code *}) to denied values; an empty list denies any value
 * @param minWrappingTtl      {@link Duration#ZERO} when unset
 * @param maxWrappingTtl      {@link Duration#ZERO} when unset
 * @param subscribeEventTypes kept for {@code subscribe}; not enforced here
 */
public record PathRule(String path, Set<Capability> capabilities, List<String> requiredParameters,
                       Map<String, List<Object>> allowedParameters, Map<String, List<Object>> deniedParameters,
                       Duration minWrappingTtl, Duration maxWrappingTtl, List<String> subscribeEventTypes) {

    public PathRule {
        EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
        caps.addAll(capabilities);
        capabilities = Collections.unmodifiableSet(caps);
        requiredParameters = List.copyOf(requiredParameters);
        allowedParameters = copy(allowedParameters);
        deniedParameters = copy(deniedParameters);
        subscribeEventTypes = List.copyOf(subscribeEventTypes);
    }

    /** A rule that denies everything on {@code path}; Vault ignores any other setting of a deny rule. */
    static PathRule deny(String path) {
        return new PathRule(path, Set.of(Capability.DENY), List.of(), Map.of(), Map.of(),
                Duration.ZERO, Duration.ZERO, List.of());
    }

    /** Whether this rule is an explicit deny. */
    public boolean denies() {
        return capabilities.contains(Capability.DENY);
    }

    /** Whether the pattern uses identity templating ({@code {{identity.entity.id}}} and the like). */
    public boolean templated() {
        return path.contains("{{");
    }

    private static Map<String, List<Object>> copy(Map<String, List<Object>> source) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        // Values may hold JSON nulls, which List.copyOf refuses.
        source.forEach((key, values) -> out.put(key, Collections.unmodifiableList(new ArrayList<>(values))));
        return Collections.unmodifiableMap(out);
    }
}
