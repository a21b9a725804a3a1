package io.coffer.api.auth;

import io.coffer.api.Operation;

/**
 * Decides what a token may do. Deny by default; the {@code root} policy allows everything.
 */
public interface Authorizer {

    /** Whether {@code token} may perform {@code operation} on {@code path}. */
    boolean allowed(TokenEntry token, String path, Operation operation);

    /** Whether {@code token} has some non-deny capability on a path at or below {@code prefix}. */
    boolean hasAnyCapabilityUnder(TokenEntry token, String prefix);

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
