package io.coffer.api.auth;

import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.storage.Condition;
import io.coffer.storage.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revokes tokens through the parent → children index, in a few transactions whatever the tree's size.
 *
 * <p>Order matters. The tree is first <em>frozen</em> level by level: one conditional transaction per level marks
 * every token of the level {@link TokenEntry#REVOCATION_PENDING}, so none of them authenticates any more, and
 * since creating a child is conditional on the parent's unchanged revision, no child can be added under a marked
 * token; only then are the level's children listed. Once the whole tree is marked, its entries and indexes are
 * deleted leaves first, in chunks. A crash in between leaves marked entries that authenticate nothing and that a
 * later revocation or {@link #purgeExpired} removes.
 */
final class TokenRevoker {

    private static final int CHUNK = 256;
    private static final int MAX_DEPTH = 1_000;

    private final TokenStore store;

    TokenRevoker(TokenStore store) {
        this.store = store;
    }

    /** Revokes the token stored under {@code hash} and all its descendants. Unknown hashes are a no-op. */
    void revokeTree(String hash) {
        Map<String, TokenEntry> frozen = new LinkedHashMap<>();
        List<String> level = List.of(hash);
        for (int depth = 0; !level.isEmpty() && depth < MAX_DEPTH; depth++) {
            frozen.putAll(mark(level));
            Set<String> next = new LinkedHashSet<>();
            for (String parent : level) {
                store.children(parent).stream().filter(c -> !frozen.containsKey(c)).forEach(next::add);
            }
            level = List.copyOf(next);
        }
        List<String> leavesFirst = new ArrayList<>(frozen.keySet());
        Collections.reverse(leavesFirst);
        deleteAll(leavesFirst, frozen);
    }

    /**
     * Vault's revoke-orphan: revokes the token under {@code hash} only; its children become orphans (their
     * parent reference and index entries are dropped in the same transaction as the token).
     */
    void revokeOrphan(String hash) {
        Map<String, TokenEntry> marked = mark(List.of(hash));
        TokenEntry entry = marked.get(hash);
        if (entry == null) {
            return;
        }
        for (int attempt = 0; attempt < TokenStore.MAX_ATTEMPTS; attempt++) {
            Txn.Builder txn = Txn.builder();
            for (String child : store.children(hash)) {
                Optional<TokenStore.Stored> stored = store.read(child);
                if (stored.isPresent()) {
                    TokenStore.Stored c = stored.get();
                    txn.require(new Condition(TokenStore.BY_ID + child, c.revision()))
                            .put(TokenStore.BY_ID + child, Json.bytes(c.entry().withParent(null)));
                }
            }
            deleteOps(txn, hash, entry);
            if (store.submit(txn.build()).succeeded()) {
                return;
            }
        }
        throw ApiException.internal("could not orphan the token's children");
    }

    /** Revokes up to {@code max} expired tokens in expiry order, with their descendants. */
    int purgeExpired(int max) {
        long now = store.now();
        int revoked = 0;
        for (String key : store.expiryKeys()) {
            if (revoked >= max) {
                break;
            }
            String suffix = key.substring(TokenStore.BY_EXPIRY.length());
            int dash = suffix.indexOf('-');
            if (dash < 0 || Long.parseLong(suffix.substring(0, dash)) > now) {
                break;
            }
            String hash = suffix.substring(dash + 1);
            Optional<TokenStore.Stored> stored = store.read(hash);
            if (stored.isEmpty() || !stored.get().entry().expiredAt(now)) {
                store.submit(Txn.builder().delete(key).build());
                continue;
            }
            revokeTree(hash);
            revoked++;
        }
        return revoked;
    }

    /**
     * Marks every token of {@code hashes} as revocation-pending, one conditional transaction per chunk (retried on
     * fresh reads when a token changed meanwhile); returns the entries of the tokens that exist.
     */
    private Map<String, TokenEntry> mark(List<String> hashes) {
        Map<String, TokenEntry> found = new LinkedHashMap<>();
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            found.putAll(markChunk(hashes.subList(from, Math.min(hashes.size(), from + CHUNK))));
        }
        return found;
    }

    private Map<String, TokenEntry> markChunk(List<String> hashes) {
        for (int attempt = 0; attempt < TokenStore.MAX_ATTEMPTS; attempt++) {
            Map<String, TokenEntry> found = new LinkedHashMap<>();
            Txn.Builder txn = Txn.builder();
            boolean writes = false;
            for (String hash : hashes) {
                Optional<TokenStore.Stored> stored = store.read(hash);
                if (stored.isEmpty()) {
                    continue;
                }
                TokenStore.Stored s = stored.get();
                found.put(hash, s.entry());
                if (!s.entry().revocationPending()) {
                    TokenEntry marked = s.entry().withNumUses(TokenEntry.REVOCATION_PENDING);
                    txn.require(new Condition(TokenStore.BY_ID + hash, s.revision()))
                            .put(TokenStore.BY_ID + hash, Json.bytes(marked));
                    writes = true;
                }
            }
            if (!writes || store.submit(txn.build()).succeeded()) {
                return found;
            }
        }
        throw ApiException.internal("could not revoke the token: it kept changing");
    }

    private void deleteAll(List<String> hashes, Map<String, TokenEntry> entries) {
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            Txn.Builder txn = Txn.builder();
            for (String hash : hashes.subList(from, Math.min(hashes.size(), from + CHUNK))) {
                deleteOps(txn, hash, entries.get(hash));
            }
            store.submit(txn.build());
        }
    }

    /** Removes the token under {@code hash}: entry, accessor, expiry index, its children index and its own link. */
    private static void deleteOps(Txn.Builder txn, String hash, TokenEntry entry) {
        txn.delete(TokenStore.BY_ID + hash)
                .delete(TokenStore.BY_ACCESSOR + entry.accessor())
                .deletePrefix(TokenStore.BY_PARENT + hash + "/");
        if (entry.expireTime() != 0) {
            txn.delete(TokenStore.expiryKey(entry.expireTime(), hash));
        }
        if (entry.parentHash() != null) {
            txn.delete(TokenStore.BY_PARENT + entry.parentHash() + "/" + hash);
        }
    }
}
