package io.coffer.server.config;

import io.coffer.api.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link ServerConfig} from a merged document: top-level keys, stanzas, then address derivation. */
final class ServerConfigParser {
    private static final Map<String, String> LOG_LEVELS = Map.of(
            "trace", "trace", "debug", "debug", "info", "info", "notice", "info",
            "warn", "warn", "warning", "warn", "err", "error", "error", "error");

    private ServerConfigParser() {
    }

    static ServerConfig build(ConfigDocument doc, ParseContext ctx) {
        RaftParser.Parsed storage = RaftParser.parse(doc, ctx);
        checkSeals(doc.seals(), ctx);
        Block top = new Block("", doc.attributes(), ctx);
        if (top.bool("disable_clustering", false)) {
            throw Values.error("disable_clustering", "cannot be true with storage \"raft\"");
        }
        String apiAddr = orElse(top.string("api_addr", null), storage.redirectAddr());
        String clusterAddr = orElse(top.string("cluster_addr", null), storage.clusterAddr());
        String clusterName = orElse(top.string("cluster_name", null), null);
        boolean disableMlock = top.bool("disable_mlock", false);
        boolean ui = top.bool("ui", false);
        String logLevel = logLevel(top, ctx);
        Duration maxTtl = nonNegative(top, "max_lease_ttl", ServerConfig.DEFAULT_LEASE_TTL);
        Duration defaultTtl = defaultLeaseTtl(top, maxTtl);
        Duration maxRequest = nonNegative(top, "default_max_request_duration",
                ServerConfig.DEFAULT_MAX_REQUEST_DURATION);
        TelemetryConfig telemetry = TelemetryParser.parse(top.raw("telemetry"), ctx);
        boolean hostnameHeader = top.bool("enable_response_header_hostname", false);
        boolean nodeIdHeader = top.bool("enable_response_header_raft_node_id", false);
        List<ListenerConfig> listeners = ListenerParser.parseAll(doc.listeners(), maxRequest, ctx);
        if (!doc.serviceRegistration().isEmpty()) {
            ctx.warn("service_registration is not supported by Coffer and is ignored");
        }
        top.ignore(KnownKeys.TOP_LEVEL);
        top.finish();
        AddressResolver.Addresses addresses = AddressResolver.resolve(apiAddr, clusterAddr, listeners.get(0), ctx);
        return new ServerConfig(storage.raft(), listeners, addresses.apiAddr(), addresses.clusterAddr(),
                clusterName, disableMlock, ui, logLevel, defaultTtl, maxTtl, maxRequest, telemetry,
                hostnameHeader, nodeIdHeader, ctx.warnings());
    }

    /** Only the Shamir seal exists in Coffer; any other {@code seal} type (or VAULT_SEAL_TYPE) is refused. */
    private static void checkSeals(List<LabelledBlock> seals, ParseContext ctx) {
        String envType = ctx.env("VAULT_SEAL_TYPE");
        if (envType != null && !envType.equalsIgnoreCase("shamir")) {
            throw new ConfigException("VAULT_SEAL_TYPE (environment): seal \"" + envType + "\" is not supported; "
                    + "Coffer supports only the Shamir seal");
        }
        for (LabelledBlock seal : seals) {
            Object typeKey = seal.body().get("type");
            String type = seal.label() != null ? seal.label()
                    : typeKey == null ? "" : Values.string(typeKey, "seal: type");
            if (!type.equalsIgnoreCase("shamir")) {
                throw new ConfigException("seal \"" + type + "\" is not supported; Coffer supports only the Shamir "
                        + "seal (remove the seal stanza)");
            }
        }
    }

    /** VAULT_LOG_LEVEL, then log_level, then info; Vault's aliases are folded to five names. */
    private static String logLevel(Block top, ParseContext ctx) {
        String configured = top.string("log_level", null);
        String envLevel = ctx.env("VAULT_LOG_LEVEL");
        String raw = envLevel != null ? envLevel : configured;
        if (raw == null || raw.isBlank()) {
            return "info";
        }
        String level = LOG_LEVELS.get(raw.trim().toLowerCase(Locale.ROOT));
        if (level == null) {
            String where = envLevel != null ? "VAULT_LOG_LEVEL (environment)" : "log_level";
            throw Values.error(where, "unknown log level " + Values.describe(raw)
                    + " (expected trace, debug, info, warn or error)");
        }
        return level;
    }

    /** Defaults to 768h, clamped to max_lease_ttl when not given; an explicit value above the max is an error. */
    private static Duration defaultLeaseTtl(Block top, Duration maxTtl) {
        boolean explicit = top.has("default_lease_ttl");
        Duration value = nonNegative(top, "default_lease_ttl", ServerConfig.DEFAULT_LEASE_TTL);
        if (value.compareTo(maxTtl) <= 0) {
            return value;
        }
        if (!explicit) {
            return maxTtl;
        }
        throw Values.error("default_lease_ttl", GoDuration.format(value) + " cannot be larger than max_lease_ttl ("
                + GoDuration.format(maxTtl) + ")");
    }

    /** A duration that cannot be negative; 0 means the default, as in Vault. */
    private static Duration nonNegative(Block top, String key, Duration fallback) {
        Duration value = top.duration(key, fallback);
        if (value.isNegative()) {
            throw Values.error(key, "cannot be negative");
        }
        return value.isZero() ? fallback : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
