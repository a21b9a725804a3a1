/**
 * Mutual TLS on the cluster port: which certificate a node presents and which CA it trusts ({@code config.hcl},
 * as in the guide), the start-up check of the node's own certificate, and the logs that say why a peer's handshake
 * failed, on the side that refused and on the side that was refused. {@link io.coffer.server.cluster.ClusterTls} is
 * the entry point; {@code ConfigSettings} builds it before Raft starts and {@code RaftStorageHost} applies it.
 */
package io.coffer.server.cluster;
