package io.coffer.storage;

import java.util.List;

/**
 * This node's view of the Raft group at one instant.
 *
 * @param nodeId        this node's id (the {@code node_id} of {@code storage "raft"})
 * @param leader        whether this node is the Raft leader (Vault's "active node")
 * @param leaderId      the current leader's id, or empty when none is known
 * @param term          the current Raft term
 * @param commitIndex   the highest log index known committed
 * @param appliedIndex  the highest log index applied to RocksDB on this node
 * @param peers         the current configuration
 */
public record StorageStatus(String nodeId, boolean leader, String leaderId, long term, long commitIndex,
                            long appliedIndex, List<Peer> peers) {

    /** One member of the Raft configuration. {@code address} is host:port of its cluster port. */
    public record Peer(String id, String address, boolean voter) {
    }
}
