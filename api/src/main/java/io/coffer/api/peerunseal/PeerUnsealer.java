package io.coffer.api.peerunseal;

import io.coffer.api.ApiException;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.core.StoragePaths;
import io.coffer.seal.Barrier;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sealed member's half of {@code unseal_from_peers}: after a restart, while this node is sealed, holds the
 * cluster's replicated keys and knows a Raft leader other than itself, it asks that leader for the unseal key over
 * the cluster port ({@link Transport}), with a fresh ephemeral key per attempt, and unseals itself with the answer.
 * Attempts repeat every {@link #RETRY} until the node is unsealed once, by this or by an operator; after that it
 * stops for good, so a node sealed on purpose ({@code sys/seal}) stays sealed until its next restart. Runs on its own
 * daemon thread.
 */
public final class PeerUnsealer implements AutoCloseable {

    static final Duration RETRY = Duration.ofMillis(500);
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(PeerUnsealer.class);

    /** Carries one exchange to a peer's cluster port. */
    public interface Transport {
        /**
         * Sends {@code request} to the peer at {@code address} ({@code host:port}) and returns its answer.
         *
         * @throws PeerUnsealRefusedException when the peer refused, with its reason
         * @throws IOException                when the peer could not be reached or does not offer the exchange
         */
        byte[] exchange(String address, byte[] request, Duration timeout) throws IOException;
    }

    private final SealManager seal;
    private final StorageHost host;
    private final String selfId;
    private final Transport transport;
    private final ScheduledExecutorService timer;
    private volatile boolean done;
    private String lastProblem;

    public PeerUnsealer(SealManager seal, StorageHost host, String selfId, Transport transport) {
        this.seal = seal;
        this.host = host;
        this.selfId = selfId;
        this.transport = transport;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "peer-unseal");
            t.setDaemon(true);
            return t;
        });
        seal.addListener(new SealManager.SealListener() {
            @Override
            public void onUnseal(Barrier barrier) {
                done = true;
            }

            @Override
            public void onSeal() {
                // stays done: an operator's seal is not undone by a peer
            }
        });
    }

    /** Begins asking (server start-up). */
    public void start() {
        LOG.info("unseal_from_peers is on: while sealed after a restart, this node asks the raft leader for the "
                + "unseal key over the cluster port");
        timer.scheduleWithFixedDelay(this::attempt, 0, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        done = true;
        timer.shutdownNow();
    }

    private void attempt() {
        if (done || !seal.sealed()) {
            done = true;
            timer.shutdown();
            return;
        }
        try {
            Optional<String> problem = tryOnce();
            if (problem.isEmpty()) {
                done = true;
                timer.shutdown();
            } else {
                report(problem.get());
            }
        } catch (RuntimeException e) {
            report("unexpected failure: " + e);
        }
    }

    /** One attempt: empty once this node is unsealed, else why it is not (yet). */
    Optional<String> tryOnce() {
        RaftStorage raft = host.raft();
        Storage storage = host.storage();
        if (raft == null || storage == null) {
            return Optional.of("this node is not a raft member yet; join it and unseal it with the keys once");
        }
        if (storage.get(StoragePaths.SEALED_ROOT_KEY).isEmpty() || storage.get(StoragePaths.KEYRING).isEmpty()) {
            return Optional.of("the cluster's keys have not replicated to this node yet");
        }
        StorageStatus status = raft.status();
        if (status.leaderId().isEmpty() || status.leaderId().equals(selfId)) {
            return Optional.of(status.leaderId().isEmpty() ? "no raft leader known yet"
                    : "this node leads the raft group while sealed; waiting for an unsealed leader");
        }
        Optional<StorageStatus.Peer> leader = status.peers().stream()
                .filter(p -> p.voter() && p.id().equals(status.leaderId())).findFirst();
        if (leader.isEmpty()) {
            return Optional.of("the raft leader " + status.leaderId() + " is not in this node's configuration");
        }
        return exchange(raft, leader.get());
    }

    private Optional<String> exchange(RaftStorage raft, StorageStatus.Peer leader) {
        KeyPair pair = UnsealKeyEnvelope.ephemeral();
        PeerUnsealMessages.Request request = new PeerUnsealMessages.Request(selfId, pair.getPublic().getEncoded());
        PeerUnsealMessages.Response response;
        try {
            response = PeerUnsealMessages.Response.decode(transport.exchange(leader.address(), request.encode(),
                    TIMEOUT));
        } catch (PeerUnsealRefusedException e) {
            return Optional.of("raft leader " + leader.id() + " refused: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("cannot get the unseal key from raft leader " + leader.id() + " at "
                    + leader.address() + ": " + e.getMessage());
        }
        String groupId = raft.groupId().toString();
        if (!groupId.equals(response.groupId())) {
            return Optional.of("raft leader " + leader.id() + " answered for another raft group");
        }
        byte[] key;
        try {
            key = UnsealKeyEnvelope.open(pair, response.envelope(),
                    UnsealKeyEnvelope.context(groupId, selfId, response.responderId()));
        } catch (IllegalArgumentException e) {
            return Optional.of("the answer of " + response.responderId() + " does not open: " + e.getMessage());
        }
        try {
            // SealManager changes state under its own lock: checking and opening under it cannot race an operator.
            synchronized (seal) {
                if (!seal.sealed()) {
                    return Optional.empty();
                }
                seal.open(key);
            }
        } catch (ApiException e) {
            return Optional.of("the key from " + response.responderId() + " does not unseal this node: "
                    + String.join("; ", e.errors()));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        LOG.info("unsealed with the unseal key from raft leader {} (unseal_from_peers)", response.responderId());
        return Optional.empty();
    }

    /** Logs a problem once when it first appears or changes, at debug while it repeats. */
    private void report(String problem) {
        if (Objects.equals(problem, lastProblem)) {
            LOG.debug("unseal_from_peers: still sealed: {}", problem);
        } else {
            LOG.info("unseal_from_peers: still sealed: {}", problem);
            lastProblem = problem;
        }
    }
}
