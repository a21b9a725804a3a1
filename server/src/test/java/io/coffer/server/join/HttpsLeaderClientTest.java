package io.coffer.server.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.ApiOptions;
import io.coffer.api.Json;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.api.raft.JoinException;
import io.coffer.api.raft.JoinTarget;
import io.coffer.server.CofferNode;
import io.coffer.server.NodeSettings;
import io.coffer.server.testing.Ports;
import io.coffer.server.tls.ApiTls;
import io.coffer.server.tls.CertificateAuthority;
import io.coffer.server.tls.Eku;
import io.coffer.server.tls.IssuedCertificate;
import io.coffer.server.tls.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The joiner's HTTPS client towards a leader's API port (vault-api.md §3.1): it trusts the join's
 * {@code leader_ca_cert}, else the node's configured CA, else the JVM's trust store; it checks the certificate
 * against {@code leader_tls_servername} when one is given; it presents the join's client certificate to a leader
 * that requires one; unusable PEM is refused before any connection.
 */
class HttpsLeaderClientTest {

    private static final String HOST = "127.0.0.31";
    private static final String CHALLENGE = "sys/storage/raft/bootstrap/challenge";

    @TempDir
    static Path dir;

    private static CofferNode node;
    private static String url;
    private static String caPem;
    private static IssuedCertificate client;

    @BeforeAll
    static void startTlsNode() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(KeyType.EC, "Join Test CA", Duration.ofDays(1));
        IssuedCertificate leaf = ca.issue("vault-1", List.of("vault-1.example"), List.of(HOST),
                EnumSet.allOf(Eku.class), Duration.ofHours(1));
        Path cert = dir.resolve("node.pem");
        Path key = dir.resolve("node-key.pem");
        leaf.writeTo(cert, key);
        caPem = ca.certificatePem();
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, caPem);
        client = ca.issue("joiner", List.of("joiner.example"), List.of(), EnumSet.of(Eku.CLIENT_AUTH),
                Duration.ofHours(1));
        int port = Ports.free(HOST);
        url = "https://" + HOST + ":" + port;
        ApiServerOptions listener = new ApiServerOptions(HOST, port,
                ApiTls.server(cert, key, caFile, true, false, "tls12"), 1 << 20, 60, false);
        node = CofferNode.start(new NodeSettings(new NodeIdentity("tls1", url, "https://" + HOST + ":"
                + Ports.free(HOST)), dir.resolve("data"), List.of(listener), HOST, Ports.free(HOST), 0,
                ApiOptions.defaults()));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JoinTarget target(String serverName, String ca) {
        return new JoinTarget(url, ca, client.certificatePem(), client.privateKeyPem(), serverName);
    }

    private static String challenge(HttpsLeaderClient client, JoinTarget target) {
        try {
            client.put(target, CHALLENGE, Json.object().put("server_id", "joiner"));
            return "no error";
        } catch (JoinException e) {
            return e.getMessage();
        }
    }

    @Test
    void leaderCaCertVerifiesTheLeader() {
        String error = challenge(new HttpsLeaderClient(null), target(null, caPem));
        assertThat(error).contains("Code: 503").contains("* Vault is sealed").contains("URL: PUT " + url);
    }

    @Test
    void configuredCaIsTheFallbackAndTheJvmTrustStoreRefusesAnUnknownCa() {
        assertThat(challenge(new HttpsLeaderClient(caPem), target(null, null))).contains("Code: 503");
        assertThat(challenge(new HttpsLeaderClient(null), target(null, null))).startsWith("Put \"" + url)
                .doesNotContain("Code:");
    }

    @Test
    void serverNameReplacesTheDialledHostInTheCertificateCheck() {
        HttpsLeaderClient http = new HttpsLeaderClient(null);
        assertThat(challenge(http, target("vault-1.example", caPem)))
                .contains("Code: 503");
        assertThat(challenge(http, target("vault-9.example", caPem)))
                .doesNotContain("Code:");
    }

    @Test
    void aLeaderThatRequiresClientCertificatesRefusesAJoinWithout() {
        assertThat(challenge(new HttpsLeaderClient(caPem), JoinTarget.of(url))).doesNotContain("Code:");
    }

    @Test
    void unusablePemIsRefusedUpFront() {
        HttpsLeaderClient http = new HttpsLeaderClient(null);
        String garbage = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> http.check(new JoinTarget(url, garbage, null, null, null)))
                .isInstanceOf(JoinException.class).hasMessageStartingWith("failed to create TLS config");
        assertThatThrownBy(() -> http.check(new JoinTarget(url, caPem, caPem, null, null)))
                .hasMessageContaining("leader_client_cert and leader_client_key must be given together");
    }
}
