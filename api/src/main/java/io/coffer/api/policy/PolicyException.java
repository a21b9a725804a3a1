package io.coffer.api.policy;

/**
 * A policy text or name that Vault would refuse. The message is Vault's client-facing text (for example
 * {@code failed to parse policy: path "x": invalid capability "reed"}); the endpoints answer it as a 400.
 */
public final class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message, null, false, false);
    }

    /** A parse failure, prefixed the way Vault's policy parser prefixes every error. */
    static PolicyException parse(String detail) {
        return new PolicyException("failed to parse policy: " + detail);
    }
}
