package io.coffer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses {@code listener "tcp" {}} stanzas (vault-api.md §10.2). */
final class ListenerParser {
    private static final List<String> TLS_VERSIONS = List.of("tls10", "tls11", "tls12", "tls13");

    private record Tls(boolean disable, Path cert, Path key, Path clientCa, String min, String max,
                       boolean requireClientCert, boolean disableClientCerts) {
    }

    private ListenerParser() {
    }

    static List<ListenerConfig> parseAll(List<LabelledBlock> blocks, Duration defaultMaxRequest, ParseContext ctx) {
        if (blocks.isEmpty()) {
            throw new ConfigException("no listener configured: add a listener \"tcp\" { address = \"...\" } stanza");
        }
        List<ListenerConfig> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String suffix = blocks.size() == 1 ? "" : " #" + (i + 1);
            out.add(parse(blocks.get(i), suffix, defaultMaxRequest, ctx));
        }
        return out;
    }

    private static ListenerConfig parse(LabelledBlock block, String suffix, Duration defaultMaxRequest,
                                        ParseContext ctx) {
        Block b = new Block("listener \"" + type(block, suffix) + "\"" + suffix, block.body(), ctx);
        String address = b.string("address", ListenerConfig.DEFAULT_ADDRESS).trim();
        Addr.HostPort bind = Addr.hostPort(address, b.where("address"));
        String clusterAddress = b.string("cluster_address", null);
        if (clusterAddress == null || clusterAddress.isBlank()) {
            clusterAddress = bind.urlHost() + ":" + (bind.port() + 1);
        } else {
            clusterAddress = clusterAddress.trim();
            Addr.hostPort(clusterAddress, b.where("cluster_address"));
        }
        Tls tls = tls(b);
        long maxSize = b.integer("max_request_size", 0);
        Duration maxDuration = b.duration("max_request_duration", Duration.ZERO);
        if (maxDuration.isNegative()) {
            throw Values.error(b.where("max_request_duration"), "cannot be negative");
        }
        List<String> xffAddrs = forwardedForAddrs(b);
        int hopSkips = (int) b.integer("x_forwarded_for_hop_skips", 0, 0, Integer.MAX_VALUE);
        boolean rejectNotAuthorized = b.bool("x_forwarded_for_reject_not_authorized", true);
        boolean rejectNotPresent = b.bool("x_forwarded_for_reject_not_present", true);
        warnForwardedForWithoutAddrs(b, xffAddrs);
        List<Duration> timeouts = List.of(b.duration("http_idle_timeout", Duration.ofMinutes(5)),
                b.duration("http_read_header_timeout", Duration.ofSeconds(10)),
                b.duration("http_read_timeout", Duration.ofSeconds(30)),
                b.duration("http_write_timeout", Duration.ZERO));
        Block telemetry = b.child("telemetry");
        boolean unauthenticatedMetrics = telemetry.bool("unauthenticated_metrics_access", false);
        telemetry.finish();
        warnUnsupported(b);
        b.ignore(KnownKeys.LISTENER);
        b.finish();
        return new ListenerConfig(address, clusterAddress, tls.disable(), tls.cert(), tls.key(), tls.clientCa(),
                tls.min(), tls.max(), tls.requireClientCert(), tls.disableClientCerts(),
                maxSize == 0 ? ListenerConfig.DEFAULT_MAX_REQUEST_SIZE : maxSize,
                maxDuration.isZero() ? defaultMaxRequest : maxDuration,
                timeouts.get(0), timeouts.get(1), timeouts.get(2), timeouts.get(3),
                xffAddrs, hopSkips, rejectNotAuthorized, rejectNotPresent, unauthenticatedMetrics);
    }

    /** The listener type from the label, or from a {@code type} key in an unlabelled block, as Vault does. */
    private static String type(LabelledBlock block, String suffix) {
        String type = block.label();
        if (type == null && block.body().get("type") != null) {
            type = Values.string(block.body().get("type"), "listener" + suffix + ": type");
        }
        if (type == null || type.isBlank()) {
            throw new ConfigException("listener" + suffix + ": listener type must be specified, "
                    + "e.g. listener \"tcp\" { ... }");
        }
        String normalized = type.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("unix")) {
            throw new ConfigException("listener \"unix\" is not supported; Coffer listens on TCP only "
                    + "(use listener \"tcp\")");
        }
        if (!normalized.equals("tcp")) {
            throw new ConfigException("listener \"" + type + "\": unsupported listener type " + Values.describe(type));
        }
        return normalized;
    }

    private static Tls tls(Block b) {
        boolean disable = b.bool("tls_disable", false);
        Path cert = b.file("tls_cert_file");
        Path key = b.file("tls_key_file");
        Path clientCa = b.file("tls_client_ca_file");
        String min = tlsVersion(b, "tls_min_version", "tls12");
        String max = tlsVersion(b, "tls_max_version", "tls13");
        if (TLS_VERSIONS.indexOf(min) > TLS_VERSIONS.indexOf(max)) {
            throw b.error("tls_min_version (" + min + ") is greater than tls_max_version (" + max + ")");
        }
        boolean require = b.bool("tls_require_and_verify_client_cert", false);
        boolean disableClientCerts = b.bool("tls_disable_client_certs", false);
        if (require && disableClientCerts) {
            throw b.error("tls_require_and_verify_client_cert and tls_disable_client_certs are mutually exclusive");
        }
        if (!disable) {
            List<String> missing = new ArrayList<>();
            if (cert == null) {
                missing.add("tls_cert_file");
            }
            if (key == null) {
                missing.add("tls_key_file");
            }
            if (!missing.isEmpty()) {
                throw b.error(String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " required when TLS is enabled (set tls_disable = true to serve plain HTTP)");
            }
        }
        return new Tls(disable, cert, key, clientCa, min, max, require, disableClientCerts);
    }

    private static String tlsVersion(Block b, String key, String fallback) {
        String value = b.string(key, fallback).trim().toLowerCase(Locale.ROOT);
        if (!TLS_VERSIONS.contains(value)) {
            throw Values.error(b.where(key), "expected one of tls10, tls11, tls12, tls13, got "
                    + Values.describe(b.raw(key)));
        }
        return value;
    }

    private static List<String> forwardedForAddrs(Block b) {
        List<String> addrs = b.stringList("x_forwarded_for_authorized_addrs");
        for (String addr : addrs) {
            if (!Cidr.isValid(addr)) {
                throw Values.error(b.where("x_forwarded_for_authorized_addrs"),
                        "expected IP addresses or CIDR blocks, got " + Values.describe(addr));
            }
        }
        return addrs;
    }

    private static void warnForwardedForWithoutAddrs(Block b, List<String> addrs) {
        if (!addrs.isEmpty()) {
            return;
        }
        for (String key : List.of("x_forwarded_for_reject_not_authorized", "x_forwarded_for_reject_not_present",
                "x_forwarded_for_hop_skips")) {
            if (b.has(key)) {
                b.ctx().warn(b.path() + ": x_forwarded_for_authorized_addrs is not set, so forwarding is not "
                        + "enabled but " + key + " was set");
            }
        }
    }

    private static void warnUnsupported(Block b) {
        for (String key : List.of("proxy_protocol_behavior", "proxy_protocol_authorized_addrs")) {
            if (b.raw(key) != null) {
                b.ctx().warn(b.path() + ": " + key + " is not supported by Coffer and is ignored");
            }
        }
    }
}
