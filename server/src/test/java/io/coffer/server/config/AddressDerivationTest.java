package io.coffer.server.config;

import static io.coffer.server.config.Configs.RAFT;
import static io.coffer.server.config.Configs.error;
import static io.coffer.server.config.Configs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** api_addr / cluster_addr precedence and derivation (vault-api.md §10.1). */
class AddressDerivationTest {
    private static final String TLS_LISTENER = "listener \"tcp\" {\n address = \"0.0.0.0:8200\"\n"
            + " tls_cert_file = \"c.pem\"\n tls_key_file = \"k.pem\"\n}\n";

    @Test
    void apiAddrDerivesFromFirstListenerWithWildcardAsLoopback() {
        ServerConfig tls = parse(RAFT + TLS_LISTENER);
        ServerConfig plain = parse(RAFT + "listener \"tcp\" {\n address = \"10.1.2.3:9200\"\n tls_disable = true\n}\n");

        assertThat(tls.apiAddr()).isEqualTo("https://127.0.0.1:8200");
        assertThat(tls.warnings()).singleElement().asString().startsWith("api_addr is not set; using "
                + "https://127.0.0.1:8200 derived from the first listener, which other nodes cannot reach");
        assertThat(plain.apiAddr()).isEqualTo("http://10.1.2.3:9200");
        assertThat(plain.clusterAddr()).isEqualTo("https://10.1.2.3:9201");
        assertThat(plain.warnings()).isEmpty();
    }

    @Test
    void clusterAddrDerivesFromApiAddrHostWithPortPlusOneOverHttps() {
        ServerConfig config = parse("api_addr = \"http://vault_1.internal:8200\"\n" + RAFT + TLS_LISTENER);

        assertThat(config.clusterAddr()).isEqualTo("https://vault_1.internal:8201");
        assertThat(config.clusterHost()).isEqualTo("vault_1.internal");
        assertThat(config.clusterPort()).isEqualTo(8201);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void apiAddrWithoutPortGivesClusterPort444AsVaultDoes() {
        assertThat(parse("api_addr = \"https://vault.example.com\"\n" + RAFT + TLS_LISTENER).clusterAddr())
                .isEqualTo("https://vault.example.com:444");
    }

    @Test
    void configuredClusterAddrIsForcedToHttps() {
        ServerConfig config = parse("api_addr = \"http://n1:8200\"\ncluster_addr = \"http://n1:8201\"\n"
                + RAFT + TLS_LISTENER);

        assertThat(config.clusterAddr()).isEqualTo("https://n1:8201");
    }

    @Test
    void environmentOverridesBothAddresses() {
        ServerConfig config = parse("api_addr = \"https://file:8200\"\ncluster_addr = \"https://file:8201\"\n"
                + RAFT + TLS_LISTENER, Map.of("VAULT_API_ADDR", "https://env:8200",
                "VAULT_CLUSTER_ADDR", "https://env-cluster:9201"));

        assertThat(config.apiAddr()).isEqualTo("https://env:8200");
        assertThat(config.clusterAddr()).isEqualTo("https://env-cluster:9201");
        assertThat(config.clusterPort()).isEqualTo(9201);
    }

    @Test
    void legacyRedirectAddrEnvironmentIsHonoured() {
        assertThat(parse(RAFT + TLS_LISTENER, Map.of("VAULT_REDIRECT_ADDR", "https://legacy:8200")).apiAddr())
                .isEqualTo("https://legacy:8200");
    }

    @Test
    void ipv6AddressesKeepTheirBrackets() {
        ServerConfig config = parse("api_addr = \"https://[fd00::1]:8200\"\n" + RAFT + TLS_LISTENER);

        assertThat(config.clusterAddr()).isEqualTo("https://[fd00::1]:8201");
        assertThat(config.clusterHost()).isEqualTo("fd00::1");
        assertThat(config.clusterHostPort()).isEqualTo("[fd00::1]:8201");
    }

    @Test
    void clusterAddrEqualToApiAddrIsAnError() {
        assertThat(error("api_addr = \"https://n1:8200\"\ncluster_addr = \"https://n1:8200\"\n" + RAFT + TLS_LISTENER))
                .isEqualTo("cluster_addr: address https://n1:8200 is used for both the API (api_addr "
                        + "https://n1:8200) and the cluster port; cluster_addr must use a different port");
    }

    @Test
    void addressesMustBeUrls() {
        assertThat(error("api_addr = \"n1:8200\"\n" + RAFT + TLS_LISTENER))
                .isEqualTo("api_addr: expected a URL such as \"https://host:8200\", got \"n1:8200\"");
        assertThat(error(RAFT + TLS_LISTENER, Map.of("VAULT_CLUSTER_ADDR", "n1:8201")))
                .startsWith("VAULT_CLUSTER_ADDR (environment): expected a URL");
        assertThat(error("cluster_addr = \"https://{{ GetPrivateIP }}:8201\"\n" + RAFT + TLS_LISTENER))
                .startsWith("cluster_addr: go-sockaddr templates are not supported");
    }
}
