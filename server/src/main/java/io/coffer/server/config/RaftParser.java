package io.coffer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the storage stanza, which must be {@code storage "raft"}, applying {@code VAULT_RAFT_PATH} and
 * {@code VAULT_RAFT_NODE_ID}. Also returns the legacy in-stanza {@code redirect_addr}/{@code cluster_addr},
 * which Vault uses when the top-level {@code api_addr}/{@code cluster_addr} are absent.
 */
final class RaftParser {
    static final String ENV_PATH = "VAULT_RAFT_PATH";
    static final String ENV_NODE_ID = "VAULT_RAFT_NODE_ID";

    record Parsed(RaftStorageConfig raft, String redirectAddr, String clusterAddr) {
    }

    private RaftParser() {
    }

    static Parsed parse(ConfigDocument doc, ParseContext ctx) {
        LabelledBlock storage = doc.storage();
        if (storage == null) {
            throw new ConfigException("no storage configured: add a storage \"raft\" { path = \"...\" } stanza");
        }
        if (storage.label() == null) {
            throw new ConfigException("storage: the stanza needs a type label, e.g. storage \"raft\" { ... }");
        }
        String type = storage.label().toLowerCase(Locale.ROOT);
        if (!type.equals("raft")) {
            throw new ConfigException("storage \"" + storage.label() + "\" is not supported; "
                    + "Coffer stores data with storage \"raft\"");
        }
        if (!doc.haStorage().isEmpty()) {
            throw new ConfigException("ha_storage cannot be declared when storage \"raft\" is used; "
                    + "integrated storage provides high availability itself");
        }
        Block b = new Block("storage \"raft\"", storage.body(), ctx);
        if (b.bool("disable_clustering", false)) {
            throw Values.error(b.where("disable_clustering"), "cannot be true with storage \"raft\"");
        }
        String redirect = b.string("redirect_addr", b.string("advertise_addr", null));
        String cluster = b.string("cluster_addr", null);
        RaftStorageConfig raft = raft(b, ctx);
        b.ignore(KnownKeys.RAFT);
        b.finish();
        return new Parsed(raft, redirect, cluster);
    }

    private static RaftStorageConfig raft(Block b, ParseContext ctx) {
        Path path = b.file("path");
        String envPath = ctx.env(ENV_PATH);
        if (envPath != null) {
            path = ctx.resolve(envPath);
        }
        if (path == null) {
            throw b.error("path is required (or set " + ENV_PATH + ")");
        }
        String nodeId = ctx.env(ENV_NODE_ID);
        String configured = b.string("node_id", null);
        if (nodeId == null && configured != null && !configured.isBlank()) {
            nodeId = configured.trim();
        }
        int multiplier = (int) b.integer("performance_multiplier", 0, 0, 10);
        long trailing = b.integer("trailing_logs", RaftStorageConfig.DEFAULT_TRAILING_LOGS, 0, Long.MAX_VALUE);
        long threshold = b.integer("snapshot_threshold", RaftStorageConfig.DEFAULT_SNAPSHOT_THRESHOLD,
                0, Long.MAX_VALUE);
        Duration interval = positive(b, "snapshot_interval", RaftStorageConfig.DEFAULT_SNAPSHOT_INTERVAL);
        long maxEntry = b.integer("max_entry_size", RaftStorageConfig.DEFAULT_MAX_ENTRY_SIZE, 1, Long.MAX_VALUE);
        List<RetryJoinConfig> joins = new ArrayList<>();
        for (Block join : b.children("retry_join", "retry_join")) {
            joins.add(RetryJoinParser.parse(join));
        }
        Duration reconcile = positive(b, "autopilot_reconcile_interval",
                RaftStorageConfig.DEFAULT_AUTOPILOT_RECONCILE_INTERVAL);
        Duration update = positive(b, "autopilot_update_interval",
                RaftStorageConfig.DEFAULT_AUTOPILOT_UPDATE_INTERVAL);
        boolean unsealFromPeers = b.bool("unseal_from_peers", false);
        b.ignore(Set.of("node_id"));
        return new RaftStorageConfig(path, nodeId, multiplier, trailing, threshold, interval, maxEntry, joins,
                reconcile, update, unsealFromPeers);
    }

    /** A duration that must be positive; 0 falls back to the default, as Vault's raft backend does. */
    private static Duration positive(Block b, String key, Duration fallback) {
        Duration value = b.duration(key, fallback);
        if (value.isNegative()) {
            throw Values.error(b.where(key), "cannot be negative");
        }
        return value.isZero() ? fallback : value;
    }
}
