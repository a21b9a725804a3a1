package io.coffer.api.auth;

import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.Timestamps;
import io.coffer.api.core.InitialState;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import io.coffer.storage.TxnResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token persistence. Layout, all barrier-encrypted below the root view:
 * <ul>
 *   <li>{@code sys/token/salt}: the cluster's random HMAC salt;</li>
 *   <li>{@code sys/token/id/<hash>}: the {@link TokenEntry}, keyed by HMAC-SHA256(salt, token), so a storage dump
 *       holds no usable token;</li>
 *   <li>{@code sys/token/accessor/<accessor>}: the hash of the accessor's token;</li>
 *   <li>{@code sys/token/parent/<parent hash>/<child hash>}: the parent → children index revocation walks;</li>
 *   <li>{@code sys/token/expire/<20-digit unix seconds>-<hash>}: the expiry index the leader purges in order.</li>
 * </ul>
 * Every change is one conditional transaction on the entry's revision; {@link TokenRevoker} removes tokens.
 * Thread-safe; calls block the worker thread for a bounded time.
 */
public final class TokenStore {

    static final String SALT = "sys/token/salt";
    static final String BY_ID = "sys/token/id/";
    static final String BY_ACCESSOR = "sys/token/accessor/";
    static final String BY_PARENT = "sys/token/parent/";
    static final String BY_EXPIRY = "sys/token/expire/";
    static final int MAX_ATTEMPTS = 8;
    private static final byte[] EMPTY = new byte[0];
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);

    private final LogicalStorage root;
    private final Clock clock;
    private final TokenRevoker revoker;
    private volatile byte[] salt;

    /** A stored entry with its hash and the revision that guards changes to it. */
    record Stored(String hash, TokenEntry entry, long revision) {
    }

    /** {@code root} is the barrier view with an empty prefix. */
    public TokenStore(LogicalStorage root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.revoker = new TokenRevoker(this);
    }

    /** {@code hvs.} plus 24 random base62 characters. */
    public static String newTokenId() {
        return TokenIds.newToken();
    }

    /** 24 random base62 characters. */
    public static String newAccessor() {
        return TokenIds.newAccessor();
    }

    /** The init contribution: a fresh salt and the root token {@code rootToken}. */
    public InitialState initialState(String rootToken) {
        return (barrier, txn) -> {
            byte[] fresh = TokenIds.newSalt();
            InitialState.put(txn, barrier, SALT, fresh);
            Instant now = clock.instant();
            TokenEntry entry = new TokenEntry(newAccessor(), List.of("root"), "auth/token/root", "root", null,
                    now.getEpochSecond(), 0, 0, 0, 0, false, 0, null, "service", 0, Timestamps.format(now), 0);
            String hash = TokenIds.hash(fresh, rootToken);
            InitialState.put(txn, barrier, BY_ID + hash, Json.bytes(entry));
            InitialState.put(txn, barrier, BY_ACCESSOR + entry.accessor(), hash.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The live entry of {@code token}, or empty when unknown, expired, used up or being revoked. */
    public Optional<TokenEntry> lookup(String token) {
        return live(token).map(Stored::entry);
    }

    /** The live entry of the token with {@code accessor}, or empty. */
    public Optional<TokenEntry> lookupByAccessor(String accessor) {
        return hashOfAccessor(accessor).flatMap(this::liveByHash).map(Stored::entry);
    }

    /**
     * Authenticates one request with {@code token}: its live entry, after spending one use when the token has a
     * use limit (a conditional write). The last use leaves the entry {@link TokenEntry#revocationPending()}:
     * that request proceeds, and {@link #afterRequest} then revokes the token.
     */
    public Optional<TokenEntry> use(String token) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Stored> stored = live(token);
            if (stored.isEmpty() || stored.get().entry().numUses() == 0) {
                return stored.map(Stored::entry);
            }
            TokenEntry entry = stored.get().entry();
            int left = entry.numUses() == 1 ? TokenEntry.REVOCATION_PENDING : entry.numUses() - 1;
            TokenEntry spent = entry.withNumUses(left);
            if (replace(stored.get(), spent)) {
                return Optional.of(spent);
            }
        }
        throw ApiException.internal("could not update the token's use count");
    }

    /**
     * Called once a request authenticated by {@link #use} has been served: revokes a used-up token. Never throws:
     * the response stands, and an entry left behind is revocation-pending, so it authenticates nothing.
     */
    public void afterRequest(String token, TokenEntry entry) {
        if (token == null || entry == null || !entry.revocationPending()) {
            return;
        }
        try {
            revoker.revokeTree(hashOf(token));
        } catch (RuntimeException e) {
            LOG.warn("could not revoke a used-up token (accessor {}): {}", entry.accessor(), e.getMessage());
        }
    }

    /**
     * Deletes up to {@code max} expired tokens (and, as Vault does, their descendants) through storage
     * transactions; returns how many expired tokens were revoked. Run periodically on the leader only.
     */
    public int purgeExpired(int max) {
        return revoker.purgeExpired(max);
    }

    /** Stores a new orphan token; returns false when an entry with that id exists already. */
    public boolean store(String token, TokenEntry entry) {
        return create(hashOf(token), entry, null);
    }

    /** The salted hash of {@code token}, the key its entry is stored under. */
    public String hashOf(String token) {
        return TokenIds.hash(salt(), token);
    }

    /** Forgets the cached salt (called when the node seals). */
    public void forget() {
        salt = null;
    }

    TokenRevoker revoker() {
        return revoker;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    Instant instant() {
        return clock.instant();
    }

    Optional<Stored> live(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return liveByHash(hashOf(token));
    }

    Optional<Stored> liveByHash(String hash) {
        long now = now();
        return read(hash).filter(s -> !s.entry().revocationPending() && !s.entry().expiredAt(now));
    }

    /** The stored entry under {@code hash}, whatever its state. */
    Optional<Stored> read(String hash) {
        return root.get(BY_ID + hash).map(e -> new Stored(hash, parse(e.value()), e.revision()));
    }

    Optional<String> hashOfAccessor(String accessor) {
        if (accessor == null || accessor.isEmpty() || accessor.contains("/")) {
            return Optional.empty();
        }
        return root.get(BY_ACCESSOR + accessor).map(e -> new String(e.value(), StandardCharsets.UTF_8));
    }

    /** Every accessor, sorted. */
    List<String> accessors() {
        return root.list(BY_ACCESSOR).stream().filter(k -> !k.endsWith("/")).toList();
    }

    /** The hashes of the direct children of the token stored under {@code hash}. */
    List<String> children(String hash) {
        return root.list(BY_PARENT + hash + "/").stream().filter(k -> !k.endsWith("/")).toList();
    }

    /** Expiry index keys in expiry order. */
    List<String> expiryKeys() {
        return root.keys(BY_EXPIRY);
    }

    /**
     * Creates {@code entry} under {@code hash} with its accessor, expiry and parent index entries, in one
     * transaction that fails when the hash or accessor exists or when {@code parent} changed since it was read.
     */
    boolean create(String hash, TokenEntry entry, Stored parent) {
        Txn.Builder txn = Txn.builder()
                .require(Condition.absent(BY_ID + hash))
                .require(Condition.absent(BY_ACCESSOR + entry.accessor()))
                .put(BY_ID + hash, Json.bytes(entry))
                .put(BY_ACCESSOR + entry.accessor(), hash.getBytes(StandardCharsets.UTF_8));
        if (entry.expireTime() != 0) {
            txn.put(expiryKey(entry.expireTime(), hash), EMPTY);
        }
        if (parent != null) {
            txn.require(new Condition(BY_ID + parent.hash(), parent.revision()))
                    .put(BY_PARENT + parent.hash() + "/" + hash, EMPTY);
        }
        return root.txn(txn.build()).succeeded();
    }

    /** Replaces {@code current} by {@code updated} if it is unchanged, moving its expiry index entry. */
    boolean replace(Stored current, TokenEntry updated) {
        Txn.Builder txn = Txn.builder()
                .require(new Condition(BY_ID + current.hash(), current.revision()))
                .put(BY_ID + current.hash(), Json.bytes(updated));
        long before = current.entry().expireTime();
        if (before != updated.expireTime()) {
            if (before != 0) {
                txn.delete(expiryKey(before, current.hash()));
            }
            if (updated.expireTime() != 0) {
                txn.put(expiryKey(updated.expireTime(), current.hash()), EMPTY);
            }
        }
        return root.txn(txn.build()).succeeded();
    }

    TxnResult submit(Txn txn) {
        return root.txn(txn);
    }

    static String expiryKey(long expireTime, String hash) {
        return BY_EXPIRY + String.format("%020d", expireTime) + "-" + hash;
    }

    private byte[] salt() {
        byte[] current = salt;
        if (current == null) {
            current = root.get(SALT).map(Entry::value)
                    .orElseThrow(() -> ApiException.internal("token salt is missing"));
            salt = current;
        }
        return current;
    }

    static TokenEntry parse(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, TokenEntry.class);
        } catch (IOException e) {
            throw ApiException.internal("a token entry is unreadable");
        }
    }
}
