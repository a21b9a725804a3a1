package io.coffer.api.raft;

import io.coffer.api.ApiException;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's side of joining a raft cluster (vault-api.md §3.1, §3.3): the preconditions of
 * {@code sys/storage/raft/join}, one challenge round or the background retry loop, and the {@link JoinAttempt} that
 * then waits for unseal keys. At most one join is in progress; a new request replaces it. Thread-safe.
 */
public final class Joiner {

    private static final Logger LOG = LoggerFactory.getLogger(Joiner.class);

    private final SealManager seal;
    private final StorageHost host;
    private final NodeIdentity self;
    private final BootstrapProtocol protocol;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callers;
    private JoinLoop loop;
    private JoinAttempt attempt;

    Joiner(SealManager seal, StorageHost host, NodeIdentity self, LeaderClient client,
           ScheduledExecutorService scheduler, ExecutorService callers) {
        this.seal = seal;
        this.host = host;
        this.self = self;
        this.protocol = new BootstrapProtocol(client);
        this.scheduler = scheduler;
        this.callers = callers;
    }

    /**
     * Joins through {@code targets}; returns Vault's {@code joined}: true when this node already has raft state or
     * got a challenge (it then waits for unseal keys), false when the retry loop was started in the background.
     */
    public synchronized boolean join(List<JoinTarget> targets, boolean retry) {
        if (host.storage() != null) {
            return true;
        }
        if (!seal.sealed()) {
            throw ApiException.internal("node must be sealed before joining");
        }
        stop();
        JoinLoop next = new JoinLoop(protocol, self.nodeId(), targets, callers);
        if (!retry) {
            try {
                begin(next.once(), false);
            } catch (JoinException e) {
                LOG.error("failed to join raft cluster: {}", e.getMessage());
                throw ApiException.internal("failed to join raft cluster: " + e.getMessage());
            }
            return true;
        }
        loop = next;
        next.start(scheduler, () -> host.storage() == null, challenge -> onChallenge(next, challenge));
        return false;
    }

    /**
     * A join request that names no usable leader ({@code problem} says why): the same preconditions as
     * {@link #join}, then 500 {@code failed to join raft cluster: <problem>}, or {@code false} for a retrying join
     * (Vault logs the problem and its loop never finds a leader).
     */
    public synchronized boolean reject(String problem, boolean retry) {
        if (host.storage() != null) {
            return true;
        }
        if (!seal.sealed()) {
            throw ApiException.internal("node must be sealed before joining");
        }
        LOG.error("failed to join raft cluster: {}", problem);
        if (retry) {
            return false;
        }
        throw ApiException.internal("failed to join raft cluster: " + problem);
    }

    /** The {@code retry_join} stanzas at start-up: ignored when this node already has raft state. */
    public synchronized void retryJoin(List<JoinTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        if (host.storage() != null) {
            LOG.info("raft state present; ignoring retry_join");
            return;
        }
        LOG.info("raft retry join initiated");
        join(targets, true);
    }

    /** Stops any join in progress (node shutting down). */
    public synchronized void close() {
        stop();
    }

    private synchronized void onChallenge(JoinLoop from, BootstrapProtocol.Challenge challenge) {
        if (loop == from) {
            begin(challenge, true);
        }
    }

    private void begin(BootstrapProtocol.Challenge challenge, boolean retry) {
        if (attempt != null) {
            attempt.cancel();
        }
        JoinAttempt.AnswerFailed onFailure = retry ? failed -> scheduler.execute(() -> rechallenge(failed))
                : failed -> { };
        attempt = new JoinAttempt(challenge, protocol, seal, host, self.nodeId(), hostPort(self.clusterAddr()),
                scheduler, onFailure);
        seal.beginJoin(attempt);
    }

    /** A retrying join whose answer failed fetches a fresh challenge from the same targets. */
    private synchronized void rechallenge(JoinAttempt failed) {
        if (attempt != failed || loop == null) {
            return;
        }
        attempt.cancel();
        attempt = null;
        JoinLoop next = new JoinLoop(protocol, self.nodeId(), loop.targets(), callers);
        loop = next;
        next.start(scheduler, () -> host.storage() == null, challenge -> onChallenge(next, challenge));
    }

    private void stop() {
        if (loop != null) {
            loop.cancel();
            loop = null;
        }
        if (attempt != null) {
            attempt.cancel();
            attempt = null;
        }
    }

    /** {@code host:port} of a cluster URL such as {@code https://10.0.0.2:8201}, as Raft peers dial it. */
    static String hostPort(String clusterAddr) {
        URI uri = URI.create(clusterAddr.contains("://") ? clusterAddr : "https://" + clusterAddr);
        int port = uri.getPort() < 0 ? 8201 : uri.getPort();
        return uri.getHost() + ":" + port;
    }
}
