package io.coffer.api.raft;

/**
 * One leader a node may join through, as {@code sys/storage/raft/join} or a {@code retry_join} block names it.
 * TLS material is PEM <em>contents</em>; a null CA means "the node's configured CA, else the system trust store".
 *
 * @param leaderApiAddr       the leader's API URL, e.g. {@code https://vault-1.example:8200}
 * @param leaderCaCert        PEM CA bundle that verifies the leader, or null
 * @param leaderClientCert    PEM client certificate, or null
 * @param leaderClientKey     PEM client private key, or null; never printed by {@link #toString()}
 * @param leaderTlsServerName name to verify the leader's certificate against (and send as SNI), or null
 */
public record JoinTarget(String leaderApiAddr, String leaderCaCert, String leaderClientCert, String leaderClientKey,
                         String leaderTlsServerName) {

    public JoinTarget {
        leaderCaCert = blankToNull(leaderCaCert);
        leaderClientCert = blankToNull(leaderClientCert);
        leaderClientKey = blankToNull(leaderClientKey);
        leaderTlsServerName = blankToNull(leaderTlsServerName);
    }

    /** A target verified by the configured CA or the system trust store, with no client certificate. */
    public static JoinTarget of(String leaderApiAddr) {
        return new JoinTarget(leaderApiAddr, null, null, null, null);
    }

    @Override
    public String toString() {
        return "JoinTarget[" + leaderApiAddr + (leaderCaCert == null ? "" : ", with CA")
                + (leaderClientCert == null ? "" : ", with client certificate")
                + (leaderTlsServerName == null ? "" : ", server name " + leaderTlsServerName) + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
