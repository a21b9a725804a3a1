package io.coffer.api.auth;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.Operation;
import java.util.List;

/**
 * Decides what a token may do. Deny by default; the {@code root} policy allows everything.
 * Implementations are thread-safe and called on worker threads.
 */
public interface Authorizer {

    /** Whether {@code token} may perform {@code operation} on {@code path} (no request data, no existence check). */
    boolean allowed(TokenEntry token, String path, Operation operation);

    /** Whether {@code token} has some non-deny capability on a path at or below {@code prefix}. */
    boolean hasAnyCapabilityUnder(TokenEntry token, String prefix);

    /**
     * The router's check of a whole request: the ACL with the request's data (parameter constraints), {@code sudo}
     * on root-protected paths, and {@code create} rather than {@code update} for a write to an item that does not
     * exist yet. Throws 403 {@code permission denied} when refused.
     */
    default void authorize(ApiRequest request, TokenEntry token) {
        if (token == null || !allowed(token, request.path(), request.operation())) {
            throw ApiException.permissionDenied();
        }
    }

    /** Whether {@code token} holds {@code sudo} on {@code path} (Vault's {@code SudoPrivilege}; root always does). */
    default boolean sudo(TokenEntry token, String path) {
        return token != null && token.isRoot();
    }

    /** The capabilities {@code token} has on {@code path}, sorted, as {@code sys/capabilities} reports them. */
    default List<String> capabilities(TokenEntry token, String path) {
        return token != null && token.isRoot() ? List.of("root") : List.of("deny");
    }

    /** The authorizer of a server whose only tokens are root tokens. */
    static Authorizer rootOnly() {
        return new Authorizer() {
            @Override
            public boolean allowed(TokenEntry token, String path, Operation operation) {
                return token != null && token.isRoot();
            }

            @Override
            public boolean hasAnyCapabilityUnder(TokenEntry token, String prefix) {
                return token != null && token.isRoot();
            }
        };
    }
}
