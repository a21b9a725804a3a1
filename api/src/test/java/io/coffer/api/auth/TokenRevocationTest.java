package io.coffer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Revocation trees, use counts and expiry purging on the token store, over in-memory storage. */
class TokenRevocationTest {

    private final TokenStoreFixture f = new TokenStoreFixture();

    @Test
    void revokingAParentRevokesChildrenAndGrandchildrenAndLeavesNoKeys() {
        List<String> before = f.tokenKeys();
        String parent = f.child(TokenStoreFixture.ROOT, 3600);
        String child = f.child(parent, 3600);
        String grandchild = f.child(child, 0);
        String sibling = f.child(TokenStoreFixture.ROOT, 3600);

        f.store.revoker().revokeTree(f.store.hashOf(parent));

        assertThat(f.store.lookup(parent)).isEmpty();
        assertThat(f.store.lookup(child)).isEmpty();
        assertThat(f.store.lookup(grandchild)).isEmpty();
        assertThat(f.store.lookup(sibling)).isPresent();
        f.store.revoker().revokeTree(f.store.hashOf(sibling));
        assertThat(f.tokenKeys()).isEqualTo(before);
    }

    @Test
    void revocationTakesOneTransactionPerLevelPlusDeletes() {
        String parent = f.child(TokenStoreFixture.ROOT, 3600);
        for (int i = 0; i < 20; i++) {
            f.child(f.child(parent, 3600), 3600);
        }
        long txns = f.storage.txnCount();

        f.store.revoker().revokeTree(f.store.hashOf(parent));

        assertThat(f.storage.txnCount() - txns).isEqualTo(4);
    }

    @Test
    void aMarkedParentCannotGainChildren() {
        String parent = f.child(TokenStoreFixture.ROOT, 3600);
        TokenStore.Stored seen = f.store.live(parent).orElseThrow();
        f.store.replace(seen, seen.entry().withNumUses(TokenEntry.REVOCATION_PENDING));

        TokenEntry entry = f.entry(List.of("default"), 60, 0).withParent(seen.hash());
        boolean created = f.store.create(f.store.hashOf(TokenIds.newToken()), entry, seen);

        assertThat(created).isFalse();
        assertThat(f.store.lookup(parent)).isEmpty();
    }

    @Test
    void revokeOrphanKeepsChildrenAsOrphans() {
        String parent = f.child(TokenStoreFixture.ROOT, 3600);
        String child = f.child(parent, 3600);
        String grandchild = f.child(child, 3600);

        f.store.revoker().revokeOrphan(f.store.hashOf(parent));

        assertThat(f.store.lookup(parent)).isEmpty();
        assertThat(f.store.lookup(child)).hasValueSatisfying(e -> assertThat(e.isOrphan()).isTrue());
        assertThat(f.store.lookup(grandchild)).hasValueSatisfying(e -> assertThat(e.isOrphan()).isFalse());
        f.store.revoker().revokeTree(f.store.hashOf(child));
        assertThat(f.store.lookup(grandchild)).isEmpty();
    }

    @Test
    void limitedUseTokenServesItsLastUseThenIsRevoked() {
        String token = TokenIds.newToken();
        f.store.store(token, f.entry(List.of("default"), 3600, 2));

        TokenEntry first = f.store.use(token).orElseThrow();
        f.store.afterRequest(token, first);
        TokenEntry last = f.store.use(token).orElseThrow();

        assertThat(first.numUses()).isEqualTo(1);
        assertThat(last.revocationPending()).isTrue();
        assertThat(f.store.lookup(token)).isEmpty();
        f.store.afterRequest(token, last);
        assertThat(f.store.read(f.store.hashOf(token))).isEmpty();
        assertThat(f.store.use(token)).isEmpty();
    }

    @Test
    void unlimitedTokensAreNotWrittenOnUse() {
        long txns = f.storage.txnCount();

        assertThat(f.store.use(TokenStoreFixture.ROOT)).isPresent();
        assertThat(f.storage.txnCount()).isEqualTo(txns);
    }

    @Test
    void expiredTokenIsRefusedAtOnceAndPurgedWithItsDescendants() {
        String shortLived = f.child(TokenStoreFixture.ROOT, 60);
        String child = f.child(shortLived, 3600);
        String longLived = f.child(TokenStoreFixture.ROOT, 7200);
        f.clock.advance(Duration.ofSeconds(61));

        assertThat(f.store.lookup(shortLived)).isEmpty();
        assertThat(f.store.lookup(child)).isPresent();
        assertThat(f.store.purgeExpired(100)).isEqualTo(1);

        assertThat(f.store.read(f.store.hashOf(shortLived))).isEmpty();
        assertThat(f.store.lookup(child)).isEmpty();
        assertThat(f.store.lookup(longLived)).isPresent();
        assertThat(f.store.purgeExpired(100)).isZero();
    }

    @Test
    void purgeStopsAtItsLimitAndRenewalMovesTheExpiry() {
        String a = f.child(TokenStoreFixture.ROOT, 60);
        String b = f.child(TokenStoreFixture.ROOT, 60);
        String renewed = f.child(TokenStoreFixture.ROOT, 60);
        TokenStore.Stored stored = f.store.live(renewed).orElseThrow();
        f.store.replace(stored, stored.entry().renewed(f.clock.instant().getEpochSecond(), 3600));
        f.clock.advance(Duration.ofSeconds(120));

        assertThat(f.store.purgeExpired(1)).isEqualTo(1);
        assertThat(f.store.purgeExpired(10)).isEqualTo(1);

        assertThat(f.store.read(f.store.hashOf(a))).isEmpty();
        assertThat(f.store.read(f.store.hashOf(b))).isEmpty();
        assertThat(f.store.lookup(renewed)).isPresent();
    }

    @Test
    void accessorFindsTheLiveTokenOnly() {
        String token = f.child(TokenStoreFixture.ROOT, 3600);
        String accessor = f.store.lookup(token).orElseThrow().accessor();

        assertThat(f.store.lookupByAccessor(accessor)).isPresent();
        f.store.revoker().revokeTree(f.store.hashOf(token));
        assertThat(f.store.lookupByAccessor(accessor)).isEmpty();
    }
}
