package io.coffer.api.peerunseal;

import io.coffer.api.ApiException;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.peerunseal.PeerUnsealRefusedException.Kind;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's half of {@code unseal_from_peers}: hands the unseal key, encrypted to the requester's ephemeral key,
 * to a sealed member that asks over the mutual-TLS cluster port. It answers only while this node is unsealed and
 * the Raft leader (whose configuration is authoritative), and only to a current voter other than itself whose TLS
 * client certificate covers that voter's cluster address, so one member's certificate cannot fetch the key under
 * another member's id and a removed or never-added node gets nothing. Every hand-out is logged. Thread-safe;
 * called on the cluster port's gRPC threads.
 */
public final class PeerUnsealResponder {

    private static final Logger LOG = LoggerFactory.getLogger(PeerUnsealResponder.class);

    private final SealManager seal;
    private final StorageHost host;
    private final String selfId;

    public PeerUnsealResponder(SealManager seal, StorageHost host, String selfId) {
        this.seal = seal;
        this.host = host;
        this.selfId = selfId;
    }

    /**
     * Answers {@code request}.
     *
     * @param certificateCovers whether the caller's TLS client certificate covers a host name or IP (its SANs)
     * @param caller            the caller's certificate subject and address, for the log
     * @throws PeerUnsealRefusedException when the key must not be handed out; the message says why
     */
    public PeerUnsealMessages.Response answer(PeerUnsealMessages.Request request, Predicate<String> certificateCovers,
                                              String caller) {
        RaftStorage raft = host.raft();
        if (seal.sealed() || raft == null) {
            throw new PeerUnsealRefusedException(Kind.SEALED, "node " + selfId + " is sealed");
        }
        StorageStatus status = raft.status();
        if (!status.leader()) {
            throw new PeerUnsealRefusedException(Kind.NOT_LEADER, "node " + selfId + " is not the raft leader"
                    + (status.leaderId().isEmpty() ? "" : " (the leader is " + status.leaderId() + ")"));
        }
        StorageStatus.Peer voter = voter(status, request.nodeId()).orElseThrow(() -> refuse(Kind.NOT_A_VOTER,
                caller, request.nodeId() + " is not a voter of this raft cluster"));
        String voterHost = PeerAddress.host(voter.address());
        if (!certificateCovers.test(voterHost)) {
            throw refuse(Kind.WRONG_CERTIFICATE, caller, "the client certificate does not cover " + voterHost
                    + ", the cluster address of voter " + voter.id() + " (" + voter.address() + ")");
        }
        String groupId = raft.groupId().toString();
        byte[] key;
        try {
            key = seal.unsealKey();
        } catch (ApiException sealedMeanwhile) {
            throw new PeerUnsealRefusedException(Kind.SEALED, "node " + selfId + " is sealed");
        }
        try {
            UnsealKeyEnvelope.Sealed envelope = UnsealKeyEnvelope.seal(key, request.publicKey(),
                    UnsealKeyEnvelope.context(groupId, voter.id(), selfId));
            LOG.info("unseal_from_peers: handed the unseal key to voter {} at {} ({}), encrypted to its ephemeral key",
                    voter.id(), voter.address(), caller);
            return new PeerUnsealMessages.Response(selfId, groupId, envelope);
        } catch (IllegalArgumentException e) {
            throw new PeerUnsealRefusedException(Kind.MALFORMED, "bad public key: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private Optional<StorageStatus.Peer> voter(StorageStatus status, String nodeId) {
        if (nodeId.equals(selfId)) {
            return Optional.empty();
        }
        return status.peers().stream().filter(p -> p.voter() && p.id().equals(nodeId)).findFirst();
    }

    private static PeerUnsealRefusedException refuse(Kind kind, String caller, String why) {
        LOG.warn("unseal_from_peers: refused the unseal key to {}: {}", caller, why);
        return new PeerUnsealRefusedException(kind, why);
    }
}
