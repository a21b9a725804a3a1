package io.coffer.api.http;

import io.netty.handler.ssl.SslContext;

/**
 * How one API listener runs.
 *
 * @param host               bind address
 * @param port               bind port (0 = any free port)
 * @param sslContext         server TLS context, or null for plain HTTP ({@code tls_disable})
 * @param maxRequestSize     body limit in bytes ({@code max_request_size}, Vault's default 32 MiB)
 * @param idleTimeoutSeconds keep-alive idle timeout ({@code http_idle_timeout}, 5 minutes)
 * @param ui                 whether {@code /ui/} is served
 */
public record ApiServerOptions(String host, int port, SslContext sslContext, int maxRequestSize,
                               int idleTimeoutSeconds, boolean ui) {

    public static final int DEFAULT_MAX_REQUEST_SIZE = 32 * 1024 * 1024;
}
