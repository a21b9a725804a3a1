package io.coffer.server.config;

/**
 * A server configuration Coffer cannot run with. The message always names where the problem is: a key path such as
 * {@code listener "tcp": tls_disable}, a file, or an environment variable.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
