package io.coffer.api.policy;

import io.coffer.api.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access rules of one token: the merged path rules of its policies, answering "may this request proceed?"
 * the way Vault's ACL does.
 *
 * <p>Matching: an exact pattern for the path wins outright. Otherwise the one highest-priority glob among the
 * longest matching {@code *} prefix and every matching {@code +} pattern decides ({@link PathPattern#PRIORITY});
 * rules of different patterns are never combined. A LIST request (path ending in {@code /}) also tries the exact
 * pattern and then the globs for the path without its trailing {@code /}. Rules for the same pattern from several
 * policies are merged ({@link Permissions}); a deny among them denies. No match denies.
 *
 * <p>Rules whose pattern uses identity templating are skipped: Coffer has no identity store, and Vault likewise
 * drops a templated rule it cannot fill in. Immutable and thread-safe once built.
 */
public final class Acl {

    private static final Acl ROOT = new Acl(true, Map.of(), Map.of(), List.of());
    private static final Set<Capability> ACCESS = EnumSet.of(Capability.CREATE, Capability.READ, Capability.UPDATE,
            Capability.PATCH, Capability.DELETE, Capability.LIST, Capability.SUDO);
    private static final Set<Operation> PARAMETER_CHECKED =
            EnumSet.of(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.PATCH);

    private record Entry(PathPattern pattern, Permissions permissions) {
    }

    private final boolean root;
    private final Map<String, Entry> exact;
    private final Map<String, Entry> prefixes;
    private final List<Entry> segments;
    private final int longestPrefix;

    private Acl(boolean root, Map<String, Entry> exact, Map<String, Entry> prefixes, List<Entry> segments) {
        this.root = root;
        this.exact = exact;
        this.prefixes = prefixes;
        this.segments = segments;
        this.longestPrefix = prefixes.keySet().stream().mapToInt(String::length).max().orElse(-1);
    }

    /** The ACL of a root token: everything allowed, sudo everywhere. */
    public static Acl root() {
        return ROOT;
    }

    /**
     * Builds the ACL of a token holding {@code policies} (null entries, for names that do not exist, are
     * ignored). Holding the {@code root} policy makes it the root ACL.
     */
    public static Acl of(List<Policy> policies) {
        Map<String, Entry> exact = new HashMap<>();
        Map<String, Entry> prefixes = new HashMap<>();
        Map<String, Entry> segments = new LinkedHashMap<>();
        for (Policy policy : policies) {
            if (policy == null) {
                continue;
            }
            if (policy.name().equals(PolicyNames.ROOT)) {
                return ROOT;
            }
            for (PathRule rule : policy.rules()) {
                if (rule.templated()) {
                    continue;
                }
                PathPattern pattern = PathPattern.of(rule.path());
                Map<String, Entry> target = switch (pattern.kind()) {
                    case EXACT -> exact;
                    case PREFIX -> prefixes;
                    case SEGMENT -> segments;
                };
                String key = pattern.kind() == PathPattern.Kind.PREFIX ? pattern.base() : pattern.text();
                Entry existing = target.get(key);
                if (existing == null) {
                    target.put(key, new Entry(pattern, new Permissions(rule)));
                } else {
                    existing.permissions().merge(rule);
                }
            }
        }
        return new Acl(false, exact, prefixes, List.copyOf(segments.values()));
    }

    /** Whether this is the root ACL. */
    public boolean isRoot() {
        return root;
    }

    /** {@link #allowed(String, Operation, Map, Duration)} for a request that asks for no response wrapping. */
    public Decision allowed(String path, Operation operation, Map<String, ?> requestData) {
        return allowed(path, operation, requestData, null);
    }

    /**
     * Decides one request. {@code path} is the request path without {@code /v1/} (a LIST path ends in {@code /});
     * {@code requestData} holds the body fields or query parameters (values may be plain Java values or Jackson
     * nodes; null means none); {@code wrapTtl} is the requested response-wrapping TTL, or null when the request
     * is not wrapped. Whether the path is root-protected is the caller's knowledge: it must also require
     * {@link Decision#sudo()} there.
     */
    public Decision allowed(String path, Operation operation, Map<String, ?> requestData, Duration wrapTtl) {
        if (root) {
            return Decision.ROOT;
        }
        Permissions permissions = lookup(clean(path), operation == Operation.LIST);
        if (permissions == null) {
            return Decision.deny(false, "no policy rule matches the path");
        }
        boolean sudo = permissions.has(Capability.SUDO);
        Capability needed = Capability.forOperation(operation);
        if (needed == null || !permissions.has(needed)) {
            return Decision.deny(sudo, permissions.denies() ? "denied by policy"
                    : "capability \"" + operation.capability() + "\" not granted");
        }
        String wrapping = wrappingViolation(permissions, wrapTtl);
        if (wrapping != null) {
            return Decision.deny(sudo, wrapping);
        }
        if (PARAMETER_CHECKED.contains(operation)) {
            String violation = ParameterCheck.violation(permissions, requestData);
            if (violation != null) {
                return Decision.deny(sudo, violation);
            }
        }
        return Decision.allow(sudo);
    }

    /**
     * The capabilities granted on {@code path}, as {@code sys/capabilities-self} reports them: in Vault's order
     * (sudo, read, list, update, delete, create, patch, subscribe, recover), {@code ["root"]} for the root ACL and
     * {@code ["deny"]} when denied or when nothing matches. The lookup is the one a LIST request gets.
     */
    public Set<String> capabilities(String path) {
        if (root) {
            return Set.of("root");
        }
        Permissions permissions = lookup(clean(path), true);
        if (permissions == null || !permissions.grantsAnything()) {
            return Set.of(Capability.DENY.text());
        }
        Set<String> out = new LinkedHashSet<>();
        for (Capability capability : permissions.capabilities()) {
            out.add(capability.text());
        }
        return out;
    }

    /** Whether {@code sudo} is granted on {@code path} (looked up as {@link #capabilities} does). */
    public boolean sudo(String path) {
        if (root) {
            return true;
        }
        Permissions permissions = lookup(clean(path), true);
        return permissions != null && permissions.has(Capability.SUDO);
    }

    /**
     * Vault's mount-access test ({@code sys/internal/ui/mounts/<path>}, the KV preflight): whether some non-deny
     * capability is granted on {@code prefix} itself or on a pattern at or below it. {@code prefix} is a mount
     * path ending in {@code /}.
     */
    public boolean hasAnyCapabilityUnder(String prefix) {
        if (root) {
            return true;
        }
        String path = clean(prefix);
        if (!capabilities(path).contains(Capability.DENY.text())) {
            return true;
        }
        if (grantsBelow(exact, path) || grantsBelow(prefixes, path)) {
            return true;
        }
        if (!path.endsWith("/")) {
            return false;
        }
        String[] parts = path.split("/", -1);
        return segments.stream().anyMatch(entry -> entry.permissions().grantsAnything()
                && entry.pattern().coversMount(parts));
    }

    private static boolean grantsBelow(Map<String, Entry> rules, String path) {
        for (Map.Entry<String, Entry> rule : rules.entrySet()) {
            Permissions permissions = rule.getValue().permissions();
            if (rule.getKey().startsWith(path) && !permissions.denies()
                    && ACCESS.stream().anyMatch(permissions::has)) {
                return true;
            }
        }
        return false;
    }

    private Permissions lookup(String path, boolean list) {
        Entry found = exact.get(path);
        if (found == null && list) {
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            found = exact.get(trimmed);
            if (found == null && path.endsWith("/")) {
                found = bestGlob(trimmed);
            }
        }
        if (found == null) {
            found = bestGlob(path);
        }
        return found == null ? null : found.permissions();
    }

    /** The highest-priority {@code *} or {@code +} pattern matching {@code path}, or null. */
    private Entry bestGlob(String path) {
        Entry best = null;
        for (int end = Math.min(path.length(), longestPrefix); end >= 0 && best == null; end--) {
            best = prefixes.get(path.substring(0, end));
        }
        if (segments.isEmpty()) {
            return best;
        }
        String[] parts = path.split("/", -1);
        for (Entry candidate : segments) {
            if (candidate.pattern().matchesSegments(parts)
                    && (best == null || PathPattern.PRIORITY.compare(candidate.pattern(), best.pattern()) > 0)) {
                best = candidate;
            }
        }
        return best;
    }

    private static String wrappingViolation(Permissions permissions, Duration wrapTtl) {
        Duration max = permissions.maxWrappingTtl();
        Duration min = permissions.minWrappingTtl();
        if (max.compareTo(Duration.ZERO) > 0 && (wrapTtl == null || wrapTtl.compareTo(max) > 0)) {
            return "response wrapping TTL above max_wrapping_ttl or missing";
        }
        if (min.compareTo(Duration.ZERO) > 0 && (wrapTtl == null || wrapTtl.compareTo(min) < 0)) {
            return "response wrapping TTL below min_wrapping_ttl or missing";
        }
        if (!min.isZero() && !max.isZero() && max.compareTo(min) < 0) {
            return "merged max_wrapping_ttl is below min_wrapping_ttl";
        }
        return null;
    }

    /** Request paths never start with {@code /} here; Vault strips them too, as defence in depth. */
    private static String clean(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
