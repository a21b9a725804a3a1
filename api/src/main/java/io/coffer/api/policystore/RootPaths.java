package io.coffer.api.policystore;

import java.util.List;

/**
 * Vault's root-protected paths: a request there needs {@code sudo} on the path in addition to the operation's own
 * capability. The list is the union of the {@code PathsSpecial.Root} lists of the system backend
 * ({@code vault/logical_system.go}, with {@code seal} and {@code step-down}, which Vault enforces through
 * {@code RootPrivsRequired}) and of the token store ({@code vault/token_store.go}).
 *
 * <p>Matching follows Vault's router: the longest listed entry that is a string prefix of the request path decides;
 * an entry ending in {@code *} matches any path starting with the text before the {@code *}, other entries only
 * the identical path. So {@code sys/leases} is protected but {@code sys/leases/renew} is not. Pure.
 *
 * <p>Not root-protected (Vault checks their ordinary capabilities only): {@code sys/policies/*}, {@code sys/mounts/*},
 * {@code sys/storage/raft/snapshot}, {@code sys/storage/raft/remove-peer}. The handler-side sudo checks of
 * {@code auth/token/create} ({@code period}, {@code no_parent}, {@code id}) and {@code auth/token/revoke-orphan}
 * answer 400 and live in the token endpoints.
 */
final class RootPaths {

    private static final List<String> ROOT = List.of(
            "sys/auth/*",
            "sys/remount",
            "sys/audit",
            "sys/audit/*",
            "sys/raw",
            "sys/raw/*",
            "sys/replication/primary/secondary-token",
            "sys/replication/performance/primary/secondary-token",
            "sys/replication/dr/primary/secondary-token",
            "sys/replication/reindex",
            "sys/replication/dr/reindex",
            "sys/replication/performance/reindex",
            "sys/rotate",
            "sys/config/cors",
            "sys/config/auditing/*",
            "sys/config/ui/headers/*",
            "sys/plugins/catalog/*",
            "sys/plugins/runtimes/catalog/*",
            "sys/revoke-prefix/*",
            "sys/revoke-force/*",
            "sys/leases/revoke-prefix/*",
            "sys/leases/revoke-force/*",
            "sys/leases/lookup/*",
            "sys/storage/raft/snapshot-auto/config/*",
            "sys/leases",
            "sys/internal/inspect/*",
            "sys/seal",
            "sys/step-down",
            "auth/token/revoke-orphan/*",
            "auth/token/accessors*");

    private RootPaths() {
    }

    /** Whether a request to {@code path} (no leading '/', a list path ends in '/') requires sudo. */
    static boolean isProtected(String path) {
        String best = null;
        int bestLength = -1;
        for (String entry : ROOT) {
            String text = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
            if (path.startsWith(text) && text.length() > bestLength) {
                best = entry;
                bestLength = text.length();
            }
        }
        if (best == null) {
            return false;
        }
        return best.endsWith("*") || best.equals(path);
    }
}
