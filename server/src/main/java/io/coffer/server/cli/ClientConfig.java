package io.coffer.server.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Everything a {@link VaultClient} needs, resolved from flags and environment by {@link ClientOptions}.
 *
 * @param address          VAULT_ADDR / -address, e.g. {@code https://127.0.0.1:8200}
 * @param token            the client token ({@code X-Vault-Token}); empty for none
 * @param namespace        {@code X-Vault-Namespace}; empty for none
 * @param headers          extra headers from {@code -header}
 * @param ssl              the TLS context for https addresses
 * @param maxRetries       VAULT_MAX_RETRIES (2 by default)
 * @param timeout          VAULT_CLIENT_TIMEOUT (60 s by default)
 * @param disableRedirects VAULT_DISABLE_REDIRECTS / -disable-redirects
 */
public record ClientConfig(URI address, String token, String namespace, Map<String, String> headers, SSLContext ssl,
                           int maxRetries, Duration timeout, boolean disableRedirects) {

    public ClientConfig {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "ClientConfig[address=" + address + ", token=" + (token.isEmpty() ? "none" : "set") + "]";
    }
}
