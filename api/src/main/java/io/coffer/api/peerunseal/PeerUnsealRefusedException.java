package io.coffer.api.peerunseal;

/** The responder will not hand the unseal key to this requester now; the message says why (no secret in it). */
public final class PeerUnsealRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an exchange was refused. Transient kinds are expected while a cluster restarts. */
    public enum Kind {
        /** The responder is sealed itself (transient). */
        SEALED(true),
        /** The responder is not the Raft leader (transient). */
        NOT_LEADER(true),
        /** The requester is not a current voter, or asked for itself. */
        NOT_A_VOTER(false),
        /** The requester's TLS certificate does not belong to the voter it claims to be. */
        WRONG_CERTIFICATE(false),
        /** The request is malformed. */
        MALFORMED(false);

        private final boolean transientKind;

        Kind(boolean transientKind) {
            this.transientKind = transientKind;
        }

        public boolean isTransient() {
            return transientKind;
        }
    }

    private final Kind kind;

    public PeerUnsealRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
