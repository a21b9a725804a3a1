package io.coffer.server.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's {@code config.hcl}, shaped as in the guide: {@code storage "raft"} with {@code retry_join} blocks, one
 * TLS {@code listener "tcp"}, {@code api_addr}, {@code cluster_addr}, {@code disable_mlock}, {@code ui}. Immutable;
 * the {@code with*} methods return changed copies.
 *
 * @param nodeId       {@code node_id}
 * @param ip           the node's loopback address (API and cluster port bind it)
 * @param apiPort      API port
 * @param clusterPort  cluster (Raft) port
 * @param dataDir      {@code storage "raft" { path }}
 * @param certFile     {@code tls_cert_file}
 * @param keyFile      {@code tls_key_file}
 * @param clientCaFile {@code tls_client_ca_file}, or null
 * @param tlsDisable   {@code tls_disable = true} (then the certificate files are left out)
 * @param retryJoin    one {@code retry_join} block per entry
 * @param raftSettings further {@code key = value} lines of the {@code storage "raft"} stanza, in order (values are
 *                     written as given, so quote strings yourself)
 */
public record NodeConfig(String nodeId, String ip, int apiPort, int clusterPort, Path dataDir, Path certFile,
                         Path keyFile, Path clientCaFile, boolean tlsDisable, List<RetryJoin> retryJoin,
                         List<String> raftSettings) {

    /** A {@code retry_join} block: the leader's API URL and the CA file that verifies it (or null). */
    public record RetryJoin(String leaderApiAddr, Path leaderCaCertFile) {
    }

    public NodeConfig {
        retryJoin = List.copyOf(retryJoin);
        raftSettings = List.copyOf(raftSettings);
    }

    /** A configuration with no extra {@code storage "raft"} settings. */
    public NodeConfig(String nodeId, String ip, int apiPort, int clusterPort, Path dataDir, Path certFile,
                      Path keyFile, Path clientCaFile, boolean tlsDisable, List<RetryJoin> retryJoin) {
        this(nodeId, ip, apiPort, clusterPort, dataDir, certFile, keyFile, clientCaFile, tlsDisable, retryJoin,
                List.of());
    }

    public String scheme() {
        return tlsDisable ? "http" : "https";
    }

    public String apiAddr() {
        return scheme() + "://" + ip + ":" + apiPort;
    }

    public String clusterAddr() {
        return "https://" + ip + ":" + clusterPort;
    }

    public NodeConfig withCertificate(Path cert, Path key) {
        return new NodeConfig(nodeId, ip, apiPort, clusterPort, dataDir, cert, key, clientCaFile, tlsDisable,
                retryJoin, raftSettings);
    }

    public NodeConfig withClientCaFile(Path caFile) {
        return new NodeConfig(nodeId, ip, apiPort, clusterPort, dataDir, certFile, keyFile, caFile, tlsDisable,
                retryJoin, raftSettings);
    }

    public NodeConfig withTlsDisable(boolean disable) {
        return new NodeConfig(nodeId, ip, apiPort, clusterPort, dataDir, certFile, keyFile, clientCaFile, disable,
                retryJoin, raftSettings);
    }

    /** Adds a {@code retry_join} block for {@code leader}, verified with {@code caFile}. */
    public NodeConfig withRetryJoin(NodeConfig leader, Path caFile) {
        List<RetryJoin> joins = new ArrayList<>(retryJoin);
        joins.add(new RetryJoin(leader.apiAddr(), caFile));
        return new NodeConfig(nodeId, ip, apiPort, clusterPort, dataDir, certFile, keyFile, clientCaFile, tlsDisable,
                joins, raftSettings);
    }

    /**
     * Sets {@code key = value} in the {@code storage "raft"} stanza, replacing an earlier setting of {@code key};
     * {@code value} is written as given (e.g. {@code "true"}, {@code "64"}); null removes the setting.
     */
    public NodeConfig withRaftSetting(String key, String value) {
        List<String> settings = new ArrayList<>();
        raftSettings.stream().filter(line -> !line.startsWith(key + " =")).forEach(settings::add);
        if (value != null) {
            settings.add(key + " = " + value);
        }
        return new NodeConfig(nodeId, ip, apiPort, clusterPort, dataDir, certFile, keyFile, clientCaFile, tlsDisable,
                retryJoin, settings);
    }

    /** The {@code config.hcl} text. */
    public String render() {
        StringBuilder hcl = new StringBuilder();
        hcl.append("storage \"raft\" {\n");
        hcl.append("  path    = ").append(quote(dataDir)).append('\n');
        hcl.append("  node_id = ").append(quote(nodeId)).append('\n');
        raftSettings.forEach(line -> hcl.append("  ").append(line).append('\n'));
        for (RetryJoin join : retryJoin) {
            hcl.append("\n  retry_join {\n    leader_api_addr = ").append(quote(join.leaderApiAddr())).append('\n');
            if (join.leaderCaCertFile() != null) {
                hcl.append("    leader_ca_cert_file = ").append(quote(join.leaderCaCertFile())).append('\n');
            }
            hcl.append("  }\n");
        }
        hcl.append("}\n\nlistener \"tcp\" {\n");
        hcl.append("  address       = ").append(quote(ip + ":" + apiPort)).append('\n');
        if (tlsDisable) {
            hcl.append("  tls_disable   = true\n");
        } else {
            hcl.append("  tls_cert_file = ").append(quote(certFile)).append('\n');
            hcl.append("  tls_key_file  = ").append(quote(keyFile)).append('\n');
            if (clientCaFile != null) {
                hcl.append("  tls_client_ca_file = ").append(quote(clientCaFile)).append('\n');
            }
        }
        hcl.append("}\n\n");
        hcl.append("api_addr      = ").append(quote(apiAddr())).append('\n');
        hcl.append("cluster_addr  = ").append(quote(clusterAddr())).append('\n');
        hcl.append("disable_mlock = true\nui            = true\n");
        return hcl.toString();
    }

    private static String quote(Object value) {
        return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
