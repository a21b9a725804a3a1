package io.coffer.server.cli;

/**
 * A failed API call, its message worded as the Go client words it ({@code Error making API request. ... Code: 400.
 * Errors: * ...}, or {@code Put "<url>": <cause>} for transport failures) so that scripts matching Vault's output
 * keep working. Some failures still carry a response body worth printing (a 404 with warnings).
 */
public final class ClientException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Secret secret;

    public ClientException(String message) {
        this(message, 0, null, null);
    }

    public ClientException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    ClientException(String message, int status, Secret secret, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.secret = secret;
    }

    /** The HTTP status, 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The envelope that came with the error status, or null. */
    public Secret secret() {
        return secret;
    }

    /** This error carrying {@code withSecret} as the response to print after the message. */
    ClientException withSecret(Secret withSecret) {
        return new ClientException(getMessage(), status, withSecret, getCause());
    }
}
