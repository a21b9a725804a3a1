package io.coffer.server.config;

import static io.coffer.server.config.Configs.PLAIN_LISTENER;
import static io.coffer.server.config.Configs.error;
import static io.coffer.server.config.Configs.raft;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryJoinConfigTest {
    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIEsecret\n-----END PRIVATE KEY-----\n";

    private static List<RetryJoinConfig> joins(String retryJoinBlocks, Path base) {
        return ConfigLoader.fromString(raft(retryJoinBlocks) + PLAIN_LISTENER, base).storage().retryJoin();
    }

    @Test
    void leaderCaCertFileIsReadAtLoadTime(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ca.pem"), CA);

        List<RetryJoinConfig> joins = joins(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  leader_ca_cert_file = \"ca.pem\"\n  leader_tls_servername = \"vault.example.com\"\n }", dir);

        assertThat(joins).singleElement().satisfies(j -> {
            assertThat(j.leaderApiAddr()).isEqualTo("https://n2:8200");
            assertThat(j.leaderCaCert()).isEqualTo(CA);
            assertThat(j.leaderClientCert()).isNull();
            assertThat(j.leaderTlsServername()).isEqualTo("vault.example.com");
            assertThat(j.autoJoinScheme()).isEqualTo("https");
            assertThat(j.autoJoinPort()).isEqualTo(8200);
        });
    }

    @Test
    void inlinePemHeredocLosesItsIndentation(@TempDir Path dir) {
        List<RetryJoinConfig> joins = joins(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  leader_ca_cert = <<EOT\n    -----BEGIN CERTIFICATE-----\n    MIIBfake\n"
                + "    -----END CERTIFICATE-----\nEOT\n }", dir);

        assertThat(joins.get(0).leaderCaCert()).isEqualTo(CA);
    }

    @Test
    void clientKeyIsNeverPrinted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("client.pem"), CA);
        Files.writeString(dir.resolve("client-key.pem"), KEY);

        RetryJoinConfig join = joins(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  leader_client_cert_file = \"client.pem\"\n  leader_client_key_file = \"client-key.pem\"\n }",
                dir).get(0);

        assertThat(join.leaderClientKey()).isEqualTo(KEY);
        assertThat(join.toString()).doesNotContain("MIIEsecret").contains("leaderClientKey=<redacted>");
    }

    @Test
    void inlineAndFileFormsInOneBlockAreAnError() {
        String message = error(raft(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  leader_ca_cert = \"" + CA.replace("\n", "\\n") + "\"\n  leader_client_key_file = \"k.pem\"\n }")
                + PLAIN_LISTENER);

        assertThat(message).startsWith("storage \"raft\": retry_join: use either inline PEM (leader_ca_cert, "
                + "leader_client_cert, leader_client_key) or files (leader_ca_cert_file, ");
        assertThat(message).endsWith("not both");
    }

    @Test
    void unreadableFileNamesKeyAndPath() {
        assertThat(error(raft(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  leader_ca_cert_file = \"/nonexistent/ca.pem\"\n }") + PLAIN_LISTENER))
                .startsWith("storage \"raft\": retry_join: leader_ca_cert_file: cannot read /nonexistent/ca.pem");
    }

    @Test
    void pathGivenAsInlineCertIsExplained() {
        assertThat(error(raft(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  leader_ca_cert = \"/certs/ca.pem\"\n }") + PLAIN_LISTENER))
                .isEqualTo("storage \"raft\": retry_join: leader_ca_cert: expected PEM contents (-----BEGIN ...) "
                        + "(to give a file path, use the key with the _file suffix)");
    }

    @Test
    void leaderAddressAndAutoJoinAreExclusiveAndOneIsRequired() {
        assertThat(error(raft(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n"
                + "  auto_join = \"provider=aws\"\n }") + PLAIN_LISTENER))
                .isEqualTo("storage \"raft\": retry_join: cannot provide both a leader_api_addr and auto_join");
        assertThat(error(raft(" retry_join {\n  leader_tls_servername = \"x\"\n }") + PLAIN_LISTENER))
                .isEqualTo("storage \"raft\": retry_join: one of leader_api_addr or auto_join is required");
    }

    @Test
    void autoJoinSchemeIsValidatedAndBlocksAreNumbered() {
        assertThat(error(raft(" retry_join {\n  leader_api_addr = \"https://n2:8200\"\n }\n"
                + " retry_join {\n  auto_join = \"provider=k8s\"\n  auto_join_scheme = \"ftp\"\n }") + PLAIN_LISTENER))
                .isEqualTo("storage \"raft\": retry_join #2: auto_join_scheme: invalid scheme \"ftp\"; "
                        + "must either be http or https");
    }

    @Test
    void leaderApiAddrMustBeAUrl() {
        assertThat(error(raft(" retry_join {\n  leader_api_addr = \"vault2:8200\"\n }") + PLAIN_LISTENER))
                .isEqualTo("storage \"raft\": retry_join: leader_api_addr: expected a URL such as "
                        + "\"https://host:8200\", got \"vault2:8200\"");
    }
}
