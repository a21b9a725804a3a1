package io.coffer.server.config;

import static io.coffer.server.config.Configs.MINIMAL;
import static io.coffer.server.config.Configs.error;
import static io.coffer.server.config.Configs.listener;
import static io.coffer.server.config.Configs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopLevelConfigTest {

    @Test
    void topLevelValuesAreRead() {
        ServerConfig config = parse("cluster_name = \"prod\"\nui = \"1\"\nlog_level = \"Warning\"\n"
                + "default_lease_ttl = \"1h\"\nmax_lease_ttl = 2764800\ndefault_max_request_duration = \"2m\"\n"
                + "enable_response_header_hostname = true\nenable_response_header_raft_node_id = \"true\"\n"
                + MINIMAL);

        assertThat(config.clusterName()).isEqualTo("prod");
        assertThat(config.ui()).isTrue();
        assertThat(config.logLevel()).isEqualTo("warn");
        assertThat(config.defaultLeaseTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.maxLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(config.defaultMaxRequestDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.enableResponseHeaderHostname()).isTrue();
        assertThat(config.enableResponseHeaderRaftNodeId()).isTrue();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void defaultsWhenTopLevelKeysAreAbsent() {
        ServerConfig config = parse(MINIMAL);

        assertThat(config.clusterName()).isNull();
        assertThat(config.ui()).isFalse();
        assertThat(config.disableMlock()).isFalse();
        assertThat(config.enableResponseHeaderHostname()).isFalse();
    }

    @Test
    void unknownKeysWarnNeverFail() {
        ServerConfig config = parse("foo = 1\n" + Configs.RAFT + listener(" foo = \"bar\"\n telemetry {\n  x = 1\n }"));

        assertThat(config.warnings()).containsExactlyInAnyOrder(
                "unknown key \"foo\" at the top level",
                "unknown key \"foo\" in listener \"tcp\"",
                "unknown key \"x\" in listener \"tcp\": telemetry");
    }

    @Test
    void knownButIgnoredVaultKeysAreSilent() {
        ServerConfig config = parse("disable_mlock = true\ndisable_cache = true\ncache_size = 1000\n"
                + "pid_file = \"/run/vault.pid\"\nplugin_directory = \"/plugins\"\nlicense_path = \"/l.hclic\"\n"
                + "log_format = \"json\"\nraw_storage_endpoint = true\nintrospection_endpoint = false\n"
                + "experiments = [\"events.alpha1\"]\nuser_lockout \"all\" {\n lockout_threshold = 5\n}\n"
                + Configs.RAFT + listener(" tls_cipher_suites = \"TLS_AES_128_GCM_SHA256\"\n"
                + " custom_response_headers {\n  \"default\" = {\n   \"X-A\" = [\"b\"]\n  }\n }"));

        assertThat(config.warnings()).isEmpty();
        assertThat(config.disableMlock()).isTrue();
    }

    @Test
    void shamirSealIsAcceptedAndOtherSealsAreRefused() {
        assertThat(parse("seal \"shamir\" {\n}\n" + MINIMAL).warnings()).isEmpty();
        assertThat(error("seal \"awskms\" {\n region = \"us-east-1\"\n}\n" + MINIMAL))
                .isEqualTo("seal \"awskms\" is not supported; Coffer supports only the Shamir seal "
                        + "(remove the seal stanza)");
        assertThat(error("seal \"transit\" {\n address = \"https://t:8200\"\n}\n" + MINIMAL))
                .startsWith("seal \"transit\" is not supported");
        assertThat(error(MINIMAL, Map.of("VAULT_SEAL_TYPE", "gcpckms")))
                .startsWith("VAULT_SEAL_TYPE (environment): seal \"gcpckms\" is not supported");
    }

    @Test
    void logLevelComesFromEnvironmentFirst() {
        assertThat(parse("log_level = \"debug\"\n" + MINIMAL, Map.of("VAULT_LOG_LEVEL", "ERR")).logLevel())
                .isEqualTo("error");
        assertThat(error("log_level = \"loud\"\n" + MINIMAL))
                .isEqualTo("log_level: unknown log level \"loud\" (expected trace, debug, info, warn or error)");
        assertThat(error(MINIMAL, Map.of("VAULT_LOG_LEVEL", "loud")))
                .startsWith("VAULT_LOG_LEVEL (environment): unknown log level \"loud\"");
    }

    @Test
    void leaseTtlsAreConsistent() {
        assertThat(parse("max_lease_ttl = \"1h\"\n" + MINIMAL).defaultLeaseTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(error("max_lease_ttl = \"1h\"\ndefault_lease_ttl = \"2h\"\n" + MINIMAL))
                .isEqualTo("default_lease_ttl: 2h0m0s cannot be larger than max_lease_ttl (1h0m0s)");
        assertThat(error("max_lease_ttl = \"forever\"\n" + MINIMAL))
                .startsWith("max_lease_ttl: expected a duration");
        assertThat(error("default_max_request_duration = \"-1s\"\n" + MINIMAL))
                .isEqualTo("default_max_request_duration: cannot be negative");
    }

    @Test
    void topLevelTelemetryStanzaEnablesPrometheus() {
        ServerConfig config = parse("telemetry {\n disable_hostname = true\n"
                + " statsd_address = \"127.0.0.1:8125\"\n dogstatsd_tags = [\"a:b\"]\n}\n" + MINIMAL);
        TelemetryConfig telemetry = config.telemetry();

        assertThat(config.warnings()).isEmpty();

        assertThat(telemetry.present()).isTrue();
        assertThat(telemetry.prometheusEnabled()).isTrue();
        assertThat(telemetry.prometheusRetentionTime()).isEqualTo(Duration.ofHours(24));
        assertThat(telemetry.disableHostname()).isTrue();
        assertThat(telemetry.enableHostnameLabel()).isFalse();
        assertThat(telemetry.usageGaugePeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(telemetry.maximumGaugeCardinality()).isEqualTo(500);
        assertThat(telemetry.metricsPrefix()).isEqualTo("vault");
        assertThat(telemetry.filterDefault()).isTrue();
    }

    @Test
    void telemetryValuesAndZeroRetentionDisablingPrometheus() {
        TelemetryConfig telemetry = parse("telemetry {\n prometheus_retention_time = 0\n"
                + " usage_gauge_period = \"none\"\n maximum_gauge_cardinality = 100\n metrics_prefix = \"coffer\"\n"
                + " prefix_filter = [\"+vault.core\", \"-vault.raft\"]\n enable_hostname_label = true\n}\n"
                + MINIMAL).telemetry();

        assertThat(telemetry.present()).isTrue();
        assertThat(telemetry.prometheusEnabled()).isFalse();
        assertThat(telemetry.usageGaugePeriod()).isZero();
        assertThat(telemetry.maximumGaugeCardinality()).isEqualTo(100);
        assertThat(telemetry.metricsPrefix()).isEqualTo("coffer");
        assertThat(telemetry.prefixFilter()).containsExactly("+vault.core", "-vault.raft");
        assertThat(telemetry.enableHostnameLabel()).isTrue();
    }

    @Test
    void telemetryErrorsNameTheKey() {
        assertThat(error("telemetry {\n disable_hostname = \"nope\"\n}\n" + MINIMAL))
                .isEqualTo("telemetry: disable_hostname: expected a boolean, got \"nope\"");
        assertThat(error("telemetry {\n prefix_filter = [\"vault.core\"]\n}\n" + MINIMAL))
                .isEqualTo("telemetry: prefix_filter: filter rule must begin with either '+' or '-': \"vault.core\"");
        assertThat(error("telemetry {\n a = 1\n}\ntelemetry {\n b = 2\n}\n" + MINIMAL))
                .isEqualTo("telemetry: only one \"telemetry\" block is permitted");
    }

    @Test
    void serviceRegistrationIsIgnoredWithAWarning() {
        assertThat(parse("service_registration \"consul\" {\n address = \"x\"\n}\n" + MINIMAL).warnings())
                .containsExactly("service_registration is not supported by Coffer and is ignored");
    }
}
