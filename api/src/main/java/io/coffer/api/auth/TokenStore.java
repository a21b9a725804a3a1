package io.coffer.api.auth;

import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.core.InitialState;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Token persistence: entries live at {@code sys/token/id/<HMAC-SHA256(salt, token)>} and
 * {@code sys/token/accessor/<accessor>} (pointing to the hash), so a stolen storage dump holds no usable token.
 * The salt is random per cluster, stored barrier-encrypted at {@code sys/token/salt}.
 */
public final class TokenStore {

    static final String SALT = "sys/token/salt";
    static final String BY_ID = "sys/token/id/";
    static final String BY_ACCESSOR = "sys/token/accessor/";
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LogicalStorage root;
    private final Clock clock;
    private volatile byte[] salt;

    /** {@code root} is the barrier view with an empty prefix. */
    public TokenStore(LogicalStorage root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** {@code hvs.} plus 24 random base62 characters. */
    public static String newTokenId() {
        return "hvs." + random(24);
    }

    /** 24 random base62 characters. */
    public static String newAccessor() {
        return random(24);
    }

    /** The init contribution: a fresh salt and the root token {@code rootToken}. */
    public InitialState initialState(String rootToken) {
        return (barrier, txn) -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            InitialState.put(txn, barrier, SALT, fresh);
            TokenEntry entry = rootEntry(newAccessor(), clock.instant().getEpochSecond());
            String hash = hash(fresh, rootToken);
            InitialState.put(txn, barrier, BY_ID + hash, Json.bytes(entry));
            InitialState.put(txn, barrier, BY_ACCESSOR + entry.accessor(), hash.getBytes(StandardCharsets.UTF_8));
        };
    }

    static TokenEntry rootEntry(String accessor, long now) {
        return new TokenEntry(accessor, List.of("root"), "auth/token/root", "root", null, now, 0, 0, 0, 0,
                false, 0, null, "service");
    }

    /** The live entry of {@code token}, or empty when unknown or expired. */
    public Optional<TokenEntry> lookup(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Entry> stored = root.get(BY_ID + hash(salt(), token));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        TokenEntry entry = parse(stored.get().value());
        if (entry.expireTime() != 0 && entry.expireTime() <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Stores a new token; returns false when an entry with that id exists already. */
    public boolean store(String token, TokenEntry entry) {
        String hash = hash(salt(), token);
        Txn txn = Txn.builder()
                .require(Condition.absent(BY_ID + hash))
                .put(BY_ID + hash, Json.bytes(entry))
                .put(BY_ACCESSOR + entry.accessor(), hash.getBytes(StandardCharsets.UTF_8))
                .build();
        return root.txn(txn).succeeded();
    }

    /** The salted hash of {@code token}, the key its entry is stored under. */
    public String hashOf(String token) {
        return hash(salt(), token);
    }

    /** Forgets the cached salt (called when the node seals). */
    public void forget() {
        salt = null;
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

    static String hash(byte[] salt, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static TokenEntry parse(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, TokenEntry.class);
        } catch (IOException e) {
            throw ApiException.internal("a token entry is unreadable");
        }
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }
}
