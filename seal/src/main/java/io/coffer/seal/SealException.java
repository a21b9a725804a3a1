package io.coffer.seal;

/**
 * The single failure type of the seal module: thrown for every seal, crypto and validation failure.
 *
 * <p>Contract: {@link #getMessage()} is client-safe text, worded as Vault words it, so the API module may copy it
 * into an {@code errors} array unchanged. It never contains key material, shares or plaintext. A cause, when
 * present, is for server logs only.
 */
public class SealException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param msg client-safe message (no secrets)
     */
    public SealException(String msg) {
        super(msg);
    }

    /**
     * @param msg   client-safe message (no secrets)
     * @param cause underlying failure, for logs only
     */
    public SealException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
