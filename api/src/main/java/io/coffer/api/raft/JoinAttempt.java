package io.coffer.api.raft;

import io.coffer.api.ApiException;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.core.StoragePaths;
import io.coffer.seal.SealConfig;
import io.coffer.seal.SealException;
import io.coffer.seal.SealedBlob;
import io.coffer.storage.Storage;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One join that holds a leader's challenge and waits for this node's unseal keys (vault-api.md §3.2 steps 2–5).
 * Registered with the {@link SealManager} as its pending join: the key the operator's shares combine to must open
 * the challenge (wrong shares fail here and the node does not join), then the answer goes to the leader, this node
 * starts Raft in the group the leader names, and a background task opens the barrier with the same key once the
 * replicated keyring and root key have arrived. Nothing is persisted: after a restart the join is simply redone.
 */
final class JoinAttempt implements SealManager.PendingJoin {

    private static final Logger LOG = LoggerFactory.getLogger(JoinAttempt.class);
    private static final long POLL_MILLIS = 200;
    private static final long COMPLETION_TIMEOUT_MILLIS = 120_000;

    /** Told when the leader refused or could not take the answer, so a retrying join can fetch a new challenge. */
    interface AnswerFailed {
        void answerFailed(JoinAttempt attempt);
    }

    private final BootstrapProtocol.Challenge challenge;
    private final BootstrapProtocol protocol;
    private final SealManager seal;
    private final StorageHost host;
    private final String serverId;
    private final String clusterAddr;
    private final ScheduledExecutorService scheduler;
    private final AnswerFailed onAnswerFailed;
    private boolean answered;
    private ScheduledFuture<?> poller;

    JoinAttempt(BootstrapProtocol.Challenge challenge, BootstrapProtocol protocol, SealManager seal, StorageHost host,
                String serverId, String clusterAddr, ScheduledExecutorService scheduler, AnswerFailed onAnswerFailed) {
        this.challenge = challenge;
        this.protocol = protocol;
        this.seal = seal;
        this.host = host;
        this.serverId = serverId;
        this.clusterAddr = clusterAddr;
        this.scheduler = scheduler;
        this.onAnswerFailed = onAnswerFailed;
    }

    @Override
    public SealConfig leaderSealConfig() {
        return challenge.sealConfig();
    }

    /** Runs on the {@code sys/unseal} worker thread that submitted the last share. */
    @Override
    public synchronized void complete(byte[] unsealKey) {
        if (answered) {
            return;
        }
        byte[] answer;
        try {
            answer = SealedBlob.open(unsealKey, challenge.blob());
        } catch (SealException e) {
            throw ApiException.badRequest("error decrypting challenge: " + e.getMessage());
        }
        BootstrapProtocol.Membership membership;
        try {
            membership = protocol.answer(challenge.target(), serverId, answer, clusterAddr);
        } catch (JoinException e) {
            LOG.warn("the raft leader did not accept the join answer: {}", e.getMessage());
            onAnswerFailed.answerFailed(this);
            throw ApiException.internal("failed to send answer to raft leader node: " + e.getMessage());
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
        try {
            host.join(membership.groupId(), membership.peers());
        } catch (RuntimeException e) {
            LOG.error("cannot start raft after the leader accepted this node", e);
            throw ApiException.internal("failed to start raft: " + e.getMessage());
        }
        answered = true;
        LOG.info("successfully joined the raft cluster; leader_addr={}", challenge.target().leaderApiAddr());
        byte[] key = unsealKey.clone();
        long deadline = System.currentTimeMillis() + COMPLETION_TIMEOUT_MILLIS;
        poller = scheduler.scheduleWithFixedDelay(() -> openWhenReplicated(key, deadline), 0, POLL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Stops waiting (node closing, or another join replaced this one). */
    synchronized void cancel() {
        if (poller != null) {
            poller.cancel(false);
        }
        seal.endJoin(this);
    }

    private void openWhenReplicated(byte[] key, long deadline) {
        Storage storage = host.storage();
        boolean ready = storage != null && storage.get(StoragePaths.SEALED_ROOT_KEY).isPresent()
                && storage.get(StoragePaths.KEYRING).isPresent();
        if (!ready && System.currentTimeMillis() < deadline) {
            return;
        }
        try {
            if (ready) {
                seal.open(key);
            } else {
                LOG.error("the cluster's keys did not replicate to this node in time; unseal it again later");
            }
        } catch (ApiException e) {
            LOG.error("cannot unseal after joining: {}", String.join("; ", e.errors()));
        } finally {
            Arrays.fill(key, (byte) 0);
            cancel();
        }
    }
}
