package io.coffer.api.raft;

/** A failed step of joining a raft cluster; the message is safe to show to the operator (no secrets). */
public final class JoinException extends RuntimeException {

    public JoinException(String message) {
        super(message, null, false, false);
    }

    public JoinException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
