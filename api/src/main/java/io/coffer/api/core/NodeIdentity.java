package io.coffer.api.core;

/**
 * How this node presents itself.
 *
 * @param nodeId      the Raft node id
 * @param apiAddr     full URL clients are redirected to ({@code api_addr})
 * @param clusterAddr full URL of the cluster port ({@code cluster_addr}, https)
 */
public record NodeIdentity(String nodeId, String apiAddr, String clusterAddr) {
}
