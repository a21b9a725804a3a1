package io.coffer.api.policystore;

import java.util.Optional;

/**
 * Vault's existence check: for a write (PUT/POST) to a path that has one, the ACL requires {@code create} when
 * the item does not exist yet and {@code update} when it does. Paths without one always need {@code update}.
 */
@FunctionalInterface
public interface ExistenceCheck {

    /** Whether the item at request path {@code path} exists; empty when the path has no existence check. */
    Optional<Boolean> exists(String path);

    /** No path has an existence check. */
    static ExistenceCheck none() {
        return path -> Optional.empty();
    }
}
