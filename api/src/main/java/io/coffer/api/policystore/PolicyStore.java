package io.coffer.api.policystore;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.core.InitialState;
import io.coffer.api.policy.Acl;
import io.coffer.api.policy.Policies;
import io.coffer.api.policy.Policy;
import io.coffer.api.policy.PolicyNames;
import io.coffer.api.policy.PolicyParser;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Entry;
import io.coffer.storage.Storage;
import io.coffer.storage.Txn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACL policies, stored barrier-encrypted at {@code sys/policy/<name>} as {@code {"name","policy"}} with the text
 * exactly as written. {@code root} is never stored (it has no rules); {@code default} is written at init and falls
 * back to Vault's built-in text where a store predates it.
 *
 * <p>Parsed policies and the ACLs built from them are cached keyed by the storage revision of each policy entry,
 * read from the physical store without decrypting: a policy change is seen by every node as soon as it has applied
 * it, and an unchanged policy costs one local key lookup per request. Thread-safe.
 */
public final class PolicyStore {

    static final String PREFIX = "sys/policy/";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
    private static final int MAX_CACHED_ACLS = 4096;

    private final LogicalStorage root;
    private final ToLongFunction<String> revisions;
    private final Map<String, Cached> parsed = new ConcurrentHashMap<>();
    private final Map<String, Acl> acls = new ConcurrentHashMap<>();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(String name, String policy) {
    }

    /** A parsed policy (null when absent) and the revision it was read at (0 = absent). */
    private record Cached(long revision, Policy policy) {
    }

    /**
     * @param root      the barrier view with an empty prefix
     * @param revisions the current revision of a storage key, 0 when absent (read without decrypting)
     */
    public PolicyStore(LogicalStorage root, ToLongFunction<String> revisions) {
        this.root = root;
        this.revisions = revisions;
    }

    /** Revisions read from the replicated store; the root view has an empty prefix, so keys are physical. */
    public static ToLongFunction<String> physicalRevisions(Supplier<Storage> storage) {
        return key -> {
            Storage current = storage.get();
            return current == null ? 0 : current.get(key).map(Entry::revision).orElse(0L);
        };
    }

    /** The init contribution: Vault's {@code default} policy. */
    public InitialState initialState() {
        byte[] value = Json.bytes(new Stored(PolicyNames.DEFAULT, Policies.DEFAULT_POLICY_TEXT));
        return (barrier, txn) -> InitialState.put(txn, barrier, PREFIX + PolicyNames.DEFAULT, value);
    }

    /**
     * The text of the policy {@code name} as stored now (names are lower-cased): {@code ""} for {@code root},
     * Vault's built-in text for a {@code default} never stored, empty when there is no such policy.
     */
    public Optional<String> text(String name) {
        String normalized = PolicyNames.normalize(name);
        if (normalized.equals(PolicyNames.ROOT)) {
            return Optional.of("");
        }
        Optional<Entry> entry = root.get(PREFIX + normalized);
        if (entry.isEmpty()) {
            return Optional.ofNullable(builtIn(normalized)).map(Policy::raw);
        }
        try {
            return Optional.of(Json.MAPPER.readValue(entry.get().value(), Stored.class).policy());
        } catch (IOException e) {
            throw ApiException.internal("a stored policy is unreadable");
        }
    }

    /** Whether a token may name {@code name} without the "does not exist" warning. */
    public boolean exists(String name) {
        return current(PolicyNames.normalize(name)).policy() != null;
    }

    /** The stored policy names, sorted ({@code default} included, {@code root} not). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        root.keys(PREFIX).forEach(k -> names.add(k.substring(PREFIX.length())));
        if (!names.contains(PolicyNames.DEFAULT)) {
            names.add(PolicyNames.DEFAULT);
            names.sort(null);
        }
        return names;
    }

    /**
     * Parses and stores {@code text} as the policy {@code name}. Nothing is stored when the text does not parse
     * or the name is immutable.
     *
     * @throws io.coffer.api.policy.PolicyException with Vault's message (a 400)
     */
    public void put(String name, String text) {
        String normalized = PolicyNames.normalize(name);
        PolicyParser.parse(normalized, text);
        PolicyNames.checkWritable(normalized);
        root.txn(Txn.builder().put(PREFIX + normalized, Json.bytes(new Stored(normalized, text))).build());
    }

    /** Deletes the policy {@code name}; deleting an absent one is a no-op. */
    public void delete(String name) {
        String normalized = PolicyNames.normalize(name);
        PolicyNames.checkDeletable(normalized);
        root.txn(Txn.builder().delete(PREFIX + normalized).build());
    }

    /** The ACL of a token holding {@code names}: built once per set of policy revisions, then reused. */
    public Acl acl(List<String> names) {
        if (names.contains(PolicyNames.ROOT)) {
            return Acl.root();
        }
        StringBuilder key = new StringBuilder();
        List<Policy> policies = new ArrayList<>(names.size());
        for (String name : names) {
            Cached cached = current(name);
            key.append(name).append('@').append(cached.revision()).append(',');
            policies.add(cached.policy());
        }
        Acl acl = acls.get(key.toString());
        if (acl == null) {
            acl = Acl.of(policies);
            if (acls.size() >= MAX_CACHED_ACLS) {
                acls.clear();
            }
            acls.put(key.toString(), acl);
        }
        return acl;
    }

    /** Drops every cached policy and ACL (when the node seals: a restored snapshot may reuse revisions). */
    public void forget() {
        parsed.clear();
        acls.clear();
    }

    private Cached current(String name) {
        long revision = revisions.applyAsLong(PREFIX + name);
        Cached cached = parsed.get(name);
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        Cached fresh = revision == 0 ? new Cached(0, builtIn(name))
                : root.get(PREFIX + name).map(e -> new Cached(e.revision(), decode(name, e.value())))
                        .orElseGet(() -> new Cached(0, builtIn(name)));
        parsed.put(name, fresh);
        return fresh;
    }

    private static Policy builtIn(String name) {
        return name.equals(PolicyNames.DEFAULT) ? Policies.defaultPolicy() : null;
    }

    /** A stored policy, parsed; one that no longer parses grants nothing (and is logged). */
    private static Policy decode(String name, byte[] value) {
        try {
            Stored stored = Json.MAPPER.readValue(value, Stored.class);
            return PolicyParser.parse(name, stored.policy());
        } catch (IOException | RuntimeException e) {
            LOG.error("stored policy {} is unreadable and grants nothing: {}", name, e.getMessage());
            return null;
        }
    }
}
