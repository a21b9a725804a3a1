package io.coffer.server.config;

import static io.coffer.server.config.Configs.RAFT;
import static io.coffer.server.config.Configs.error;
import static io.coffer.server.config.Configs.listener;
import static io.coffer.server.config.Configs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListenerConfigTest {

    @Test
    void plainHttpListenerGetsVaultDefaults() {
        ListenerConfig l = parse(RAFT + "listener \"tcp\" {\n  tls_disable = true\n}\n").listeners().get(0);

        assertThat(l.address()).isEqualTo("127.0.0.1:8200");
        assertThat(l.clusterAddress()).isEqualTo("127.0.0.1:8201");
        assertThat(l.tlsDisable()).isTrue();
        assertThat(l.tlsCertFile()).isNull();
        assertThat(l.tlsMinVersion()).isEqualTo("tls12");
        assertThat(l.tlsMaxVersion()).isEqualTo("tls13");
        assertThat(l.maxRequestSize()).isEqualTo(33_554_432L);
        assertThat(l.maxRequestDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(l.httpIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(l.httpReadHeaderTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(l.httpReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(l.httpWriteTimeout()).isEqualTo(Duration.ZERO);
        assertThat(l.xForwardedForAuthorizedAddrs()).isEmpty();
        assertThat(l.xForwardedForRejectNotAuthorized()).isTrue();
        assertThat(l.xForwardedForRejectNotPresent()).isTrue();
        assertThat(l.unauthenticatedMetricsAccess()).isFalse();
        assertThat(l.addressHost()).isEqualTo("127.0.0.1");
        assertThat(l.addressPort()).isEqualTo(8200);
    }

    @Test
    void tlsDisableAcceptsStringsAndNumbers() {
        assertThat(parse(RAFT + "listener \"tcp\" {\n tls_disable = \"true\"\n}\n").listeners().get(0).tlsDisable())
                .isTrue();
        assertThat(parse(RAFT + "listener \"tcp\" {\n tls_disable = 1\n}\n").listeners().get(0).tlsDisable())
                .isTrue();
        assertThat(parse(RAFT + "listener \"tcp\" {\n tls_disable = \"1\"\n}\n").listeners().get(0).tlsDisable())
                .isTrue();
    }

    @Test
    void badBooleanNamesListenerAndKey() {
        assertThat(error(RAFT + "listener \"tcp\" {\n tls_disable = \"maybe\"\n}\n"))
                .isEqualTo("listener \"tcp\": tls_disable: expected a boolean, got \"maybe\"");
    }

    @Test
    void tlsListenerNeedsCertAndKey() {
        assertThat(error(RAFT + "listener \"tcp\" {\n address = \"0.0.0.0:8200\"\n}\n"))
                .startsWith("listener \"tcp\": tls_cert_file and tls_key_file are required when TLS is enabled");
        assertThat(error(RAFT + "listener \"tcp\" {\n tls_cert_file = \"c.pem\"\n}\n"))
                .startsWith("listener \"tcp\": tls_key_file is required when TLS is enabled");
    }

    @Test
    void tlsFilesResolveAgainstBaseDirectory() {
        ListenerConfig l = parse(RAFT + "listener \"tcp\" {\n tls_cert_file = \"certs/c.pem\"\n"
                + " tls_key_file = \"/abs/k.pem\"\n tls_client_ca_file = \"ca.pem\"\n"
                + " tls_require_and_verify_client_cert = true\n tls_min_version = \"TLS13\"\n}\n").listeners().get(0);

        assertThat(l.tlsCertFile()).isEqualTo(Path.of("/base/certs/c.pem"));
        assertThat(l.tlsKeyFile()).isEqualTo(Path.of("/abs/k.pem"));
        assertThat(l.tlsClientCaFile()).isEqualTo(Path.of("/base/ca.pem"));
        assertThat(l.tlsRequireAndVerifyClientCert()).isTrue();
        assertThat(l.tlsMinVersion()).isEqualTo("tls13");
    }

    @Test
    void clientCertModesAreMutuallyExclusive() {
        assertThat(error(RAFT + listener(" tls_require_and_verify_client_cert = true\n"
                + " tls_disable_client_certs = true")))
                .isEqualTo("listener \"tcp\": tls_require_and_verify_client_cert and tls_disable_client_certs "
                        + "are mutually exclusive");
    }

    @Test
    void tlsVersionsAreValidated() {
        assertThat(error(RAFT + listener(" tls_min_version = \"ssl3\"")))
                .isEqualTo("listener \"tcp\": tls_min_version: expected one of tls10, tls11, tls12, tls13, "
                        + "got \"ssl3\"");
        assertThat(error(RAFT + listener(" tls_min_version = \"tls13\"\n tls_max_version = \"tls12\"")))
                .isEqualTo("listener \"tcp\": tls_min_version (tls13) is greater than tls_max_version (tls12)");
    }

    @Test
    void nestedTelemetryBlockGrantsUnauthenticatedMetrics() {
        ServerConfig config = parse(RAFT + listener(" telemetry {\n  unauthenticated_metrics_access = true\n }"));

        assertThat(config.listeners().get(0).unauthenticatedMetricsAccess()).isTrue();
    }

    @Test
    void requestLimitsAndForwardedForSettingsAreRead() {
        ListenerConfig l = parse(RAFT + listener(" address = \"0.0.0.0:9200\"\n cluster_address = \"0.0.0.0:9300\"\n"
                + " max_request_size = \"1024\"\n max_request_duration = 30\n"
                + " x_forwarded_for_authorized_addrs = \"10.0.0.0/8, 192.168.1.7\"\n"
                + " x_forwarded_for_hop_skips = 1\n x_forwarded_for_reject_not_present = false\n"
                + " http_idle_timeout = \"1m\"")).listeners().get(0);

        assertThat(l.clusterAddress()).isEqualTo("0.0.0.0:9300");
        assertThat(l.maxRequestSize()).isEqualTo(1024);
        assertThat(l.maxRequestDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(l.xForwardedForAuthorizedAddrs()).containsExactly("10.0.0.0/8", "192.168.1.7");
        assertThat(l.xForwardedForHopSkips()).isEqualTo(1);
        assertThat(l.xForwardedForRejectNotPresent()).isFalse();
        assertThat(l.httpIdleTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void everyDocumentedListenerKeyIsKnown() {
        ServerConfig config = parse("api_addr = \"http://n1:8200\"\n" + RAFT + listener(
                " address = \"0.0.0.0:8200\"\n cluster_address = \"0.0.0.0:8201\"\n max_request_size = 1\n"
                + " max_request_duration = \"1s\"\n tls_client_ca_file = \"ca.pem\"\n"
                + " tls_min_version = \"tls12\"\n tls_max_version = \"tls13\"\n tls_cipher_suites = \"x\"\n"
                + " tls_prefer_server_cipher_suites = true\n tls_require_and_verify_client_cert = false\n"
                + " tls_disable_client_certs = false\n x_forwarded_for_authorized_addrs = \"10.0.0.0/8\"\n"
                + " x_forwarded_for_hop_skips = 0\n x_forwarded_for_reject_not_authorized = true\n"
                + " x_forwarded_for_reject_not_present = true\n http_idle_timeout = \"5m\"\n"
                + " http_read_header_timeout = \"10s\"\n http_read_timeout = \"30s\"\n http_write_timeout = 0\n"
                + " telemetry {\n  unauthenticated_metrics_access = true\n }\n"
                + " profiling {\n  unauthenticated_pprof_access = true\n }\n"
                + " inflight_requests_logging {\n  unauthenticated_in_flight_requests_access = true\n }\n"
                + " redact_addresses = true\n redact_cluster_name = true\n redact_version = true"));

        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void listenerMaxRequestDurationFallsBackToTopLevelDefault() {
        ServerConfig config = parse("default_max_request_duration = \"2m\"\n" + Configs.MINIMAL);

        assertThat(config.listeners().get(0).maxRequestDuration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void forwardedForAddressesMustBeIpsOrCidrs() {
        assertThat(error(RAFT + listener(" x_forwarded_for_authorized_addrs = [\"10.0.0.0/33\"]")))
                .isEqualTo("listener \"tcp\": x_forwarded_for_authorized_addrs: expected IP addresses or CIDR "
                        + "blocks, got \"10.0.0.0/33\"");
        assertThat(parse(RAFT + listener(" x_forwarded_for_authorized_addrs = [\"::1/128\", \"fd00::/8\"]"))
                .listeners().get(0).xForwardedForAuthorizedAddrs()).hasSize(2);
    }

    @Test
    void forwardedForOptionsWithoutAddressesWarn() {
        ServerConfig config = parse(RAFT + listener(" x_forwarded_for_reject_not_present = false"));

        assertThat(config.warnings()).anySatisfy(w -> assertThat(w).contains("x_forwarded_for_authorized_addrs is "
                + "not set, so forwarding is not enabled but x_forwarded_for_reject_not_present was set"));
    }

    @Test
    void emptyHostBindsAllInterfacesAsInGo() {
        ListenerConfig l = parse(RAFT + listener(" address = \":8200\"")).listeners().get(0);

        assertThat(l.addressHost()).isEqualTo("0.0.0.0");
        assertThat(l.clusterAddress()).isEqualTo("0.0.0.0:8201");
    }

    @Test
    void addressMustHaveAPort() {
        assertThat(error(RAFT + listener(" address = \"0.0.0.0\"")))
                .isEqualTo("listener \"tcp\": address: expected host:port, got \"0.0.0.0\"");
    }

    @Test
    void unlabelledListenerTakesItsTypeKey() {
        ServerConfig config = parse(RAFT + "listener {\n type = \"tcp\"\n tls_disable = true\n}\n");

        assertThat(config.listeners()).hasSize(1);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void listenerTypeIsRequiredAndMustBeTcp() {
        assertThat(error(RAFT + "listener {\n tls_disable = true\n}\n"))
                .startsWith("listener: listener type must be specified");
        assertThat(error(RAFT + "listener \"unix\" {\n address = \"/run/vault.sock\"\n}\n"))
                .startsWith("listener \"unix\" is not supported");
        assertThat(error(RAFT + "listener \"udp\" {\n tls_disable = true\n}\n"))
                .isEqualTo("listener \"udp\": unsupported listener type \"udp\"");
    }

    @Test
    void missingListenerIsAnError() {
        assertThat(error(RAFT)).startsWith("no listener configured");
    }

    @Test
    void severalListenersAreNumberedInMessages() {
        ServerConfig config = parse(RAFT + listener(" address = \"127.0.0.1:8200\"")
                + listener(" address = \"127.0.0.1:8300\""));
        String message = error(RAFT + listener("") + listener(" address = \"127.0.0.1:8300\"\n tls_disable = 5.5"));

        assertThat(config.listeners()).extracting(ListenerConfig::address)
                .containsExactly("127.0.0.1:8200", "127.0.0.1:8300");
        assertThat(message).startsWith("listener \"tcp\" #2: tls_disable: expected a boolean");
    }
}
