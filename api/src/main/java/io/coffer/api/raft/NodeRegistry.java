package io.coffer.api.raft;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Entry;
import io.coffer.storage.Storage;
import io.coffer.storage.Txn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated registry of unsealed nodes: {@code core/nodes/<id>} holds a node's api_addr, cluster_addr and host
 * name, barrier-encrypted, and exists exactly while that node is unsealed. Each node keeps its own entry in line
 * with its seal state ({@link #reconcile}, on a timer). Standbys read the active node's addresses from it
 * ({@code sys/leader}, {@code sys/ha-status}); a sealed leader sees from the keys alone, which are not encrypted,
 * which peers are unsealed and can take over. A node killed while unsealed leaves its entry until it restarts.
 */
final class NodeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);
    static final String PREFIX = "core/nodes/";

    private final StorageHost host;
    private final SealManager seal;
    private final LogicalStorage entries;
    private final Node self;
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile long verifiedRevision = -1;

    /** {@code root} is the barrier view with an empty prefix. */
    NodeRegistry(StorageHost host, SealManager seal, LogicalStorage root, NodeIdentity identity, String hostname) {
        this.host = host;
        this.seal = seal;
        this.entries = root.sub(PREFIX);
        this.self = new Node(identity.nodeId(), identity.apiAddr(), identity.clusterAddr(), hostname);
    }

    /** One registered (unsealed) node. */
    record Node(String nodeId, String apiAddr, String clusterAddr, String hostname) {
        NodeIdentity identity() {
            return new NodeIdentity(nodeId, apiAddr, clusterAddr);
        }
    }

    /** Whether {@code nodeId} is unsealed as far as this node has applied; works while this node is sealed. */
    boolean unsealed(String nodeId) {
        Storage storage = host.storage();
        return storage != null && storage.get(PREFIX + key(nodeId)).isPresent();
    }

    /** The registered node {@code nodeId}; empty when absent, unreadable, or when this node is sealed. */
    Optional<Node> lookup(String nodeId) {
        if (seal.sealed() || host.storage() == null) {
            return Optional.empty();
        }
        try {
            return entries.get(key(nodeId)).flatMap(NodeRegistry::decode);
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** Every registered node (this node must be unsealed). */
    List<Node> all() {
        List<Node> nodes = new ArrayList<>();
        for (String key : entries.keys("")) {
            entries.get(key).flatMap(NodeRegistry::decode).ifPresent(nodes::add);
        }
        return nodes;
    }

    /** Removes {@code nodeId}'s entry (remove-peer); blocks for the bounded write. */
    void forget(String nodeId) {
        entries.txn(Txn.builder().delete(key(nodeId)).build());
    }

    /** Writes or deletes this node's own entry to match its seal state. Never blocks; one write at a time. */
    void reconcile() {
        Storage storage = host.storage();
        if (storage == null || writing.get()) {
            return;
        }
        String physical = PREFIX + key(self.nodeId());
        Optional<Entry> current = storage.get(physical);
        if (seal.sealed()) {
            if (current.isPresent()) {
                submit(storage, Txn.builder().delete(physical).build());
            }
            return;
        }
        if (current.isPresent() && current.get().revision() == verifiedRevision) {
            return;
        }
        if (current.isPresent() && lookup(self.nodeId()).filter(self::equals).isPresent()) {
            verifiedRevision = current.get().revision();
            return;
        }
        try {
            byte[] value = Json.bytes(Json.MAPPER.valueToTree(self));
            submit(storage, Txn.builder().put(physical, seal.barrier().encrypt(physical, value)).build());
        } catch (ApiException sealedMeanwhile) {
            // sealed between the check and the write: the next round deletes instead
        }
    }

    private void submit(Storage storage, Txn txn) {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        storage.txn(txn).whenComplete((result, error) -> {
            writing.set(false);
            if (error != null) {
                LOG.debug("node registry update failed (retried): {}", error.toString());
            }
        });
    }

    private static Optional<Node> decode(Entry entry) {
        try {
            JsonNode node = Json.parse(entry.value());
            return Optional.of(new Node(node.path("nodeId").asText(), node.path("apiAddr").asText(),
                    node.path("clusterAddr").asText(), node.path("hostname").asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Node ids are operator-chosen text: encode them as one storage key segment. */
    private static String key(String nodeId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nodeId.getBytes(StandardCharsets.UTF_8));
    }
}
