package io.coffer.server.config;

import java.util.Locale;

/**
 * Settles {@code api_addr} and {@code cluster_addr} (vault-api.md §10.1). Precedence for each: environment
 * ({@code VAULT_API_ADDR}, legacy {@code VAULT_REDIRECT_ADDR}/{@code VAULT_ADVERTISE_ADDR};
 * {@code VAULT_CLUSTER_ADDR}), then the top-level key, then the legacy key inside the storage stanza, then
 * derivation: api_addr from the first listener, cluster_addr from api_addr's host with port + 1. The cluster
 * address always uses https, as in Vault, and must not point at the same host and port as api_addr.
 */
final class AddressResolver {
    record Addresses(String apiAddr, String clusterAddr) {
    }

    private record Setting(String value, String name) {
    }

    private AddressResolver() {
    }

    static Addresses resolve(String configApi, String configCluster, ListenerConfig first, ParseContext ctx) {
        Setting api = firstOf(env(ctx, "VAULT_API_ADDR"), env(ctx, "VAULT_REDIRECT_ADDR"),
                env(ctx, "VAULT_ADVERTISE_ADDR"), config(configApi, "api_addr"));
        String apiAddr;
        Addr.Url apiUrl;
        if (api != null) {
            apiUrl = Addr.url(api.value(), api.name());
            apiAddr = stripTrailingSlash(api.value().trim());
        } else {
            apiUrl = fromListener(first);
            apiAddr = apiUrl.toString();
            if (isWildcard(first.addressHost())) {
                ctx.warn("api_addr is not set; using " + apiAddr + " derived from the first listener, which other "
                        + "nodes cannot reach. Set api_addr (or VAULT_API_ADDR) to this node's reachable address");
            }
        }
        Setting cluster = firstOf(env(ctx, "VAULT_CLUSTER_ADDR"), config(configCluster, "cluster_addr"));
        Addr.Url clusterUrl;
        if (cluster != null) {
            Addr.Url parsed = Addr.url(cluster.value(), cluster.name());
            clusterUrl = new Addr.Url("https", parsed.host(), parsed.port());
        } else {
            int apiPort = apiUrl.portOr(443);
            clusterUrl = new Addr.Url("https", apiUrl.host(), apiPort + 1);
        }
        boolean sameHost = apiUrl.host().toLowerCase(Locale.ROOT).equals(clusterUrl.host().toLowerCase(Locale.ROOT));
        int apiPort = apiUrl.portOr(apiUrl.scheme().equals("https") ? 443 : 80);
        if (sameHost && apiPort == clusterUrl.portOr(ServerConfig.DEFAULT_CLUSTER_PORT)) {
            throw new ConfigException((cluster == null ? "cluster_addr" : cluster.name()) + ": address "
                    + clusterUrl + " is used for both the API (api_addr " + apiAddr + ") and the cluster port; "
                    + "cluster_addr must use a different port");
        }
        return new Addresses(apiAddr, clusterUrl.toString());
    }

    /** {@code https://} unless the listener disables TLS; a wildcard bind host becomes 127.0.0.1. */
    private static Addr.Url fromListener(ListenerConfig listener) {
        String host = listener.addressHost();
        return new Addr.Url(listener.tlsDisable() ? "http" : "https", isWildcard(host) ? "127.0.0.1" : host,
                listener.addressPort());
    }

    private static boolean isWildcard(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
    }

    private static Setting env(ParseContext ctx, String name) {
        String value = ctx.env(name);
        return value == null ? null : new Setting(value, name + " (environment)");
    }

    private static Setting config(String value, String name) {
        return value == null || value.isBlank() ? null : new Setting(value, name);
    }

    private static Setting firstOf(Setting... settings) {
        for (Setting s : settings) {
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
