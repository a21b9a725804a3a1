package io.coffer.api.auth;

import io.coffer.api.Timestamps;
import io.coffer.api.testing.InMemoryLogicalStorage;
import io.coffer.api.testing.MutableClock;
import io.coffer.storage.Txn;
import java.time.Instant;
import java.util.List;

/** A {@link TokenStore} over in-memory storage with a frozen clock, and helpers that mint tokens directly. */
final class TokenStoreFixture {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final String ROOT = "hvs.rootrootrootrootrootroot";

    final InMemoryLogicalStorage storage = new InMemoryLogicalStorage();
    final MutableClock clock = new MutableClock(T0);
    final TokenStore store = new TokenStore(storage, clock);

    TokenStoreFixture() {
        storage.txn(Txn.builder().put(TokenStore.SALT, new byte[32]).build());
        store.store(ROOT, entry(List.of("root"), 0, 0));
    }

    /** An entry as creation would make it: {@code ttl} seconds from now (0 = never expires). */
    TokenEntry entry(List<String> policies, long ttl, int numUses) {
        long now = clock.instant().getEpochSecond();
        return new TokenEntry(TokenIds.newAccessor(), policies, "auth/token/create", "token", null, now, ttl,
                ttl == 0 ? 0 : now + ttl, 0, 0, ttl != 0, numUses, null, "service", ttl,
                Timestamps.format(clock.instant()), 0);
    }

    /** Creates a child of {@code parent} through the store's conditional create; returns its token. */
    String child(String parent, long ttl) {
        String token = TokenIds.newToken();
        TokenStore.Stored stored = store.live(parent).orElseThrow();
        TokenEntry entry = entry(List.of("default"), ttl, 0).withParent(stored.hash());
        if (!store.create(store.hashOf(token), entry, stored)) {
            throw new IllegalStateException("create failed");
        }
        return token;
    }

    /** Keys stored below {@code sys/token/} other than the salt. */
    List<String> tokenKeys() {
        return storage.dump().keySet().stream()
                .filter(k -> k.startsWith("sys/token/") && !k.equals(TokenStore.SALT)).toList();
    }
}
