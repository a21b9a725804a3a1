package io.coffer.server.join;

import io.coffer.api.raft.JoinTarget;
import io.coffer.server.config.RetryJoinConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this node joins a raft cluster: the {@code retry_join} targets run at start-up (vault-api.md §3.3), and the
 * CA that verifies a leader when a join brings none (a listener's {@code tls_client_ca_file}).
 *
 * @param retryJoin    targets from the {@code retry_join} blocks, in file order
 * @param defaultCaPem PEM CA bundle, or null for the JVM's trust store
 */
public record JoinSettings(List<JoinTarget> retryJoin, String defaultCaPem) {

    private static final Logger LOG = LoggerFactory.getLogger(JoinSettings.class);

    public JoinSettings {
        retryJoin = List.copyOf(retryJoin);
    }

    /** No retry_join blocks, the JVM's trust store. */
    public static JoinSettings none() {
        return new JoinSettings(List.of(), null);
    }

    /** The targets of {@code blocks}; {@code auto_join} blocks are skipped with a warning (cloud discovery). */
    public static JoinSettings from(List<RetryJoinConfig> blocks, String defaultCaPem) {
        List<JoinTarget> targets = new ArrayList<>();
        for (RetryJoinConfig block : blocks) {
            if (block.leaderApiAddr() == null) {
                LOG.warn("retry_join with auto_join is not supported; the block is ignored");
                continue;
            }
            targets.add(new JoinTarget(block.leaderApiAddr(), block.leaderCaCert(), block.leaderClientCert(),
                    block.leaderClientKey(), block.leaderTlsServername()));
        }
        return new JoinSettings(targets, defaultCaPem);
    }
}
