package io.coffer.server.config;

/**
 * One {@code retry_join {}} block of {@code storage "raft"} (vault-api.md §3.3, §3.8). The CA, client certificate
 * and client key are PEM <em>contents</em>, whether the file gave them inline ({@code leader_ca_cert}) or as files
 * ({@code leader_ca_cert_file}, read at load time). Exactly one of {@code leaderApiAddr} and {@code autoJoin} is set.
 *
 * @param leaderApiAddr       the leader's API URL, e.g. {@code https://vault2.example.com:8200}; null with auto_join
 * @param leaderTlsServername SNI / verification name for the leader's certificate, or null
 * @param leaderCaCert        PEM CA bundle to verify the leader, or null (system trust)
 * @param leaderClientCert    PEM client certificate, or null
 * @param leaderClientKey     PEM client private key, or null; never printed by {@link #toString()}
 * @param autoJoin            go-discover string such as {@code provider=aws tag_key=...}, or null
 * @param autoJoinScheme      {@code https} (default) or {@code http}
 * @param autoJoinPort        port used with auto_join addresses, default 8200
 */
public record RetryJoinConfig(
        String leaderApiAddr,
        String leaderTlsServername,
        String leaderCaCert,
        String leaderClientCert,
        String leaderClientKey,
        String autoJoin,
        String autoJoinScheme,
        int autoJoinPort) {

    public static final String DEFAULT_AUTO_JOIN_SCHEME = "https";
    public static final int DEFAULT_AUTO_JOIN_PORT = 8200;

    @Override
    public String toString() {
        return "RetryJoinConfig[leaderApiAddr=" + leaderApiAddr + ", leaderTlsServername=" + leaderTlsServername
                + ", leaderCaCert=" + present(leaderCaCert) + ", leaderClientCert=" + present(leaderClientCert)
                + ", leaderClientKey=" + (leaderClientKey == null ? "null" : "<redacted>")
                + ", autoJoin=" + autoJoin + ", autoJoinScheme=" + autoJoinScheme
                + ", autoJoinPort=" + autoJoinPort + "]";
    }

    private static String present(String pem) {
        return pem == null ? "null" : "<" + pem.length() + " chars>";
    }
}
